package org.serviceflow.notification;

import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Writes notifications to the outbox in the caller's transaction; the dispatcher sends them later.
 * Templates are Chinese texts keyed like "complaint.acknowledged", loaded from
 * classpath*:notification/templates/*.yaml, with {placeholders} filled from params
 * (caseNumber is always available).
 */
@Service
public class NotificationService {

  /** To a customer or citizen: e-mail if an address is given, SMS if a phone is given. */
  public void toCustomer(String caseNumber, String template, Map<String, ?> params, String email, String phone) {
    throw new UnsupportedOperationException("contract stub");
  }

  /** To every member of a Camunda group: in-app inbox, and e-mail where the member has an address. */
  public void toGroup(String caseNumber, String groupId, String template, Map<String, ?> params) {
    throw new UnsupportedOperationException("contract stub");
  }

  /** To one staff user: in-app inbox, and e-mail where the user has an address. */
  public void toUser(String caseNumber, String userId, String template, Map<String, ?> params) {
    throw new UnsupportedOperationException("contract stub");
  }
}
