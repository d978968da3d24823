package org.serviceflow.aftersales;

import java.util.Comparator;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * 推荐技术员 (Task_ProposeTechnician, PROCESSES.md B.4; 000:176, 000:62): proposes the member of the skill group
 * {@code technicianGroup} (decision afterSalesDispatch; technical-service if unset) with the fewest open service
 * orders (dispatched, not completed); a tie goes to the smallest user id. The proposal is preset as
 * {@code technician}, which the after-sales manager may change in the dispatch form. A skill or region group
 * without members (not yet staffed in Admin) falls back to technical-service; without members there either nothing
 * is proposed and the manager names the technician.
 */
@Component
class ProposeTechnicianDelegate implements JavaDelegate {

  static final String DEFAULT_GROUP = "technical-service";

  private final IdentityService identityService;
  private final ServiceOrderService orders;

  ProposeTechnicianDelegate(IdentityService identityService, ServiceOrderService orders) {
    this.identityService = identityService;
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // runs as whoever completed the previous step: look up the members without their authorizations
    String group = AfterSalesVariables.of(execution).technicianGroup();
    Optional<String> proposed = Context.getCommandContext().runWithoutAuthorization(
        () -> leastLoadedTechnician(group == null ? DEFAULT_GROUP : group)
            .or(() -> leastLoadedTechnician(DEFAULT_GROUP)));
    execution.setVariable(AfterSalesVariables.PROPOSED_TECHNICIAN, proposed.orElse(null));
    execution.setVariable(AfterSalesVariables.TECHNICIAN, proposed.orElse(null));
  }

  Optional<String> leastLoadedTechnician(String group) {
    return identityService.createUserQuery().memberOfGroup(group).list().stream()
        .map(User::getId)
        .min(Comparator.comparingLong(orders::openOrdersOf).thenComparing(Comparator.naturalOrder()));
  }
}
