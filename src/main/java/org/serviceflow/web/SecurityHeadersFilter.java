package org.serviceflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer (docs/operations.md "Login protection and security headers"):
 * {@code X-Content-Type-Options: nosniff} and {@code X-Frame-Options: DENY} everywhere; outside the webapps
 * (our /api, /engine-rest, /actuator: JSON only) also a Content-Security-Policy that allows nothing to load
 * and no framing. ServiceFlow's own pages (/cases/…, /reports/…, /knowledge, their files under /pages/) may load their own script, style
 * and JSON from this origin only, nothing inline, and are never framed. The webapps under /camunda keep Camunda's own Content-Security-Policy (with its script
 * nonce, {@code frame-ancestors 'none'}; camunda.bpm.webapp.header-security.*). Headers are set before the
 * request goes on, so they are on refusals (401/403) too.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
  static final String PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  static final java.util.List<String> PAGE_PATHS = java.util.List.of("/cases/", "/reports", "/knowledge", "/pages/");

  private final String webappPath;

  /** @param webappPath camunda.bpm.webapp.application-path, e.g. /camunda */
  SecurityHeadersFilter(String webappPath) {
    this.webappPath = webappPath;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    if (isPage(request)) {
      response.setHeader("Content-Security-Policy", PAGE_CONTENT_SECURITY_POLICY);
    } else if (!isWebapp(request)) {
      response.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
    }
    chain.doFilter(request, response);
  }

  private static boolean isPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return PAGE_PATHS.stream().anyMatch(path::startsWith);
  }

  private boolean isWebapp(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(webappPath) || path.startsWith(webappPath + "/");
  }
}
