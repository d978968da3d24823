package org.serviceflow.segregation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.serviceflow.web.ReadBodyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses the proposer's claim, complete, submit-form and resolve of an approval task that excludes them, and anyone's
 * claim, assignee or delegate request that gives the task to the proposer, through
 * the engine REST API and the webapps' engine API (Tasklist), with 403 problem details in Chinese before the engine
 * sees the request. The engine itself refuses too (a REVOKE authorization and the task listeners of
 * {@link ProposerListeners}); this guard gives the clear answer over HTTP.
 */
class ProposerGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ProposerGuard.class);
  /** /engine-rest[/engine/{name}]/task/{id}/{action}, or the webapps' {app}/api/engine/engine/{name}/task/…. */
  private static final Pattern TASK_ACTION = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/[^/]+/api/engine/engine/([^/]+))/task/([^/]+)/(claim|complete|submit-form|resolve|assignee|delegate)$");
  /** The actions that give the task to the user in the body's {@code userId}. */
  private static final Set<String> GIVE = Set.of("claim", "assignee", "delegate");
  private static final int BODY_LIMIT = 64 * 1024;

  private final SegregationOfDuties duties;
  private final IdentityService identityService;
  private final ObjectMapper json;

  ProposerGuard(SegregationOfDuties duties, IdentityService identityService, ObjectMapper json) {
    this.duties = duties;
    this.identityService = identityService;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher action = TASK_ACTION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!action.matches()) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest passed = request;
    String receiver = null;
    if (GIVE.contains(action.group(3))) {
      byte[] body = request.getInputStream().readNBytes(BODY_LIMIT);
      passed = new ReadBodyRequest(request, body);
      receiver = receiver(body);
    }
    try {
      duties.requireNotProposer(action.group(2), caller(request, action.group(1)));
      duties.requireNotProposer(action.group(2), receiver);
    } catch (DutySegregationException refused) {
      refuse(request, response, refused.getMessage());
      return;
    }
    chain.doFilter(passed, response);
  }

  /** The {@code userId} the body gives the task to; null when there is none (the engine answers a bad body). */
  private String receiver(byte[] body) {
    try {
      JsonNode userId = json.readTree(body).path("userId");
      return userId.isTextual() ? userId.asText() : null;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  /** The signed-in caller: the engine REST API's authenticated user, or the webapp session's user of that engine. */
  private String caller(HttpServletRequest request, String webappEngine) {
    if (webappEngine == null) {
      Authentication authentication = identityService.getCurrentAuthentication();
      return authentication == null ? null : authentication.getUserId();
    }
    HttpSession session = request.getSession(false);
    if (session != null && AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(webappEngine) instanceof UserAuthentication signedIn) {
      return signedIn.getIdentityId();
    }
    return null;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
    LOG.info("Refused {}: {}", request.getRequestURI(), message);
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message);
    detail.setTitle("职责分离");
    detail.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), detail);
  }
}
