package org.serviceflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the test profile (private H2, job executor off), with process test
 * coverage: every test class that runs a process must cover all flow nodes and sequence flows of the
 * models it runs (report in target/process-test-coverage). One shared context for every process's
 * engine tests, on a random port for the tests that call the REST API.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineTest.Coverage.class)
public @interface ProcessEngineTest {

  @TestConfiguration(proxyBeanMethods = false)
  @Import(ProcessEngineCoverageConfiguration.class)
  class Coverage {

    // primary: the imported configuration registers its default properties as well
    @Bean
    @Primary
    ProcessEngineCoverageProperties fullCoverageProperties() {
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
    }
  }
}
