package org.serviceflow.casefile;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;
import org.serviceflow.identity.StaffGroup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file (service_case) and its timeline (case_timeline). Every method joins the caller's
 * transaction, which inside a delegate is the engine's, so a rolled-back step leaves no record.
 * Only the case number is drawn in a transaction of its own (a rollback leaves a gap, never a duplicate).
 * Timeline entries are stamped with the engine's clock. An unknown case number raises {@link CaseNotFoundException}.
 */
@Service
@Transactional
public class CaseFileService {

  /** Status of a freshly opened case. */
  public static final String STATUS_OPENED = "已受理";
  /** Status of a closed case. */
  public static final String STATUS_CLOSED = "已结案";
  /** Timeline action written by {@link #open}. */
  public static final String ACTION_OPENED = "受理";
  /** Timeline action written by {@link #close}. */
  public static final String ACTION_CLOSED = "结案";

  private final ServiceCaseRepository cases;
  private final CaseDeadlineRepository deadlines;
  private final CaseTimelineRepository timeline;
  private final CaseNumberGenerator numbers;
  private final CurrentActor currentActor;
  private final ZoneId zone;
  private final List<CaseClock> clocks;
  private final CaseLabels labels;
  private final List<CasePriority> priorities;
  private final EntityManager entityManager;

  CaseFileService(EntityManager entityManager, ServiceCaseRepository cases, CaseDeadlineRepository deadlines,
      CaseTimelineRepository timeline, CaseNumberGenerator numbers, CurrentActor currentActor,
      @Value("${serviceflow.calendar.zone:Asia/Shanghai}") ZoneId zone, List<CaseClock> clocks,
      CaseLabels labels, List<CasePriority> priorities) {
    this.entityManager = entityManager;
    this.cases = cases;
    this.deadlines = deadlines;
    this.timeline = timeline;
    this.numbers = numbers;
    this.currentActor = currentActor;
    this.zone = zone;
    this.clocks = List.copyOf(clocks);
    this.labels = labels;
    this.priorities = List.copyOf(priorities);
  }

  /** Draws the next case number (prefix + date part + serial), writes the case file and a 受理 timeline entry. Returns the case number. */
  public String open(NewCase newCase) {
    Objects.requireNonNull(newCase.type(), "case type");
    Instant openedAt = newCase.openedAt() != null ? newCase.openedAt() : EngineClock.now();
    String caseNumber = numbers.next(newCase.type(), openedAt);
    ServiceCase serviceCase = cases.save(new ServiceCase(caseNumber, newCase, openedAt, STATUS_OPENED));
    String actor = newCase.ownerUser() != null && !newCase.ownerUser().isBlank() ? newCase.ownerUser() : CurrentActor.SYSTEM;
    String outcome = newCase.type().label() + "已受理，编号 " + caseNumber
        + (newCase.channel() != null ? "，渠道：" + newCase.channel() : "");
    timeline.save(new CaseTimelineEntry(serviceCase.getId(), openedAt, actor, ACTION_OPENED, null, outcome));
    return caseNumber;
  }

  /** Links a case opened before its process instance started (the instance then uses the case number as business key). */
  public void linkProcessInstance(String caseNumber, String processInstanceId) {
    find(caseNumber).setProcessInstanceId(processInstanceId);
  }

  /** Whether a case file with this number exists. */
  @Transactional(readOnly = true)
  public boolean exists(String caseNumber) {
    return caseNumber != null && byNumber(caseNumber).isPresent();
  }

  /** The numbers of the open cases of a type whose customer phone is this one, newest first (并单 candidates). */
  @Transactional(readOnly = true)
  public List<String> openCasesWithPhone(CaseType type, String phone) {
    return cases.findByProcessTypeAndCustomerPhoneAndClosedAtIsNullOrderByOpenedAtDesc(type, phone).stream()
        .map(ServiceCase::getCaseNumber).toList();
  }

  /** Appends a timeline entry: who did what, when, with which outcome. A blank actor means the authenticated user, else 系统. */
  public void record(String caseNumber, String actor, String action, String outcome) {
    record(caseNumber, actor, action, null, outcome);
  }

  /** Appends a timeline entry that belongs to a BPMN element (its id). */
  public void record(String caseNumber, String actor, String action, String activityId, String outcome) {
    Objects.requireNonNull(action, "timeline action");
    timeline.save(new CaseTimelineEntry(find(caseNumber).getId(), EngineClock.now(),
        currentActor.orAuthenticated(actor), action, activityId, outcome));
  }

  /** Sets the case status (a short Chinese label, e.g. 处理中). */
  public void updateStatus(String caseNumber, String status) {
    find(caseNumber).setStatus(Objects.requireNonNull(status, "status"));
  }

  /** Stores or replaces a named deadline (e.g. "VERIFICATION") with its due and optional warning instant. */
  public void setDeadline(String caseNumber, String kind, Date dueAt, Date warningAt) {
    Objects.requireNonNull(kind, "deadline kind");
    Objects.requireNonNull(dueAt, "due date");
    Long caseId = find(caseNumber).getId();
    CaseDeadline deadline = deadlines.findByCaseIdAndKind(caseId, kind).orElseGet(() -> new CaseDeadline(caseId, kind));
    deadline.reschedule(dueAt.toInstant(), warningAt == null ? null : warningAt.toInstant());
    deadlines.save(deadline);
  }

  /**
   * Moves a running deadline later by an approved extension (延期): the new due and warning instants; the due instant
   * before the first extension and the approval instant (engine clock) are kept, so the deadline reads 已延期.
   */
  public void extendDeadline(String caseNumber, String kind, Date dueAt, Date warningAt) {
    Objects.requireNonNull(dueAt, "due date");
    CaseDeadline deadline = deadlines.findByCaseIdAndKind(find(caseNumber).getId(), kind)
        .orElseThrow(() -> new IllegalStateException("案件 " + caseNumber + " 没有期限 " + kind));
    deadline.extend(dueAt.toInstant(), warningAt == null ? null : warningAt.toInstant(), EngineClock.now());
  }

