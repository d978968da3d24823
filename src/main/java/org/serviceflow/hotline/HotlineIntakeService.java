package org.serviceflow.hotline;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.serviceflow.casefile.CaseStarter;
import org.serviceflow.casefile.CaseStarter.StartedCase;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Starts a 12345 hotline process for a validated appeal, as the signed-in hotline operator (the
 * process's initiator). Registration (case number, case file, time limits, acknowledgement to the
 * citizen) runs inside the start in the same transaction, so either all of it is written or nothing is.
 *
 * <p>A confidential citizen's name and phone (every 举报, and whoever asked) are handed to the start as
 * transient variables: registration copies them into the case file in this transaction, and they are
 * never written to the engine's runtime or history tables, so no unit and no engine API can read them.
 */
@Service
class HotlineIntakeService {

  private final CaseStarter cases;
  private final ZoneId zone;

  HotlineIntakeService(CaseStarter cases, @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) {
    this.cases = cases;
    this.zone = zone;
  }

  /**
   * The started case: its number (the process instance's business key), process instance, time of
   * receipt and the handling time limit told to the citizen — in working days, or in hours for an
   * urgent appeal (the other one is null). The limit counts from dispatch to the handling unit.
   */
  record Receipt(String caseNumber, String processInstanceId, OffsetDateTime receivedAt, Integer handlingWorkdays,
      Integer handlingHours) {

    Receipt(String caseNumber, String processInstanceId) {
      this(caseNumber, processInstanceId, null, null, null);
    }
  }

  public Receipt receive(AppealRequest request) {
    return receive(request, null);
  }

  /** The same, for an intake made on someone's behalf (a contact split off by 12345 督办): they are the intake user. */
  Receipt receive(AppealRequest request, String intakeUser) {
    VariableMap intakeVariables = intakeVariables(request);
    if (intakeUser != null) {
      intakeVariables.putValue(HotlineVariables.INTAKE_USER, intakeUser);
    }
    StartedCase started = cases.start(HotlineVariables.PROCESS_KEY, intakeVariables);
    VariableMap variables = started.variables();
    Integer hours = positive(variables.get(HotlineVariables.HANDLING_HOURS));
    return new Receipt(started.caseNumber(), started.processInstanceId(), receivedAt(variables.get(HotlineVariables.RECEIVED_AT)),
        hours == null ? positive(variables.get(HotlineVariables.HANDLING_WORKDAYS)) : null, hours);
  }

  private static VariableMap intakeVariables(AppealRequest request) {
    VariableMap variables = Variables.fromMap(request.toVariables());
    if (request.isConfidential()) {
      for (String identity : new String[] {HotlineVariables.CITIZEN_NAME, HotlineVariables.CITIZEN_PHONE}) {
        if (variables.get(identity) instanceof String value) {
          variables.putValueTyped(identity, Variables.stringValue(value, true));
        }
      }
    }
    return variables;
  }

  private OffsetDateTime receivedAt(Object value) {
    return value instanceof Date date ? date.toInstant().atZone(zone).toOffsetDateTime() : null;
  }

  private static Integer positive(Object value) {
    return value instanceof Number number && number.intValue() > 0 ? number.intValue() : null;
  }
}
