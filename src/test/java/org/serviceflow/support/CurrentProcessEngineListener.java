package org.serviceflow.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda's REST API and its authentication filter find the engine in the JVM-wide
 * {@link ProcessEngines} registry, where the engine of the Spring context created last wins. A test
 * JVM holds several cached contexts, so before each test class this listener registers the engine
 * of that class's own context again: HTTP calls then reach the engine the test asserts on.
 * (Production runs one context and one engine; this concerns tests only.)
 */
public class CurrentProcessEngineListener extends AbstractTestExecutionListener {

  @Override
  public int getOrder() {
    return LOWEST_PRECEDENCE;
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    if (!testContext.hasApplicationContext()) {
      return;
    }
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
        .ifAvailable(ProcessEngines::registerProcessEngine);
  }
}
