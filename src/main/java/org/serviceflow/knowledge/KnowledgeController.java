package org.serviceflow.knowledge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.serviceflow.identity.CurrentUser;
import org.serviceflow.knowledge.KnowledgeBase.EntryView;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/knowledge}: search (with {@code q}, best first, each with the passage that matched) and read the
 * knowledge base: operators and clerks who answer directly and the maintainers; maintain it (create, change,
 * delete): hotline-supervisors, customer-service-lead and camunda-admin.
 */
@RestController
@RequestMapping("/api/knowledge")
@Validated
class KnowledgeController {

  static final Set<String> MAINTAINERS = Set.of("hotline-supervisors", "customer-service-lead", Groups.CAMUNDA_ADMIN);
  static final Set<String> READERS = Set.of("hotline-operators", "customer-service", "hotline-supervisors",
      "customer-service-lead", Groups.CAMUNDA_ADMIN);
  static final int RESULTS = 10;

  private final KnowledgeBase knowledge;
  private final CurrentUser currentUser;

  KnowledgeController(KnowledgeBase knowledge, CurrentUser currentUser) {
    this.knowledge = knowledge;
    this.currentUser = currentUser;
  }

  /** With {@code q}: the best entries for it; without: every entry, by category and title. */
  @GetMapping
  List<EntryView> search(@RequestParam(required = false) @Size(max = 500, message = "检索词最多 500 字") String q) {
    require(READERS, "只有话务员、客服人员和知识库维护人员可以查阅知识库");
    return q == null ? knowledge.all() : knowledge.search(q, RESULTS);
  }

  @GetMapping("/{id}")
  EntryView get(@PathVariable long id) {
    require(READERS, "只有话务员、客服人员和知识库维护人员可以查阅知识库");
    return knowledge.find(id).orElseThrow(() -> notFound(id));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  EntryView create(@Valid @RequestBody KnowledgeRequest request) {
    String userId = require(MAINTAINERS, "只有 12345 督办、客服主管和系统管理员可以维护知识库");
    return knowledge.create(request, userId);
  }

  @PutMapping("/{id}")
  EntryView update(@PathVariable long id, @Valid @RequestBody KnowledgeRequest request) {
    String userId = require(MAINTAINERS, "只有 12345 督办、客服主管和系统管理员可以维护知识库");
    // as the system: closing the review task needs no task permission of the editor's own
    return currentUser.asSystem(() -> knowledge.update(id, request, userId)).orElseThrow(() -> notFound(id));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable long id) {
    require(MAINTAINERS, "只有 12345 督办、客服主管和系统管理员可以维护知识库");
    if (!currentUser.asSystem(() -> knowledge.delete(id))) {
      throw notFound(id);
    }
  }

  private String require(Set<String> groups, String deniedMessage) {
    String userId = currentUser.id()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录"));
    if (currentUser.groupIds().stream().noneMatch(groups::contains)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, deniedMessage);
    }
    return userId;
  }

  private static ResponseStatusException notFound(long id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "知识条目 " + id + " 不存在");
  }
}
