package org.serviceflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP Basic against Camunda's identity service for the engine REST API and our own API: an
 * anonymous or wrong login gets 401. Our API also takes the webapps' session login for reads
 * ({@link SessionOrBasicAuthenticationProvider}: staff signed in to Tasklist open ServiceFlow's pages); a write
 * with only the session is refused (403), so another site cannot act for a signed-in clerk. For the length of the request the engine's current
 * authentication is the caller (so authorization checks apply), afterwards it is cleared.
 * Our controllers read the caller through {@link CurrentUser}. The webapps (/camunda) keep their
 * own session login; /actuator/health stays open. Deployment changes through /engine-rest are for
 * camunda-admin only ({@link DeploymentWriteGuard}, right after authentication). A wrong password counts
 * towards the engine's login throttling (camunda.bpm.generic-properties loginMaxAttempts, loginDelay*).
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfig {

  static final String ENGINE_REST_PATH = "/engine-rest/*";
  static final String API_PATH = "/api/*";
  /** After Spring's own filters (encoding, request context), before the deployment guard. */
  static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 20;

  /** /engine-rest: HTTP Basic only (the webapps reach the engine through their own /camunda/api). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    return authentication("serviceflow-rest-authentication", HttpBasicAuthenticationProvider.class, ENGINE_REST_PATH);
  }

  /** /api: HTTP Basic, or the webapps' session for GET and HEAD. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthenticationFilter() {
    return authentication("serviceflow-api-authentication", SessionOrBasicAuthenticationProvider.class, API_PATH);
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentication(String name,
      Class<?> provider, String path) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName(name);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, provider.getName());
    registration.addUrlPatterns(path);
    registration.setAsyncSupported(true);
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<DeploymentWriteGuard> deploymentWriteGuard(IdentityService identityService) {
    FilterRegistrationBean<DeploymentWriteGuard> registration =
        new FilterRegistrationBean<>(new DeploymentWriteGuard(identityService));
    registration.setName("serviceflow-deployment-write-guard");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setAsyncSupported(true);
    registration.setOrder(AUTHENTICATION_ORDER + 1);
    return registration;
  }
}
