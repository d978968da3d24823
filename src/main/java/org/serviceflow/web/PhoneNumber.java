package org.serviceflow.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A mainland Chinese phone number: a mobile number (13812345678, optionally +86) or a landline
 * with area code (010-12345678, optional extension). Blank passes: add {@code @NotBlank} where the
 * number is required.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Pattern(regexp = PhoneNumber.MOBILE_OR_LANDLINE)
@ReportAsSingleViolation
public @interface PhoneNumber {

  String MOBILE_OR_LANDLINE = "\\s*|(\\+?86[- ]?)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?";

  String message() default "必须是手机号码(如 13812345678)或带区号的固定电话(如 010-12345678)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
