package org.serviceflow.segregation;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * The proposer tried to claim, be given or complete the approval of their own proposal. An
 * {@link AuthorizationException}, so the engine REST API answers 403 and our API 403 problem details.
 */
public class DutySegregationException extends AuthorizationException {

  private static final long serialVersionUID = 1L;

  DutySegregationException(String userId, String taskName) {
    super(message(userId, taskName));
  }

  static String message(String userId, String taskName) {
    return "职责分离：" + userId + " 是本事项的提出人，不能查看、认领、接办或完成对自己所提事项的“" + taskName + "”";
  }
}
