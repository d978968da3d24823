package org.serviceflow.notification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notifications to the outbox in the caller's transaction; the dispatcher sends them later.
 * Templates are Chinese texts keyed like "complaint.acknowledged", loaded from
 * classpath*:notification/templates/*.yaml, with {placeholders} filled from params
 * (caseNumber is always available). The text is rendered now, so an unknown template key or a
 * missing parameter fails the calling step (IllegalArgumentException), not the later send.
 */
@Service
public class NotificationService {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final NotificationTemplates templates;
  private final StaffDirectory staff;
  private final NotificationRepository outbox;
  private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);

  NotificationService(NotificationTemplates templates, StaffDirectory staff, NotificationRepository outbox,
      List<NotificationChannel> channels) {
    this.templates = templates;
    this.staff = staff;
    this.outbox = outbox;
    channels.forEach(channel -> this.channels.put(channel.channel(), channel));
  }

  /** To a customer or citizen: e-mail if an address is given, SMS if a phone is given. */
  @Transactional
  public void toCustomer(String caseNumber, String template, Map<String, ?> params, String email, String phone) {
    RenderedMessage message = templates.render(template, caseNumber, params);
    boolean written = false;
    if (hasText(email)) {
      write(caseNumber, Channel.EMAIL, email.trim(), template, message);
      written = true;
    }
    if (hasText(phone)) {
      write(caseNumber, Channel.SMS, phone.trim(), template, message);
      written = true;
    }
    if (!written) {
      log.warn("Case {}: notification '{}' to the customer has no e-mail address or phone, nothing written",
          caseNumber, template);
    }
  }

  /** To every member of a Camunda group: in-app inbox, and e-mail where the member has an address. */
  @Transactional
  public void toGroup(String caseNumber, String groupId, String template, Map<String, ?> params) {
    RenderedMessage message = templates.render(template, caseNumber, params);
    List<StaffDirectory.Member> members = staff.membersOf(groupId);
    if (members.isEmpty()) {
      log.warn("Case {}: notification '{}' to group '{}' which has no members, nothing written",
          caseNumber, template, groupId);
    }
    members.forEach(member -> writeToStaff(caseNumber, member, template, message));
  }

  /** To one staff user: in-app inbox, and e-mail where the user has an address. */
  @Transactional
  public void toUser(String caseNumber, String userId, String template, Map<String, ?> params) {
    RenderedMessage message = templates.render(template, caseNumber, params);
    staff.user(userId).ifPresentOrElse(
        member -> writeToStaff(caseNumber, member, template, message),
        () -> log.warn("Case {}: notification '{}' to unknown user '{}', nothing written",
            caseNumber, template, userId));
  }

  private void writeToStaff(String caseNumber, StaffDirectory.Member member, String template,
      RenderedMessage message) {
    write(caseNumber, Channel.INBOX, member.id(), template, message);
    if (member.email() != null) {
      write(caseNumber, Channel.EMAIL, member.email(), template, message);
    }
  }

  private void write(String caseNumber, Channel channel, String recipient, String template,
      RenderedMessage message) {
    NotificationChannel.Admission admission = channels.get(channel).admission();
    outbox.save(Notification.write(caseNumber, channel, recipient, template, message, admission, OutboxTime.now()));
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
