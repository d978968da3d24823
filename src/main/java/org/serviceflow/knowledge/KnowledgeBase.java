package org.serviceflow.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.calendar.WorkingDayCalendar;
import org.serviceflow.casefile.CaseFileService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base (知识库): entries kept by their owner groups, searched by staff, and used in direct answers.
 * Changing an entry's review date to a day not yet passed closes its open review task (知识条目复核).
 */
@Service
public class KnowledgeBase {

  /** An entry as staff see it; {@code snippet} is the passage that matched a search (the answer's start otherwise). */
  public record EntryView(long id, String title, String answer, String category, String source, String ownerGroup,
      LocalDate reviewDate, int usageCount, String reviewTaskId, Instant updatedAt, String updatedBy, String snippet,
      Double rank) {

    static EntryView of(KnowledgeEntry entry, String snippet, Double rank) {
      return new EntryView(entry.getId(), entry.getTitle(), entry.getAnswer(), entry.getCategory(), entry.getSource(),
          entry.getOwnerGroup(), entry.getReviewDate(), entry.getUsageCount(), entry.getReviewTaskId(),
          entry.getUpdatedAt(), entry.getUpdatedBy(), snippet, rank);
    }
  }

  static final String ACTION_USED = "引用知识库";

  private final KnowledgeEntryRepository entries;
  private final KnowledgeSearch search;
  private final CaseFileService caseFiles;
  private final TaskService taskService;
  private final WorkingDayCalendar calendar;

  KnowledgeBase(KnowledgeEntryRepository entries, KnowledgeSearch search, CaseFileService caseFiles,
      TaskService taskService, WorkingDayCalendar calendar) {
    this.calendar = calendar;
    this.entries = entries;
    this.search = search;
    this.caseFiles = caseFiles;
    this.taskService = taskService;
  }

  /** The best {@code limit} entries for a question (e.g. an appeal's content), best first. */
  @Transactional(readOnly = true)
  public List<EntryView> search(String question, int limit) {
    Set<String> terms = Bigrams.distinct(question);
    return search.search(question, limit).stream()
        .map(hit -> EntryView.of(hit.entry(), Snippet.of(hit.entry().getAnswer(), terms), hit.rank()))
        .toList();
  }

  @Transactional(readOnly = true)
  public Optional<EntryView> find(long id) {
    return entries.findById(id).map(entry -> EntryView.of(entry, Snippet.of(entry.getAnswer(), Set.of()), null));
  }

  @Transactional(readOnly = true)
  List<EntryView> all() {
    return entries.findAllByOrderByCategoryAscTitleAsc().stream()
        .map(entry -> EntryView.of(entry, Snippet.of(entry.getAnswer(), Set.of()), null)).toList();
  }

  @Transactional
  EntryView create(KnowledgeRequest content, String by) {
    return view(entries.save(new KnowledgeEntry(content, now(), by)));
  }

  @Transactional
  Optional<EntryView> update(long id, KnowledgeRequest content, String by) {
    return entries.findById(id).map(entry -> {
      entry.change(content, now(), by);
      if (entry.getReviewTaskId() != null && !entry.getReviewDate().isBefore(KnowledgeReviewCheck.today(calendar))) {
        closeReviewTask(entry);
      }
      return view(entry);
    });
  }

  @Transactional
  boolean delete(long id) {
    return entries.findById(id).map(entry -> {
      if (entry.getReviewTaskId() != null && taskService.createTaskQuery().taskId(entry.getReviewTaskId()).count() > 0) {
        taskService.deleteTask(entry.getReviewTaskId(), "知识条目已删除");
      }
      entries.delete(entry);
      return true;
    }).orElse(false);
  }

  /**
   * A direct answer of case {@code caseNumber} used entry {@code id}: counts the use and writes it on the case's
   * timeline (引用知识库, with the entry's number and title). An entry deleted meanwhile is named by its number only.
   */
  @Transactional
  public void recordUse(String caseNumber, long id) {
    String title = entries.findById(id).map(KnowledgeEntry::getTitle).orElse("（已删除）");
    entries.countUse(id);
    caseFiles.record(caseNumber, null, ACTION_USED, "知识条目 #" + id + " " + title);
  }

  private void closeReviewTask(KnowledgeEntry entry) {
    if (taskService.createTaskQuery().taskId(entry.getReviewTaskId()).count() > 0) {
      taskService.complete(entry.getReviewTaskId());
    }
    entry.setReviewTaskId(null);
  }

  private static EntryView view(KnowledgeEntry entry) {
    return EntryView.of(entry, Snippet.of(entry.getAnswer(), Set.of()), null);
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
