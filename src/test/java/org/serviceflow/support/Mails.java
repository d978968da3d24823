package org.serviceflow.support;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** Reading what a GreenMail server on loopback received. */
public final class Mails {

  private Mails() {
  }

  /** A free port on loopback for a test's own SMTP server. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<MimeMessage> to(MimeMessage[] received, String address) {
    return Arrays.stream(received).filter(message -> recipients(message).contains(address)).toList();
  }

  public static MimeMessage withSubject(List<MimeMessage> messages, String part) {
    return messages.stream().filter(message -> subject(message).contains(part)).findFirst()
        .orElseThrow(() -> new AssertionError("no e-mail whose subject contains " + part + " among "
            + messages.stream().map(Mails::subject).toList()));
  }

  public static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of a message, decoded from its transfer encoding. */
  public static String decodedBody(MimeMessage message) {
    try {
      return message.getContent() instanceof String text ? text : GreenMailUtil.getBody(message);
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
