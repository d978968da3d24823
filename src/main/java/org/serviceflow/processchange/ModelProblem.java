package org.serviceflow.processchange;

/** One problem of an attached model file, e.g. complaint.bpmn: "userTask Task_X has no diagram shape". */
public record ModelProblem(String file, String message) {

  /** The problem as shown to the applicant: "complaint.bpmn: userTask Task_X has no diagram shape". */
  @Override
  public String toString() {
    return file + ": " + message;
  }
}
