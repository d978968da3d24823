package org.serviceflow.casepage;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The case page {@code /cases/{caseNumber}} (docs/case-page.md): one static page (static/pages/case.html with its
 * script) for every case. The page holds no data; its script reads the case number from the address and loads
 * /api/cases/{n}, /timeline, /pauses and /api/me with the browser's login (the Tasklist session or HTTP Basic), so
 * the case file API's access rules and masking are the page's.
 */
@Controller
class CasePageController {

  static final String PAGE = "forward:/pages/case.html";

  @GetMapping("/cases/{caseNumber}")
  String casePage() {
    return PAGE;
  }
}
