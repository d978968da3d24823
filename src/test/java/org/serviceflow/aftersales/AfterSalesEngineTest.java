package org.serviceflow.aftersales;

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
 * The whole application on the test profile (private H2, job executor off), with process test coverage: every
 * test class that runs the after-sales process must cover all of its flow nodes and sequence flows (report in
 * target/process-test-coverage). One shared context for the after-sales engine tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// models and decisions lie at the classpath root (bpmn/ is copied there); test fixtures below it are not deployed
@SpringBootTest(properties = "camunda.bpm.deployment-resource-pattern=classpath*:*.bpmn,classpath*:*.dmn,classpath*:**/*.form")
@ActiveProfiles("test")
@Import(AfterSalesEngineTest.Coverage.class)
@interface AfterSalesEngineTest {

  @TestConfiguration(proxyBeanMethods = false)
  @Import(ProcessEngineCoverageConfiguration.class)
  class Coverage {

    // primary: the imported configuration registers its default properties as well
    @Bean
    @Primary
    ProcessEngineCoverageProperties afterSalesCoverageProperties() {
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
    }
  }
}
