package org.serviceflow.aftersales;

/**
 * Names of the after-sales process variables. The intake (REST and Tasklist start form) writes the
 * intake group; the model, its forms and delegates add the rest. Codes are stored, Chinese labels
 * are shown by the forms.
 */
public final class AfterSalesVariables {

  public static final String PROCESS_KEY = "afterSalesService";

  // intake (售后服务申请) — written by POST /api/service-requests and by the start form
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_PHONE = "customerPhone";
  public static final String CUSTOMER_EMAIL = "customerEmail";
  public static final String ADDRESS = "address";
  /** Product line code, the key of the warranty decision (e.g. appliance / electronics / furniture). */
  public static final String PRODUCT_LINE = "productLine";
  public static final String PRODUCT_MODEL = "productModel";
  public static final String SERIAL_NUMBER = "serialNumber";
  /** ISO date string "2026-11-01" (as Tasklist date fields store it). */
  public static final String PURCHASE_DATE = "purchaseDate";
  /** Invoice or order number proving the purchase. */
  public static final String PROOF_OF_PURCHASE = "proofOfPurchase";
  /** repair / installation / replacement / return / maintenance / advice. */
  public static final String SERVICE_TYPE = "serviceType";
  public static final String FAULT_DESCRIPTION = "faultDescription";
  /** urgent (紧急) / normal (一般). */
  public static final String URGENCY = "urgency";

  private AfterSalesVariables() {
  }
}
