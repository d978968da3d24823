package org.serviceflow.hotline;

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
 * The whole application on the test profile (private H2, job executor off) on a random port (so the REST API can
 * be called as a unit user), with process test coverage: a test class that runs hotline12345 must cover all of its
 * flow nodes and sequence flows (report in the build directory's process-test-coverage). One shared context for the
 * hotline's engine tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// models and decisions lie at the classpath root (bpmn/ is copied there); test fixtures below it are not deployed
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.deployment-resource-pattern=classpath*:*.bpmn,classpath*:*.dmn,classpath*:**/*.form")
@ActiveProfiles("test")
@Import(HotlineEngineTest.Coverage.class)
@interface HotlineEngineTest {

  @TestConfiguration(proxyBeanMethods = false)
  @Import(ProcessEngineCoverageConfiguration.class)
  class Coverage {

    // primary: the imported configuration registers its default properties as well
    @Bean
    @Primary
    ProcessEngineCoverageProperties hotlineCoverageProperties() {
      return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
    }
  }
}
