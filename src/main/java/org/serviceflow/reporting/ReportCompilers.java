package org.serviceflow.reporting;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.serviceflow.web.BadRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every report's compiler, by type. A month can be compiled once it has ended (by the engine clock, in the calendar
 * zone): the current and future months have no complete figures.
 */
@Service
public class ReportCompilers {

  private final Map<ReportType, ReportCompiler> compilers = new EnumMap<>(ReportType.class);
  private final ZoneId zone;

  ReportCompilers(List<ReportCompiler> compilers, @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone) {
    compilers.forEach(c -> {
      if (this.compilers.put(c.type(), c) != null) {
        throw new IllegalStateException("two compilers for report " + c.type().key());
      }
    });
    this.zone = zone;
  }

  /** Whether {@code month} has ended, i.e. is before the current month. */
  public boolean isClosed(YearMonth month) {
    return month.isBefore(currentMonth());
  }

  public YearMonth currentMonth() {
    return YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(zone));
  }

  /** A request's {@code period}: a month that has ended, else a 400 naming the field. */
  public YearMonth closedMonth(String period) {
    if (period == null || period.isBlank()) {
      throw new BadRequestException("period", "必填，格式 YYYY-MM");
    }
    YearMonth month;
    try {
      month = YearMonth.parse(period);
    } catch (DateTimeParseException e) {
      throw new BadRequestException("period", "格式应为 YYYY-MM，例如 2026-11");
    }
    if (!isClosed(month)) {
      throw new BadRequestException("period", "月份 " + month + " 尚未结束，只能统计已结束的月份");
    }
    return month;
  }

  public ReportPeriod period(YearMonth month) {
    return ReportPeriod.of(month, zone);
  }

  /**
   * The live figures of a closed month; a type without a compiler is a configuration error. One transaction, not
   * read-only: a compiler that evaluates a decision (the staff assessment) makes the engine write its decision
   * history, which PostgreSQL refuses in a read-only transaction (the report benchmark found it).
   */
  @Transactional
  public ReportFigures compile(ReportType type, YearMonth month) {
    if (!isClosed(month)) {
      throw new IllegalArgumentException("month " + month + " has not ended yet");
    }
    ReportCompiler compiler = compilers.get(type);
    if (compiler == null) {
      throw new IllegalStateException("no compiler for report " + type.key());
    }
    return new ReportFigures(type.key(), type.label(), month, ClockUtil.getCurrentTime().toInstant(),
        compiler.compile(period(month)));
  }
}
