package org.serviceflow.hotline;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.serviceflow.web.CalendarDate;
import org.serviceflow.web.PhoneNumber;

/**
 * A 12345 appeal (诉求) as POST /api/hotline/appeals receives it: the intake fields of PROCESSES.md
 * D.1, named as in {@link HotlineVariables}. Codes, not labels, for type, urgency, area and category.
 *
 * <p>Always required: citizen phone (acknowledgement SMS, first contact, return visit), type,
 * urgency, area, category and content. The citizen's name is required except for a 举报 (report),
 * which may be anonymous. 求助/投诉/举报 also need the event date, location and people involved
 * (000:274–275); 投诉/举报 also need the target, reason and evidence (000:283–284). A 举报 is always
 * confidential (002:486), whatever the request says. Lengths and codes are those of the Tasklist start
 * form (forms/hotline12345/StartEvent_AppealReceived.form), which writes the same variables.
 */
@AppealRequest.RequiredForAppealType
public record AppealRequest(
    @Size(max = 100) String citizenName,
    /** Mainland mobile (13812345678, +86 allowed) or landline with area code (010-12345678, 0571-8765432-123). */
    @NotBlank @PhoneNumber String citizenPhone,
    Boolean confidential,
    @NotBlank @Pattern(regexp = TYPES, message = "必须是以下代码之一: " + TYPE_LIST) String appealType,
    @NotBlank @Pattern(regexp = URGENCIES, message = "必须是以下代码之一: urgent, normal") String urgency,
    @NotBlank @Size(max = 50) @Pattern(regexp = CODE, message = CODE_MESSAGE) String area,
    @NotBlank @Size(max = 50) @Pattern(regexp = CODE, message = CODE_MESSAGE) String category,
    @NotBlank @Size(max = 4000) String content,
    @PastOrPresent @CalendarDate LocalDate eventDate,
    @Size(max = 500) String eventLocation,
    @Size(max = 500) String peopleInvolved,
    @Size(max = 500) String target,
    @Size(max = 4000) String reason,
    @Size(max = 4000) String evidence) {

  static final String CONSULTATION = "consultation";
  static final String HELP = "help";
  static final String COMPLAINT = "complaint";
  static final String REPORT = "report";
  static final String SUGGESTION = "suggestion";
  static final String TYPE_LIST = "consultation, help, complaint, report, suggestion";
  static final String TYPES = "consultation|help|complaint|report|suggestion";
  static final String URGENCIES = "urgent|normal";
  /** Area and category codes as the dispatch decision uses them: lower-case words joined by '-'. */
  /**
   * Lower-case words joined by single dashes, written without a repeated group: Java matches a repeated group by
   * recursion, so that form overflowed the stack on a 1 MB value (the fuzzed intake found it) before @Size refused it.
   */
  static final String CODE = "(?!.*--)[a-z0-9][a-z0-9-]*(?<!-)";
  static final String CODE_MESSAGE = "必须是小写字母、数字和横线组成的代码(如 housing、district-a)";
  /** A mainland mobile (+86 allowed) or a landline with area code and optional extension. */

  /** Types that are appeals about an event (求助/投诉/举报): when, where, who (000:274–275). */
  private static final Set<String> ABOUT_AN_EVENT = Set.of(HELP, COMPLAINT, REPORT);
  /** Types against someone (投诉/举报): target, reason, evidence (000:283–284). */
  private static final Set<String> AGAINST_SOMEONE = Set.of(COMPLAINT, REPORT);

  /** A 举报 reporter's identity is always kept from the unit; others only when the citizen asks. */
  boolean isConfidential() {
    return REPORT.equals(appealType) || Boolean.TRUE.equals(confidential);
  }

  /** The intake variables of the hotline process, types as the Tasklist start form stores them. */
  Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(HotlineVariables.CITIZEN_NAME, blankToNull(citizenName));
    variables.put(HotlineVariables.CITIZEN_PHONE, citizenPhone.strip());
    variables.put(HotlineVariables.CONFIDENTIAL, isConfidential());
    variables.put(HotlineVariables.APPEAL_TYPE, appealType);
    variables.put(HotlineVariables.URGENCY, urgency);
    variables.put(HotlineVariables.AREA, area);
    variables.put(HotlineVariables.CATEGORY, category);
    variables.put(HotlineVariables.CONTENT, content.strip());
    variables.put(HotlineVariables.EVENT_DATE, eventDate == null ? null : eventDate.toString());
    variables.put(HotlineVariables.EVENT_LOCATION, blankToNull(eventLocation));
    variables.put(HotlineVariables.PEOPLE_INVOLVED, blankToNull(peopleInvolved));
    variables.put(HotlineVariables.TARGET, blankToNull(target));
    variables.put(HotlineVariables.REASON, blankToNull(reason));
    variables.put(HotlineVariables.EVIDENCE, blankToNull(evidence));
    return variables;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The fields a type requires (PROCESSES.md D.1), each missing one reported on its own field. An
   * unknown or missing type is reported by the type's own constraints, so nothing more is demanded.
   */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = RequiredForAppealTypeValidator.class)
  @interface RequiredForAppealType {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  static class RequiredForAppealTypeValidator implements ConstraintValidator<RequiredForAppealType, AppealRequest> {

    @Override
    public boolean isValid(AppealRequest request, ConstraintValidatorContext context) {
      context.disableDefaultConstraintViolation();
      String type = request.appealType() == null ? "" : request.appealType();
      boolean valid = true;
      if (!REPORT.equals(type) && blankToNull(request.citizenName()) == null) {
        valid = reject(context, "citizenName", "除匿名举报外必须填写诉求人姓名");
      }
      if (ABOUT_AN_EVENT.contains(type)) {
        String why = "求助、投诉、举报必须填写";
        valid &= given(request.eventDate(), context, "eventDate", why + "事件发生日期");
        valid &= given(request.eventLocation(), context, "eventLocation", why + "事件地点");
        valid &= given(request.peopleInvolved(), context, "peopleInvolved", why + "涉及人员");
      }
      if (AGAINST_SOMEONE.contains(type)) {
        String why = "投诉、举报必须填写";
        valid &= given(request.target(), context, "target", why + "被投诉(举报)对象");
        valid &= given(request.reason(), context, "reason", why + "投诉(举报)理由");
        valid &= given(request.evidence(), context, "evidence", why + "证据或线索");
      }
      return valid;
    }

    private static boolean given(Object value, ConstraintValidatorContext context, String field, String message) {
      boolean present = value instanceof String text ? blankToNull(text) != null : value != null;
      return present || reject(context, field, message);
    }

    private static boolean reject(ConstraintValidatorContext context, String field, String message) {
      context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
      return false;
    }
  }
}
