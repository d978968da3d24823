package org.serviceflow.complaint;

import org.serviceflow.web.CalendarDate;
import org.serviceflow.web.CodeList;
import org.serviceflow.web.PhoneNumber;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complaint as POST /api/complaints receives it: the intake fields of PROCESSES.md A.1
 * (受理登记), named as in {@link ComplaintVariables}. Codes, not labels, for channel, category,
 * severity and tier.
 */
@ComplaintRequest.ContactAndStaffGiven
public record ComplaintRequest(
    @NotBlank @Size(max = 100) String customerName,
    /** Mainland mobile (13812345678, +86 allowed) or landline with area code (010-12345678, 0571-8765432-123). */
    @PhoneNumber
    String customerPhone,
    @Email @Size(max = 200) String customerEmail,
    @NotBlank @CodeList(ComplaintCustomerTier.class) String customerTier,
    @Size(max = 100) String productOrOrderNo,
    @NotBlank @Size(max = 4000) String content,
    @NotNull @PastOrPresent @CalendarDate LocalDate occurredOn,
    @NotBlank @CodeList(ComplaintChannel.class) String channel,
    @NotBlank @CodeList(ComplaintCategory.class) String category,
    @NotBlank @CodeList(ComplaintSeverity.class) String severity,
    boolean againstStaff,
    @Size(max = 100) String staffName) {

  /** Blank (no phone), a mainland mobile (+86 allowed) or a landline with area code and optional extension. */

  /** The intake variables of the complaint process, types as the Tasklist start form stores them. */
  Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ComplaintVariables.CUSTOMER_NAME, customerName.strip());
    variables.put(ComplaintVariables.CUSTOMER_PHONE, blankToNull(customerPhone));
    variables.put(ComplaintVariables.CUSTOMER_EMAIL, blankToNull(customerEmail));
    variables.put(ComplaintVariables.CUSTOMER_TIER, customerTier);
    variables.put(ComplaintVariables.PRODUCT_OR_ORDER_NO, blankToNull(productOrOrderNo));
    variables.put(ComplaintVariables.CONTENT, content.strip());
    variables.put(ComplaintVariables.OCCURRED_ON, occurredOn.toString());
    variables.put(ComplaintVariables.CHANNEL, channel);
    variables.put(ComplaintVariables.CATEGORY, category);
    variables.put(ComplaintVariables.SEVERITY, severity);
    variables.put(ComplaintVariables.AGAINST_STAFF, againstStaff);
    variables.put(ComplaintVariables.STAFF_NAME, againstStaff ? staffName.strip() : null);
    return variables;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The rules across fields: a phone or an e-mail address to reach the customer (reported on both
   * fields), and the staff member's name when the complaint is against staff (reported on staffName).
   */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = ContactAndStaffGivenValidator.class)
  @interface ContactAndStaffGiven {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  static class ContactAndStaffGivenValidator implements ConstraintValidator<ContactAndStaffGiven, ComplaintRequest> {

    @Override
    public boolean isValid(ComplaintRequest request, ConstraintValidatorContext context) {
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      if (blankToNull(request.customerPhone()) == null && blankToNull(request.customerEmail()) == null) {
        reject(context, "customerPhone", "电话和电子邮箱至少填写一项");
        reject(context, "customerEmail", "电话和电子邮箱至少填写一项");
        valid = false;
      }
      if (request.againstStaff() && blankToNull(request.staffName()) == null) {
        reject(context, "staffName", "投诉涉及员工时必须填写员工姓名");
        valid = false;
      }
      return valid;
    }

    private static void reject(ConstraintValidatorContext context, String field, String message) {
      context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
    }
  }
}
