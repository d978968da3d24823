package org.serviceflow.hotline;

/**
 * Names of the 12345 hotline process variables. The intake (REST and Tasklist start form) writes
 * the intake group; the model, its forms and delegates add the rest. Codes are stored, Chinese
 * labels are shown by the forms.
 *
 * <p>Confidentiality: a 举报 (report) reporter's name and phone, and any citizen who asked for
 * confidentiality, must never reach the handling unit (its forms, the variables it can read, REST
 * answers to unit users).
 */
public final class HotlineVariables {

  public static final String PROCESS_KEY = "hotline12345";

  // intake (受理) — written by POST /api/hotline/appeals and by the start form
  public static final String CITIZEN_NAME = "citizenName";
  public static final String CITIZEN_PHONE = "citizenPhone";
  /** Boolean: the citizen asked to keep name and phone confidential (always true for 举报). */
  public static final String CONFIDENTIAL = "confidential";
  /** consultation (咨询) / help (求助) / complaint (投诉) / report (举报) / suggestion (建议). */
  public static final String APPEAL_TYPE = "appealType";
  /** urgent (紧急) / normal (一般). */
  public static final String URGENCY = "urgency";
  /** Area code, a key of the dispatch decision (e.g. district-a, street-a). */
  public static final String AREA = "area";
  /** Category code, a key of the dispatch decision (e.g. housing, market, environment, traffic, other). */
  public static final String CATEGORY = "category";
  public static final String CONTENT = "content";
  /** Appeals (求助/投诉/举报): event date (ISO "2026-11-22"), location and people involved (000:274–275). */
  public static final String EVENT_DATE = "eventDate";
  public static final String EVENT_LOCATION = "eventLocation";
  public static final String PEOPLE_INVOLVED = "peopleInvolved";
  /** Complaints and reports: target, reason and evidence (000:283–284). */
  public static final String TARGET = "target";
  public static final String REASON = "reason";
  public static final String EVIDENCE = "evidence";

  private HotlineVariables() {
  }
}
