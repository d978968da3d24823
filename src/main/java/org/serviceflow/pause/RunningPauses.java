package org.serviceflow.pause;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.serviceflow.casefile.CaseView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The running pause of a case as a task card names it: {@code 客户原因，自 2026-12-07 10:00}. */
@Component
public class RunningPauses {

  /** The case file's status while a pause runs. */
  public static final String STATUS_PAUSED = "已挂起";
  static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CasePauseRepository pauses;
  private final PauseRules rules;
  private final ZoneId zone;

  RunningPauses(CasePauseRepository pauses, PauseRules rules,
      @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) {
    this.pauses = pauses;
    this.rules = rules;
    this.zone = zone;
  }

  /** The running pause's type and start, when the case is paused (read only then: no query for other cases). */
  public Optional<String> cardText(CaseView serviceCase) {
    if (!STATUS_PAUSED.equals(serviceCase.status())) {
      return Optional.empty();
    }
    return pauses.findByCaseNumberAndEndedAtIsNull(serviceCase.caseNumber()).map(pause -> rules.label(
        serviceCase.processKey(), pause.getPauseType()) + "，自 " + SINCE.format(pause.getStartedAt().atZone(zone)));
  }
}
