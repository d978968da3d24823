package org.serviceflow.formsubmit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link FormSubmitGuard} on the engine REST API and on the webapps' engine API, after authentication
 * (org.serviceflow.identity registers it at LOWEST_PRECEDENCE - 20), so the signed-in user is known.
 */
@Configuration(proxyBeanMethods = false)
class FormSubmitGuardConfig {

  @Bean
  FilterRegistrationBean<FormSubmitGuard> formSubmitGuard(FormService formService, RepositoryService repositoryService,
      TaskService taskService, IdentityService identityService, FieldVisibility visibility, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<FormSubmitGuard> registration = new FilterRegistrationBean<>(
        new FormSubmitGuard(formService, repositoryService, taskService, identityService, visibility, json));
    registration.setName("serviceflow-form-submit-guard");
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
    registration.setAsyncSupported(true);
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }
}
