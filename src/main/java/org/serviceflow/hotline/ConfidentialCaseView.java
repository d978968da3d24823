package org.serviceflow.hotline;

import java.util.List;
import java.util.Set;
import org.serviceflow.casefile.CaseType;
import org.serviceflow.casefile.CaseView;
import org.serviceflow.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Confidentiality of 12345 citizens in REST answers (PROCESSES.md D.1, 002:486): when a case file
 * (GET /api/cases/{n}) of a confidential appeal — every 举报, and any appeal whose citizen asked —
 * is read by anyone outside the 12345 centre (operators, dispatchers, supervisors) and the admins,
 * the citizen's name reads "（保密）" and phone and e-mail are empty. Handling units thus never see
 * the identity; they reach the citizen through the centre.
 *
 * <p>Fails safe: a hotline case whose appeal row cannot be read is treated as confidential. The
 * database and the caller are looked up lazily, so web-layer test slices that do not load them still
 * start.
 */
@RestControllerAdvice(basePackages = "org.serviceflow.casefile")
class ConfidentialCaseView implements ResponseBodyAdvice<Object> {

  static final String HIDDEN_NAME = "（保密）";
  static final Set<String> MAY_SEE_IDENTITY =
      Set.of("hotline-operators", "hotline-dispatchers", "hotline-supervisors", "camunda-admin");

  private static final String CONFIDENTIAL = "select confidential from hotline_appeal where case_number = ?";

  private final ObjectProvider<JdbcTemplate> jdbc;
  private final ObjectProvider<CurrentUser> currentUser;

  ConfidentialCaseView(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<CurrentUser> currentUser) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
  }

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (body instanceof CaseView view && view.processType() == CaseType.HOTLINE && !maySeeIdentity(view)) {
      return masked(view);
    }
    return body;
  }

  private boolean maySeeIdentity(CaseView view) {
    CurrentUser caller = currentUser.getIfAvailable();
    List<String> groups = caller == null ? List.of() : caller.groupIds();
    return groups.stream().anyMatch(MAY_SEE_IDENTITY::contains) || !isConfidential(view.caseNumber());
  }

  private boolean isConfidential(String caseNumber) {
    JdbcTemplate database = jdbc.getIfAvailable();
    if (database == null) {
      return true;
    }
    List<Boolean> flags = database.queryForList(CONFIDENTIAL, Boolean.class, caseNumber);
    return flags.isEmpty() || !Boolean.FALSE.equals(flags.get(0));
  }

  static CaseView masked(CaseView view) {
    return new CaseView(view.caseNumber(), view.processType(), view.processKey(), view.processLabel(),
        view.processInstanceId(), HIDDEN_NAME, null, null, view.channel(), view.category(), view.severity(),
        view.status(), view.ownerGroup(), view.ownerUser(), view.flaggedForReview(), view.reviewReason(),
        view.openedAt(), view.closedAt(), view.outcome(), view.deadlines());
  }
}
