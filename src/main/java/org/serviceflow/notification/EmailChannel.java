package org.serviceflow.notification;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Plain-text UTF-8 e-mail through Spring Mail (spring.mail.*), from serviceflow.notification.sender. Each
 * mail names its outbox row in the header {@value #OUTBOX_HEADER}: a message sent again after a node died
 * mid-send (at-least-once, see {@link NotificationDispatcher}) carries the same value as the first copy.
 */
@Component
class EmailChannel implements NotificationChannel {

  static final String OUTBOX_HEADER = "X-ServiceFlow-Notification";

  private final ObjectProvider<JavaMailSender> mailSender;
  private final String sender;

  EmailChannel(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
    this.mailSender = mailSender;
    this.sender = properties.sender();
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public Admission admission() {
    return mailSender.getIfAvailable() == null
        ? Admission.skipped("未配置邮件服务器 (spring.mail.host)")
        : Admission.QUEUED;
  }

  @Override
  public void send(Notification message) throws Exception {
    JavaMailSender mail = mailSender.getObject();
    MimeMessage mime = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
    helper.setFrom(sender);
    helper.setTo(message.getRecipient());
    helper.setSubject(message.getSubject());
    helper.setText(message.getBody());
    mime.setHeader(OUTBOX_HEADER, String.valueOf(message.getId()));
    mail.send(mime);
  }
}
