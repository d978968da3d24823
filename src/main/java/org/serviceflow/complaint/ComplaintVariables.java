package org.serviceflow.complaint;

/**
 * Names of the complaint process variables. The intake (REST and Tasklist start form) writes the
 * INTAKE_* group; the process and its delegates add the rest. Codes are stored, Chinese labels are
 * shown by the forms.
 */
public final class ComplaintVariables {

  public static final String PROCESS_KEY = "complaint";

  // intake (受理登记) — written by POST /api/complaints and by the start form
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CUSTOMER_EMAIL = "customerEmail";
  /** A / B / C (A first). */
  public static final String CUSTOMER_TIER = "customerTier";
  public static final String PRODUCT_OR_ORDER_NO = "productOrOrderNo";
  public static final String CONTENT = "content";
  /** When the complained-of event happened, ISO date string "2026-11-22" (as Tasklist date fields store it). */
  public static final String OCCURRED_ON = "occurredOn";
  /** phone / letter / visit / web / email. */
  public static final String CHANNEL = "channel";
  /** product-quality / product-function / packaging / transport / staff-attitude / staff-negligence / dealer / other. */
  public static final String CATEGORY = "category";
  /** general (一般) / major (重大) / special (专案). */
  public static final String SEVERITY = "severity";
  public static final String AGAINST_STAFF = "againstStaff";
  public static final String STAFF_NAME = "staffName";

  private ComplaintVariables() {
  }
}
