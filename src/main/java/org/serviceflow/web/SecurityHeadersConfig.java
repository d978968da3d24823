package org.serviceflow.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link SecurityHeadersFilter} on every path, ahead of authentication (so 401 answers carry them). */
@Configuration(proxyBeanMethods = false)
class SecurityHeadersConfig {

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<SecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new SecurityHeadersFilter(webappPath));
    registration.setName("serviceflow-security-headers");
    registration.addUrlPatterns("/*");
    registration.setAsyncSupported(true);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
