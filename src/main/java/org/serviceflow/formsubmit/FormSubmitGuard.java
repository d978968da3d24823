package org.serviceflow.formsubmit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.serviceflow.web.BadRequestException;
import org.serviceflow.web.FieldProblem;
import org.serviceflow.web.ReadBodyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Server-side check of every Camunda Form submission ({@code POST …/task/{id}/submit-form} and
 * {@code …/process-definition/{id or key/…}/submit-form}), through the engine REST API and through the webapps'
 * own API that Tasklist calls. form-js checks a form only in the browser; this filter checks the same rules
 * ({@link FormSubmissionCheck}) against the form deployed with the task or start event, before the engine sees the
 * request. A bad submission gets 400 problem details naming the field, and nothing is written. Requests the filter
 * cannot place (no signed-in user, no such task, no Camunda Form, no access) go on unchanged: the engine answers them.
 * The form is looked up as the signed-in user, so nobody learns of a form they may not read.
 */
class FormSubmitGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FormSubmitGuard.class);
  private static final Pattern TASK = Pattern.compile("/task/([^/]+)/submit-form");
  private static final Pattern DEFINITION_ID = Pattern.compile("/process-definition/([^/]+)/submit-form");
  private static final Pattern DEFINITION_KEY =
      Pattern.compile("/process-definition/key/([^/]+)(?:/tenant-id/([^/]+))?/submit-form");
  /** The engine REST API under /engine-rest, the webapps' copy under {app}/api/engine/engine/{name}. */
  private static final Pattern ENGINE_API = Pattern.compile("^(?:/engine-rest|(/[^/]+)/api/engine/engine/([^/]+))(/.*)$");
  private static final int BODY_LIMIT = 8 * 1024 * 1024;

  private final FormService formService;
  private final RepositoryService repositoryService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final FieldVisibility visibility;
  private final ObjectMapper json;

  FormSubmitGuard(FormService formService, RepositoryService repositoryService, TaskService taskService,
      IdentityService identityService, FieldVisibility visibility, ObjectMapper json) {
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.visibility = visibility;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/submit-form");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher api = ENGINE_API.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!api.matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(BODY_LIMIT + 1);
    if (body.length > BODY_LIMIT) {
      refuse(request, response, List.of(new FieldProblem("body", "请求体超过 8 MB")));
      return;
    }
    boolean signedIn = api.group(1) == null ? identityService.getCurrentAuthentication() != null
        : asWebappUser(request.getSession(false), api.group(2));
    FormSubmissionCheck.Outcome outcome = null;
    try {
      Target target = signedIn ? target(api.group(3)) : null; // looked up as the signed-in user
      outcome = target != null ? check(target, body) : null;
    } finally {
      if (api.group(1) != null && signedIn) {
        identityService.clearAuthentication();
      }
    }
    if (outcome != null && !outcome.problems().isEmpty()) {
      refuse(request, response, outcome.problems());
      return;
    }
    byte[] passed = outcome == null ? body : json.writeValueAsBytes(outcome.submission());
    chain.doFilter(new ReadBodyRequest(request, passed), response);
  }

  private record Target(String taskId, String definitionId) {
  }

  private Target target(String path) {
    Matcher task = TASK.matcher(path);
    if (task.matches()) {
      return new Target(task.group(1), null);
    }
    Matcher byKey = DEFINITION_KEY.matcher(path);
    if (byKey.matches()) {
      ProcessDefinitionQuery query = repositoryService.createProcessDefinitionQuery()
          .processDefinitionKey(byKey.group(1)).latestVersion();
      ProcessDefinition definition = (byKey.group(2) == null ? query.withoutTenantId()
          : query.tenantIdIn(byKey.group(2))).singleResult();
      return definition == null ? null : new Target(null, definition.getId());
    }
    Matcher byId = DEFINITION_ID.matcher(path);
    return byId.matches() ? new Target(null, byId.group(1)) : null;
  }

  /** Takes the webapp session's user as the engine's current user for the look-up; false when nobody signed in. */
  private boolean asWebappUser(HttpSession session, String engineName) {
    if (session == null) {
      return false;
    }
    if (!(AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
      return false;
    }
    identityService.setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
    return true;
  }

  /** The check's outcome, or null when the request is not a Camunda Form submission this filter can place. */
  private FormSubmissionCheck.Outcome check(Target target, byte[] body) {
    FormSchema form;
    Map<String, Object> current;
    try (InputStream deployed = target.taskId() != null ? formService.getDeployedTaskForm(target.taskId())
        : formService.getDeployedStartForm(target.definitionId())) {
      form = FormSchema.of(json.readTree(deployed));
      current = target.taskId() != null ? taskService.getVariables(target.taskId()) : Map.of();
    } catch (IOException | RuntimeException notAFormWeCheck) {
      LOG.debug("Form submission not checked: {}", notAFormWeCheck.getMessage());
      return null;
    }
    JsonNode submission;
    try {
      submission = json.readTree(body);
    } catch (IOException malformed) {
      return new FormSubmissionCheck.Outcome(List.of(new FieldProblem("body", "不是有效的 JSON")), null);
    }
    return FormSubmissionCheck.check(submission, form, target.taskId() == null, current, visibility);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, List<FieldProblem> problems)
      throws IOException {
    LOG.info("Refused form submission {}: {}", request.getRequestURI(), problems);
    var detail = new BadRequestException(problems).toProblemDetail();
    detail.setInstance(java.net.URI.create(request.getRequestURI()));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), detail);
  }
}
