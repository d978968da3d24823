package org.serviceflow.aftersales;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
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

/**
 * A service request (售后服务申请, PROCESSES.md B.1) as POST /api/service-requests receives it, named
 * as in {@link AfterSalesVariables}. Codes, not labels, for product line, service type and urgency.
 *
 * <p>Always required: customer name and phone (the appointment is agreed by phone, B.5), product
 * line and model, service type, description, urgency. Required unless the request is only for
 * advice (咨询), which is answered by phone: serial number (repeat-repair flag, B.9), purchase date
 * (warranty and the 7-day return, B.3) and address (every other type may end in a visit, B.4:
 * afterSalesTriage sends returns after the 7 days, installations, replacements and maintenance on
 * site, and a repair goes on site when phone and remote support fail).
 */
@ServiceRequest.RequiredForServiceType
public record ServiceRequest(
    @NotBlank @Size(max = 100) String customerName,
    /** Mainland mobile (13812345678, +86 allowed) or landline with area code (010-12345678, 0571-8765432-123). */
    @NotBlank
    @Pattern(regexp = MOBILE_OR_LANDLINE, message = "必须是手机号码(如 13812345678)或带区号的固定电话(如 010-12345678)")
    String customerPhone,
    @Email @Size(max = 200) String customerEmail,
    @Size(max = 300) String address,
    @NotBlank @Pattern(regexp = PRODUCT_LINES, message = "必须是以下代码之一: " + PRODUCT_LINE_LIST)
    String productLine,
    @NotBlank @Size(max = 100) String productModel,
    @Pattern(regexp = SERIAL, message = "只能包含字母、数字、横线和斜线，最多 50 个字符") String serialNumber,
    @PastOrPresent LocalDate purchaseDate,
    @Size(max = 100) String proofOfPurchase,
    @NotBlank @Pattern(regexp = SERVICE_TYPES, message = "必须是以下代码之一: " + SERVICE_TYPE_LIST)
    String serviceType,
    @NotBlank @Size(max = 4000) String faultDescription,
    @NotBlank @Pattern(regexp = URGENCIES, message = "必须是以下代码之一: urgent, normal") String urgency) {

  /** Blank, a mainland mobile (+86 allowed) or a landline with area code and optional extension. */
  static final String MOBILE_OR_LANDLINE = "\\s*|(\\+?86[- ]?)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?";
  static final String PRODUCT_LINE_LIST = "appliance, electronics, furniture";
  static final String PRODUCT_LINES = "appliance|electronics|furniture";
  static final String SERVICE_TYPE_LIST = "repair, installation, replacement, return, maintenance, advice";
  static final String SERVICE_TYPES = "repair|installation|replacement|return|maintenance|advice";
  static final String URGENCIES = "urgent|normal";
  static final String SERIAL = "\\s*|[A-Za-z0-9][A-Za-z0-9/-]{0,49}";

  /** Advice is answered by phone; every other type may end in a visit. */
  static final String ADVICE = "advice";

  /** The intake variables of the after-sales process, types as the Tasklist start form stores them. */
  Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(AfterSalesVariables.CUSTOMER_NAME, customerName.strip());
    variables.put(AfterSalesVariables.CUSTOMER_PHONE, customerPhone.strip());
    variables.put(AfterSalesVariables.CUSTOMER_EMAIL, blankToNull(customerEmail));
    variables.put(AfterSalesVariables.ADDRESS, blankToNull(address));
    variables.put(AfterSalesVariables.PRODUCT_LINE, productLine);
    variables.put(AfterSalesVariables.PRODUCT_MODEL, productModel.strip());
    variables.put(AfterSalesVariables.SERIAL_NUMBER, blankToNull(serialNumber));
    variables.put(AfterSalesVariables.PURCHASE_DATE, purchaseDate == null ? null : purchaseDate.toString());
    variables.put(AfterSalesVariables.PROOF_OF_PURCHASE, blankToNull(proofOfPurchase));
    variables.put(AfterSalesVariables.SERVICE_TYPE, serviceType);
    variables.put(AfterSalesVariables.FAULT_DESCRIPTION, faultDescription.strip());
    variables.put(AfterSalesVariables.URGENCY, urgency);
    return variables;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The rules that depend on the service type: serial number, purchase date and address unless the
   * request is only for advice. Each is reported on its own field; an unknown type is only reported
   * on serviceType.
   */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = RequiredForServiceTypeValidator.class)
  @interface RequiredForServiceType {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  static class RequiredForServiceTypeValidator
      implements ConstraintValidator<RequiredForServiceType, ServiceRequest> {

    @Override
    public boolean isValid(ServiceRequest request, ConstraintValidatorContext context) {
      context.disableDefaultConstraintViolation();
      String type = request.serviceType();
      boolean valid = true;
      if (type != null && type.matches(SERVICE_TYPES) && !ADVICE.equals(type)) {
        if (blankToNull(request.serialNumber()) == null) {
          valid = reject(context, "serialNumber", "除咨询外必须填写产品序列号");
        }
        if (request.purchaseDate() == null) {
          valid = reject(context, "purchaseDate", "除咨询外必须填写购买日期(用于判定保修期和七天无理由退货)");
        }
        if (blankToNull(request.address()) == null) {
          valid = reject(context, "address", "除咨询外可能需要上门服务，必须填写地址");
        }
      }
      return valid;
    }

    private static boolean reject(ConstraintValidatorContext context, String field, String message) {
      context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
      return false;
    }
  }
}