  /** Marks a deadline as met (its work was completed) at the given instant; the first instant is kept. */
  public void completeDeadline(String caseNumber, String kind, Instant metAt) {
    ServiceCase serviceCase = find(caseNumber);
    CaseDeadline deadline = deadlines.findByCaseIdAndKind(serviceCase.getId(), kind)
        .orElseThrow(() -> new IllegalStateException("案件 " + caseNumber + " 没有期限 " + kind));
    deadline.meet(metAt != null ? metAt : EngineClock.now());
  }

  /** Flags the case for review (查办), e.g. closed after a hard limit passed. A further reason is appended. */
  public void flagForReview(String caseNumber, String reason) {
    find(caseNumber).flagForReview(reason);
  }

  /** Closes the case with an outcome; writes a 结案 timeline entry. Closing a closed case is an error. */
  public void close(String caseNumber, String outcome, Instant closedAt) {
    ServiceCase serviceCase = find(caseNumber);
    if (serviceCase.isClosed()) {
      throw new IllegalStateException("案件 " + caseNumber + " 已结案，不能再次结案");
    }
    Instant at = closedAt != null ? closedAt : EngineClock.now();
    serviceCase.close(outcome, at, STATUS_CLOSED);
    timeline.save(new CaseTimelineEntry(serviceCase.getId(), at, currentActor.orAuthenticated(null),
        ACTION_CLOSED, null, outcome));
  }

  /**
   * The case file as its readers see it (the case file API, the case page): {@link #get}, and why the case is served
   * first ({@link CaseView#servedFirst()}, one read of the history more). Callers inside the processes (task cards,
   * notices, deadlines) use {@link #get}, which leaves it empty.
   */
  @Transactional(readOnly = true)
  public CaseView readable(String caseNumber) {
    return get(caseNumber, true);
  }

  /**
   * The case file with its deadlines (earliest due first), each with its state at the engine clock's now;
   * {@code servedFirst} is left empty (see {@link #readable}).
   */
  @Transactional(readOnly = true)
  public CaseView get(String caseNumber) {
    return get(caseNumber, false);
  }

  private CaseView get(String caseNumber, boolean withServedFirst) {
    ServiceCase c = find(caseNumber);
    Instant now = EngineClock.now();
    Instant pausedSince = clocks.stream().map(clock -> clock.stoppedSince(caseNumber)).flatMap(Optional::stream)
        .min(Instant::compareTo).orElse(null);
    List<CaseView.Deadline> caseDeadlines = deadlines.findByCaseIdOrderByDueAtAscKindAsc(c.getId()).stream()
        .map(d -> deadline(d, pausedSince, now))
        .toList();
    return new CaseView(c.getCaseNumber(), c.getProcessType(), c.getProcessType().processKey(),
        c.getProcessType().label(), c.getProcessInstanceId(), c.getCustomerName(), c.getCustomerPhone(),
        c.getCustomerEmail(), c.getChannel(), labels.channel(c.getProcessType(), c.getChannel()),
        c.getCategory(), labels.category(c.getProcessType(), c.getCategory()),
        c.getSeverity(), labels.severity(c.getProcessType(), c.getSeverity()), c.getStatus(), c.getOwnerGroup(),
        c.getOwnerGroup() == null ? null : StaffGroup.chineseNameOf(c.getOwnerGroup()),
        c.getOwnerUser(), c.isFlaggedForReview(), c.getReviewReason(), local(c.getOpenedAt()),
        local(c.getClosedAt()), c.getOutcome(), withServedFirst ? servedFirst(c.getProcessInstanceId()) : null,
        caseDeadlines);
  }

  private String servedFirst(String processInstanceId) {
    return processInstanceId == null ? null : priorities.stream()
        .map(priority -> priority.servedFirst(processInstanceId)).flatMap(Optional::stream).findFirst().orElse(null);
  }

  /** The case's timeline, oldest entry first. */
  @Transactional(readOnly = true)
  public List<TimelineEntryView> timeline(String caseNumber) {
    return timeline.findByCaseIdOrderByOccurredAtAscIdAsc(find(caseNumber).getId()).stream()
        .map(e -> new TimelineEntryView(local(e.getOccurredAt()), e.getActor(), e.getAction(), e.getActivityId(),
            e.getOutcome()))
        .toList();
  }

  private CaseView.Deadline deadline(CaseDeadline d, Instant pausedSince, Instant now) {
    DeadlineState state = DeadlineState.of(d.getDueAt(), d.getWarningAt(), d.getMetAt(), d.getExtendedAt(),
        pausedSince, now);
    return new CaseView.Deadline(d.getKind(), local(d.getDueAt()), local(d.getWarningAt()), local(d.getMetAt()),
        state, state.label(), d.getMetAt() == null ? null : !d.getMetAt().isAfter(d.getDueAt()),
        local(d.getOriginalDueAt()), local(d.getExtendedAt()));
  }

  private ServiceCase find(String caseNumber) {
    return byNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
  }

  /**
   * The case by its number (a natural id): read from the database once per transaction, then from the persistence
   * context, where a step's listeners and delegates (timeline, deadlines, status, task cards) find it again.
   */
  private Optional<ServiceCase> byNumber(String caseNumber) {
    return entityManager.unwrap(Session.class).bySimpleNaturalId(ServiceCase.class).loadOptional(caseNumber);
  }

  private OffsetDateTime local(Instant instant) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
