package org.serviceflow.casefile;

import java.net.URI;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where a case file is read: the Location an intake answers with. */
public final class CaseFileLinks {

  private CaseFileLinks() {
  }

  /** {@code /api/cases/{caseNumber}} under the current request's context path. */
  public static URI caseFile(String caseNumber) {
    return ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/api/cases/{caseNumber}").buildAndExpand(caseNumber).toUri();
  }
}
