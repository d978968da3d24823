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
 * anonymous or wrong login gets 401. For the length of the request the engine's current
 * authentication is the caller (so authorization checks apply), afterwards it is cleared.
 * Our controllers read the caller through {@link CurrentUser}. The webapps (/camunda) keep their
 * own session login; /actuator/health stays open. Deployment changes through /engine-rest are for
 * camunda-admin only ({@link DeploymentWriteGuard}, right after authentication). A wrong password counts
 * towards the engine's login throttling (camunda.bpm.generic-properties loginMaxAttempts, loginDelay*).
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfig {

  static final String[] PROTECTED_PATHS = {"/engine-rest/*", "/api/*"};
  /** After Spring's own filters (encoding, request context), before the deployment guard. */
  static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 20;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("serviceflow-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(PROTECTED_PATHS);
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
