package org.serviceflow.aftersales;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service orders (售后服务单). Every method joins the caller's transaction, which inside a delegate is the
 * engine's, so a rolled-back step leaves no record. An unknown case number is an IllegalStateException.
 */
@Service
@Transactional
public class ServiceOrderService {

  private final ServiceOrderRepository orders;

  ServiceOrderService(ServiceOrderRepository orders) {
    this.orders = orders;
  }

  /** What the intake knows about the product and the request. */
  public record NewOrder(String caseNumber, String serialNumber, String productLine, String productModel,
      LocalDate purchaseDate, String serviceType, String urgency, Instant receivedAt) {
  }

  /**
   * Writes the order and checks for a repeat repair (PROCESSES.md B.9): another order of the same serial number
   * completed within {@code windowDays} days before receipt. Returns the earlier case number if so.
   */
  public Optional<String> open(NewOrder order, int windowDays) {
    ServiceOrder saved = new ServiceOrder(order.caseNumber(), order.serialNumber(), order.productLine(),
        order.productModel(), order.purchaseDate(), order.serviceType(), order.urgency(), order.receivedAt());
    Optional<String> earlier = Optional.ofNullable(order.serialNumber())
        .flatMap(serial -> orders.findFirstBySerialNumberAndCaseNumberNotAndCompletedAtGreaterThanEqualOrderByCompletedAtDesc(
            serial, order.caseNumber(), order.receivedAt().minus(Duration.ofDays(windowDays))))
        .map(ServiceOrder::getCaseNumber);
    earlier.ifPresent(saved::markRepeatOf);
    orders.save(saved);
    return earlier;
  }

  /** Records the dispatched technician and the agreed appointment. */
  public void dispatch(String caseNumber, String technician, Instant appointmentAt) {
    find(caseNumber).dispatch(technician, appointmentAt);
  }

  /** Adds the costs of a service report (labour, materials, transport; B.10) and stamps the completion. */
  public void complete(String caseNumber, BigDecimal labour, BigDecimal materials, BigDecimal transport,
      Instant completedAt) {
    find(caseNumber).complete(labour, materials, transport, completedAt);
  }

  /**
   * At closing: whether the work was free under warranty (null for a 7-day return). An order closed without a
   * service report (out of scope, quote declined, return) stays without completion: it was no repair.
   */
  public void close(String caseNumber, Boolean inWarranty, Instant closedAt) {
    find(caseNumber).close(inWarranty, closedAt);
  }

  /** Open work of a technician: orders dispatched to them and not completed. */
  @Transactional(readOnly = true)
  public long openOrdersOf(String technician) {
    return orders.countByTechnicianAndCompletedAtIsNull(technician);
  }

  @Transactional(readOnly = true)
  public Optional<ServiceOrder> get(String caseNumber) {
    return orders.findByCaseNumber(caseNumber);
  }

  private ServiceOrder find(String caseNumber) {
    return orders.findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalStateException("no service order " + caseNumber));
  }
}
