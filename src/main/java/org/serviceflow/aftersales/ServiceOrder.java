package org.serviceflow.aftersales;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/** A service order (售后服务单): the after-sales record the monthly statistics read (PROCESSES.md B.9, B.10). */
@Entity
@Table(name = "service_order")
public class ServiceOrder {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String caseNumber;
  private String serialNumber;
  private String productLine;
  private String productModel;
  private LocalDate purchaseDate;
  private String serviceType;
  private String urgency;
  private Boolean inWarranty;
  private boolean repeatRepair;
  private String earlierCaseNumber;
  private String technician;
  private Instant appointmentAt;
  private BigDecimal labourCost = BigDecimal.ZERO;
  private BigDecimal materialsCost = BigDecimal.ZERO;
  private BigDecimal transportCost = BigDecimal.ZERO;
  private Instant receivedAt;
  private Instant completedAt;
  private Instant closedAt;

  protected ServiceOrder() {
  }

  ServiceOrder(String caseNumber, String serialNumber, String productLine, String productModel, LocalDate purchaseDate,
      String serviceType, String urgency, Instant receivedAt) {
    this.caseNumber = caseNumber;
    this.serialNumber = serialNumber;
    this.productLine = productLine;
    this.productModel = productModel;
    this.purchaseDate = purchaseDate;
    this.serviceType = serviceType;
    this.urgency = urgency;
    this.receivedAt = receivedAt;
  }

  void markRepeatOf(String earlierCaseNumber) {
    this.repeatRepair = true;
    this.earlierCaseNumber = earlierCaseNumber;
  }

  void dispatch(String technician, Instant appointmentAt) {
    this.technician = technician;
    this.appointmentAt = appointmentAt;
  }

  /** Adds a service report's costs (a rework adds to the first visit's) and stamps the completion. */
  void complete(BigDecimal labour, BigDecimal materials, BigDecimal transport, Instant completedAt) {
    this.labourCost = money(labourCost.add(labour));
    this.materialsCost = money(materialsCost.add(materials));
    this.transportCost = money(transportCost.add(transport));
    this.completedAt = completedAt;
  }

  void close(Boolean inWarranty, Instant closedAt) {
    this.inWarranty = inWarranty;
    this.closedAt = closedAt;
  }

  static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  public String getCaseNumber() { return caseNumber; }
  public String getSerialNumber() { return serialNumber; }
  public String getProductLine() { return productLine; }
  public String getProductModel() { return productModel; }
  public LocalDate getPurchaseDate() { return purchaseDate; }
  public String getServiceType() { return serviceType; }
  public String getUrgency() { return urgency; }
  public Boolean getInWarranty() { return inWarranty; }
  public boolean isRepeatRepair() { return repeatRepair; }
  public String getEarlierCaseNumber() { return earlierCaseNumber; }
  public String getTechnician() { return technician; }
  public Instant getAppointmentAt() { return appointmentAt; }
  public BigDecimal getLabourCost() { return labourCost; }
  public BigDecimal getMaterialsCost() { return materialsCost; }
  public BigDecimal getTransportCost() { return transportCost; }
  public Instant getReceivedAt() { return receivedAt; }
  public Instant getCompletedAt() { return completedAt; }
  public Instant getClosedAt() { return closedAt; }
}
