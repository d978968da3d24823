package org.serviceflow.reporting;

import java.io.IOException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.serviceflow.web.BadRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The monthly reports as JSON and files: the confirmed (frozen) records, and the live figures of any past month compiled
 * on demand, and the two side by side. Every answer holds only what {@link ReportAccess} lets the caller see. A
 * bad {@code type}, {@code period} or {@code format} is a 400 naming it; an unknown record a 404.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  static final String TYPES = Arrays.stream(ReportType.values()).map(ReportType::key).collect(Collectors.joining(", "));

  private final ReportRecords records;
  private final ReportCompilers compilers;
  private final ReportAccess access;
  private final ReportExport export;

  ReportController(ReportRecords records, ReportCompilers compilers, ReportAccess access, ReportExport export) {
    this.records = records;
    this.compilers = compilers;
    this.access = access;
    this.export = export;
  }

  /** GET /api/reports?type=&period=: the records (either filter optional) the caller may read, newest month first. */
  @GetMapping
  List<ReportRecord> list(@RequestParam(required = false) String type, @RequestParam(required = false) String period) {
    ReportType reportType = type == null || type.isBlank() ? null : type(type);
    YearMonth month = period == null || period.isBlank() ? null : period(period);
    return records.list(reportType, month).stream().map(this::visibleOrNull).filter(r -> r != null).toList();
  }

  @GetMapping("/{id}")
  ReportRecord record(@PathVariable long id) {
    ReportRecord record = records.find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的报表"));
    return visible(record);
  }

  /** GET /api/reports/figures?type=&period=: the figures of a past month as they are now (not stored). */
  @GetMapping("/figures")
  ReportFigures figures(@RequestParam(required = false) String type, @RequestParam(required = false) String period) {
    ReportType reportType = type(type);
    return access.visible(reportType, compilers.compile(reportType, period(period)));
  }

  /**
   * GET /api/reports/{id}/comparison: the record's frozen figures against the same type and month compiled now, both
   * as far as the caller may read the record (ReportComparison).
   */
  @GetMapping("/{id}/comparison")
  ReportComparison comparison(@PathVariable long id) {
    ReportRecord record = record(id);
    ReportType type = ReportType.ofKey(record.type()).orElseThrow();
    ReportFigures live = access.visible(type, compilers.compile(type, YearMonth.parse(record.period())));
    return ReportComparison.of(record.id(), record.figures(), live);
  }

  /** The record's frozen figures as .xlsx or CSV. */
  @GetMapping("/{id}/export")
  ResponseEntity<StreamingResponseBody> exportRecord(@PathVariable long id,
      @RequestParam(defaultValue = "xlsx") String format) {
    ReportRecord record = record(id);
    return file(record.figures(), format, record.type() + "-" + record.period());
  }

  /** The live figures of a past month as .xlsx or CSV. */
  @GetMapping("/figures/export")
  ResponseEntity<StreamingResponseBody> exportFigures(@RequestParam(required = false) String type,
      @RequestParam(required = false) String period, @RequestParam(defaultValue = "xlsx") String format) {
    String checkedFormat = format(format);
    ReportFigures figures = figures(type, period);
    return file(figures, checkedFormat, figures.type() + "-" + figures.period() + "-live");
  }

  private ResponseEntity<StreamingResponseBody> file(ReportFigures figures, String format, String name) {
    boolean xlsx = format(format).equals("xlsx");
    StreamingResponseBody body = out -> {
      if (xlsx) {
        export.xlsx(figures, out);
      } else {
        export.csv(figures, out);
      }
    };
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(name + (xlsx ? ".xlsx" : ".csv")).build().toString())
        .contentType(xlsx
            ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(body);
  }

  private ReportRecord visible(ReportRecord record) {
    ReportType type = ReportType.ofKey(record.type()).orElseThrow();
    return new ReportRecord(record.id(), record.type(), record.label(), record.period(), record.status(),
        record.processInstanceId(), access.visible(type, record.figures()), record.compiledAt(), record.dueAt(),
        record.comments(), record.measures(), record.confirmedBy(), record.confirmedAt(), record.approvedBy(),
        record.approvedAt());
  }

  private ReportRecord visibleOrNull(ReportRecord record) {
    try {
      return visible(record);
    } catch (org.camunda.bpm.engine.AuthorizationException refused) {
      return null;
    }
  }

  private static ReportType type(String type) {
    if (type == null || type.isBlank()) {
      throw new BadRequestException("type", "必填，取值：" + TYPES);
    }
    return ReportType.ofKey(type).orElseThrow(() -> new BadRequestException("type", "未知的报表类型，取值：" + TYPES));
  }

  private YearMonth period(String period) {
    return compilers.closedMonth(period);
  }

  private static String format(String format) {
    if (!format.equals("xlsx") && !format.equals("csv")) {
      throw new BadRequestException("format", "取值：xlsx, csv");
    }
    return format;
  }
}
