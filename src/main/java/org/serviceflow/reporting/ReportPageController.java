package org.serviceflow.reporting;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The managers' dashboard {@code /reports/} and a report record {@code /reports/{id}} (docs/reporting.md): one static
 * page (static/pages/reports.html with its script and the bundled ECharts) that loads /api/reports/… with the
 * browser's login, so the API's access rules are the page's.
 */
@Controller
class ReportPageController {

  static final String PAGE = "forward:/pages/reports.html";

  @GetMapping({"/reports", "/reports/", "/reports/{id:\\d+}"})
  String reportsPage() {
    return PAGE;
  }
}
