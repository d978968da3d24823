package org.serviceflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only {@code camunda-admin} changes deployments through the engine REST API: create, redeploy and delete
 * (POST /engine-rest/deployment/create, POST …/deployment/{id}/redeploy, DELETE …/deployment/{id}). A
 * deployment carries executable expressions and scripts, so for anyone else it is remote code execution.
 * The engine already checks DEPLOYMENT CREATE/DELETE; this guard keeps the rule even if such a grant is
 * added by hand in Admin. Everyone else gets 403 in the engine REST error format, and nothing is deployed.
 * Runs after {@link RestAuthenticationConfig}'s authentication filter (it reads the authenticated caller).
 */
class DeploymentWriteGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentWriteGuard.class);
  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  /** The deployment resource of the default or a named engine, below /engine-rest. */
  static final Pattern DEPLOYMENT_PATH = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?/deployment(?:/.*)?$");

  private final IdentityService identityService;

  DeploymentWriteGuard(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return READ_METHODS.contains(request.getMethod().toUpperCase())
        || !DEPLOYMENT_PATH.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      chain.doFilter(request, response);
      return;
    }
    String user = caller == null ? "anonymous" : caller.getUserId();
    LOG.warn("Refused {} {} for {}: only camunda-admin changes deployments", request.getMethod(), path(request), user);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"仅系统管理员 (camunda-admin) 可以创建、"
        + "重新部署或删除部署\",\"userId\":\"" + user.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
  }

  /** The path below the context, without path parameters (;...). */
  private static String path(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    return servletPath + pathInfo;
  }
}
