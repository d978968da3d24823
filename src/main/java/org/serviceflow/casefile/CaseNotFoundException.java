package org.serviceflow.casefile;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No case file has this number. A REST endpoint that lets it escape answers 404 with a problem detail. */
public class CaseNotFoundException extends ErrorResponseException {

  private final String caseNumber;

  public CaseNotFoundException(String caseNumber) {
    super(HttpStatus.NOT_FOUND, problem(caseNumber), null);
    this.caseNumber = caseNumber;
  }

  private static ProblemDetail problem(String caseNumber) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "未找到案件：" + caseNumber);
    problem.setTitle("案件不存在");
    return problem;
  }

  public String caseNumber() {
    return caseNumber;
  }

  @Override
  public String getMessage() {
    return "未找到案件：" + caseNumber;
  }
}
