package org.serviceflow.segregation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link ProposerGuard} on the engine REST API and the webapps' engine API, after authentication
 * (LOWEST_PRECEDENCE - 20) and before the form submission check (LOWEST_PRECEDENCE - 10).
 */
@Configuration(proxyBeanMethods = false)
class ProposerGuardConfig {

  @Bean
  FilterRegistrationBean<ProposerGuard> proposerGuard(SegregationOfDuties duties, IdentityService identityService,
      ObjectMapper json, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<ProposerGuard> registration =
        new FilterRegistrationBean<>(new ProposerGuard(duties, identityService, json));
    registration.setName("serviceflow-proposer-guard");
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
    registration.setAsyncSupported(true);
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 15);
    return registration;
  }
}
