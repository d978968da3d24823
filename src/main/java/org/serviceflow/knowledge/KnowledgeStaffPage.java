package org.serviceflow.knowledge;

import java.util.Collection;
import org.serviceflow.identity.StaffPage;
import org.springframework.stereotype.Component;

/** The knowledge base page {@code /knowledge}: for the groups that may read the knowledge base. */
@Component
class KnowledgeStaffPage implements StaffPage {

  @Override
  public String path() {
    return "/knowledge";
  }

  @Override
  public boolean mayOpen(Collection<String> groupIds) {
    return groupIds.stream().anyMatch(KnowledgeController.READERS::contains);
  }
}
