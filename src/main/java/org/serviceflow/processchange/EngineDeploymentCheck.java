package org.serviceflow.processchange;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's own verdict on a model file: deploys it — running the engine's BPMN / DMN / form
 * parsers, listeners and deployment rules (e.g. history time to live) — in a transaction of its own
 * that is always rolled back, so nothing stays deployed.
 */
@Component
class EngineDeploymentCheck {

  private final ProcessEngine engine;
  private final EngineLookups lookups;
  private final TransactionTemplate rolledBack;

  EngineDeploymentCheck(ProcessEngine engine, EngineLookups lookups, PlatformTransactionManager transactions) {
    this.engine = engine;
    this.lookups = lookups;
    this.rolledBack = new TransactionTemplate(transactions);
    this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The engine's errors for the file (with line and element where it names them); empty when it would deploy. */
  List<String> check(ModelFile file) {
    DeploymentBuilderImpl deployment = (DeploymentBuilderImpl) engine.getRepositoryService().createDeployment()
        .name("process-change check of " + file.name())
        .addInputStream(file.name(), new ByteArrayInputStream(file.content()));
    try {
      rolledBack.executeWithoutResult(status -> {
        status.setRollbackOnly();
        lookups.run(new DeployCmd(deployment));
      });
      return List.of();
    } catch (ParseException e) {
      return describe(e);
    } catch (ProcessEngineException e) {
      return List.of("engine error: " + firstLine(innermostMessage(e)));
    }
  }

  /** The DMN transformer wraps the reason ("Unable to transform DMN resource"): the innermost message names it. */
  private static String innermostMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message;
  }

  /** The engine's sentence without the advice it appends on further lines. */
  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.strip().lines().findFirst().orElse("");
    int advice = line.indexOf(" The following options are possible");
    return advice < 0 ? line : line.substring(0, advice);
  }

  private static List<String> describe(ParseException e) {
    List<String> problems = new ArrayList<>();
    for (ResourceReport report : e.getResorceReports()) {
      for (Problem error : report.getErrors()) {
        problems.add(describe(error));
      }
    }
    return problems.isEmpty() ? List.of("engine error: " + firstLine(e.getMessage())) : problems;
  }

  private static String describe(Problem error) {
    StringBuilder text = new StringBuilder("engine error");
    if (error.getLine() > 0) {
      text.append(" at line ").append(error.getLine());
    }
    if (error.getMainElementId() != null) {
      text.append(" (element ").append(error.getMainElementId()).append(')');
    }
    return text.append(": ").append(firstLine(error.getMessage())).toString();
  }
}
