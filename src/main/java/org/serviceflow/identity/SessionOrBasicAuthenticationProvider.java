package org.serviceflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Who calls /api/*: HTTP Basic when the request carries an {@code Authorization} header (exactly as
 * {@link HttpBasicAuthenticationProvider}: a wrong login is 401 with its challenge), else the Camunda webapps'
 * session of the same browser (signed in to Tasklist, Cockpit or Admin: user id, group and tenant ids of the
 * default engine as the webapp login stored them), so ServiceFlow's own pages (/cases/…) work with that login.
 *
 * <p>The session counts for safe methods (GET, HEAD), and for a write (POST, PUT, PATCH, DELETE) only when it
 * carries the webapps' own XSRF token in {@code X-XSRF-TOKEN}, equal to the one the webapps' CsrfPreventionFilter
 * keeps in the session (Tasklist's scripts have it, e.g. serviceflow-cases.js's 转办 / 委派 / 抄送 actions). A write
 * that carries nothing but the session cookie is refused with 403 problem details: a browser sends the cookie with
 * every request to this host, also with a form or fetch that another site starts (cross-site request forgery),
 * and another site cannot read the token. Safe reads are no such risk: they change nothing, and the browser does
 * not let another site read their answer (no CORS headers).
 *
 * <p>Without any login the answer is 401 problem details; the {@code WWW-Authenticate: Basic} challenge is left
 * out for scripts that say so ({@code X-Requested-With: XMLHttpRequest}, as our pages send), so a browser shows
 * the page's own message instead of its password dialog. The filter creates the provider by class name, hence
 * public with a no-argument constructor; it keeps the refusal of a request between the two calls the filter
 * makes on the request's thread.
 */
public class SessionOrBasicAuthenticationProvider implements AuthenticationProvider {

  static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");
  static final String NOT_SIGNED_IN = "请先登录：在 Tasklist 登录，或以 HTTP Basic 提供用户名和密码";
  static final String SESSION_WRITE_REFUSED =
      "登录会话只能用于查看；修改数据的请求须带 Tasklist 的 X-XSRF-TOKEN，或以 HTTP Basic 提供用户名和密码（防止跨站请求伪造）";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ThreadLocal<Refusal> REFUSAL = new ThreadLocal<>();

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  /** Why a request was not authenticated; {@code basicFailure}: a wrong Basic login, answered as before. */
  private record Refusal(int status, String detail, String instance, boolean challenge, boolean basicFailure) {
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    REFUSAL.remove();
    if (request.getHeader("Authorization") != null) {
      AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
      if (!result.isAuthenticated()) {
        REFUSAL.set(new Refusal(401, null, null, true, true));
      }
      return result;
    }
    UserAuthentication session = sessionUser(request, engine.getName());
    if (session == null) {
      REFUSAL.set(new Refusal(HttpServletResponse.SC_UNAUTHORIZED, NOT_SIGNED_IN, request.getRequestURI(),
          !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")), false));
      return AuthenticationResult.unsuccessful();
    }
    if (!SAFE_METHODS.contains(request.getMethod()) && !carriesSessionXsrfToken(request)) {
      REFUSAL.set(new Refusal(HttpServletResponse.SC_FORBIDDEN, SESSION_WRITE_REFUSED, request.getRequestURI(),
          false, false));
      return AuthenticationResult.unsuccessful(session.getIdentityId());
    }
    AuthenticationResult result = AuthenticationResult.successful(session.getIdentityId());
    result.setGroups(session.getGroupIds());
    result.setTenants(session.getTenantIds());
    return result;
  }

  /** Called by the filter after it set 401 for an unauthenticated request. */
  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    Refusal refusal = REFUSAL.get();
    REFUSAL.remove();
    if (refusal == null || refusal.basicFailure()) {
      basic.augmentResponseByAuthenticationChallenge(response, engine);
      return;
    }
    if (refusal.challenge()) {
      basic.augmentResponseByAuthenticationChallenge(response, engine);
    }
    response.setStatus(refusal.status());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", refusal.status() == HttpServletResponse.SC_UNAUTHORIZED ? "未登录" : "禁止访问");
    problem.put("status", refusal.status());
    problem.put("detail", refusal.detail());
    problem.put("instance", refusal.instance());
    try {
      JSON.writeValue(response.getWriter(), problem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The XSRF token the webapps keep in the session of a request signed in through that session (no
   * {@code Authorization} header), for our pages' writes; else null.
   */
  static String sessionXsrfToken(HttpServletRequest request) {
    HttpSession session = request.getHeader("Authorization") == null ? request.getSession(false) : null;
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token instanceof String value && !value.isBlank() ? value : null;
  }

  /** Whether the request's X-XSRF-TOKEN header is the XSRF token the webapps keep in its session. */
  private static boolean carriesSessionXsrfToken(HttpServletRequest request) {
    String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return header != null && !header.isBlank() && token instanceof String expected && !expected.isBlank()
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
  }

  /** The webapp login of this browser for the engine, or null (no session, or not signed in there). */
  private static UserAuthentication sessionUser(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentication authentication = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engineName);
    return authentication instanceof UserAuthentication user && user.getIdentityId() != null ? user : null;
  }
}
