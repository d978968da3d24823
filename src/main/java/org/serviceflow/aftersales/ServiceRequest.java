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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.serviceflow.web.CalendarDate;
import org.serviceflow.web.CodeList;
import org.serviceflow.web.PhoneNumber;

/**
 * A service request (售后服务申请, PROCESSES.md B.1) as POST /api/service-requests receives it, named
 * as in {@link AfterSalesVariables}. Codes, not labels, for product line, service type, urgency and region.
 *
 * <p>Always required: customer name and phone (the appointment is agreed by phone, B.5), product
 * line and model, service type, description, urgency. Optional: region (default other). Required unless the request is only for
 * advice (咨询), which is answered by phone: serial number (repeat-repair flag, B.9), purchase date
 * (warranty and the 7-day return, B.3) and address (every other type may end in a visit, B.4:
 * afterSalesTriage sends returns after the 7 days, installations, replacements and maintenance on
 * site, and a repair goes on site when phone and remote support fail).
 */
@ServiceRequest.RequiredForServiceType
public record ServiceRequest(
    @NotBlank @Size(max = 100) String customerName,
    @NotBlank @PhoneNumber String customerPhone,
    @Email @Size(max = 200) String customerEmail,
    @Size(max = 300) String address,
    @NotBlank @CodeList(ProductLine.class) String productLine,
    @NotBlank @Size(max = 100) String productModel,
    @Pattern(regexp = SERIAL, message = "只能包含字母、数字、横线和斜线，最多 50 个字符") String serialNumber,
    @PastOrPresent @CalendarDate LocalDate purchaseDate,
    @Size(max = 100) String proofOfPurchase,
    @NotBlank @CodeList(ServiceType.class) String serviceType,
    @NotBlank @Size(max = 4000) String faultDescription,
    @NotBlank @CodeList(Urgency.class) String urgency,
    @CodeList(Region.class) String region) {

  static final String SERIAL = "\\s*|[A-Za-z0-9][A-Za-z0-9/-]{0,49}";

  /** The codes of each list joined by "|", in order (what the start form must offer). */
  static final String PRODUCT_LINES = codes(ProductLine.class);
  static final String SERVICE_TYPES = codes(ServiceType.class);
  static final String URGENCIES = codes(Urgency.class);
  static final String REGIONS = codes(Region.class);

  /** Product lines: the keys of afterSalesWarranty.dmn, whose last rows cover any other line. */
  enum ProductLine implements CodeList.Coded {
    APPLIANCE("appliance", "家电"),
    ELECTRONICS("electronics", "电子产品"),
    FURNITURE("furniture", "家具");

    private final String code;
    private final String label;

    ProductLine(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** Service types (PROCESSES.md B.1). Advice is answered by phone; every other type may end in a visit. */
  enum ServiceType implements CodeList.Coded {
    REPAIR("repair", "维修"),
    INSTALLATION("installation", "安装"),
    REPLACEMENT("replacement", "更换"),
    RETURN("return", "退换货"),
    MAINTENANCE("maintenance", "保养"),
    ADVICE("advice", "咨询");

    private final String code;
    private final String label;

    ServiceType(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String label() {
      return label;
    }

    /** A known type other than advice: serial number, purchase date and address are needed. */
    static boolean mayNeedAVisit(String code) {
      return code != null && !ADVICE.code.equals(code)
          && Arrays.stream(values()).anyMatch(type -> type.code.equals(code));
    }
  }

  /** Urgency (PROCESSES.md B.2): urgent requests are answered within 2 h and visited the same day. */
  enum Urgency implements CodeList.Coded {
    URGENT("urgent", "紧急"),
    NORMAL("normal", "一般");

    private final String code;
    private final String label;

    Urgency(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /**
   * Region (片区, issue 4 "proposed by skill/region"): the district of the customer's address, an input of
   * afterSalesDispatch.dmn besides the product line. Optional; a request without one is dispatched as {@link #OTHER}.
   */
  enum Region implements CodeList.Coded {
    DISTRICT_A("district-a", "A 片区"),
    DISTRICT_B("district-b", "B 片区"),
    OTHER("other", "其他片区");

    private final String code;
    private final String label;

    Region(String code, String label) {
      this.code = code;
      this.label = label;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String label() {
      return label;
    }
  }

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
    variables.put(AfterSalesVariables.REGION, region == null || region.isBlank() ? Region.OTHER.code() : region);
    return variables;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String codes(Class<? extends CodeList.Coded> list) {
    return Arrays.stream(list.getEnumConstants()).map(CodeList.Coded::code).collect(Collectors.joining("|"));
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
      if (!ServiceType.mayNeedAVisit(request.serviceType())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      if (blankToNull(request.serialNumber()) == null) {
        valid = reject(context, "serialNumber", "除咨询外必须填写产品序列号");
      }
      if (request.purchaseDate() == null) {
        valid = reject(context, "purchaseDate", "除咨询外必须填写购买日期(用于判定保修期和七天无理由退货)");
      }
      if (blankToNull(request.address()) == null) {
        valid = reject(context, "address", "除咨询外可能需要上门服务，必须填写地址");
      }
      return valid;
    }

    private static boolean reject(ConstraintValidatorContext context, String field, String message) {
      context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
      return false;
    }
  }
}
