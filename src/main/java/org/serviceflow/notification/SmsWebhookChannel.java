package org.serviceflow.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SMS through the operator's HTTP gateway: POST {"phone", "text", "reference"} as JSON, optional
 * bearer token; any 2xx is delivered, anything else (or a timeout) is retried. Off while
 * serviceflow.notification.sms.webhook-url is empty: SMS rows are then written SKIPPED.
 */
@Component
class SmsWebhookChannel implements NotificationChannel {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotificationProperties.Sms settings;
  private final HttpClient http;

  SmsWebhookChannel(NotificationProperties properties) {
    this.settings = properties.sms();
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public Admission admission() {
    return settings.enabled()
        ? Admission.QUEUED
        : Admission.skipped("短信网关未配置 (serviceflow.notification.sms.webhook-url)，短信未发送");
  }

  @Override
  public void send(Notification message) throws Exception {
    if (!settings.enabled()) {
      throw new IllegalStateException("SMS webhook is not configured (serviceflow.notification.sms.webhook-url)");
    }
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("phone", message.getRecipient());
    payload.put("text", message.getBody());
    payload.put("reference", String.valueOf(message.getId()));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.webhookUrl()))
        .timeout(settings.timeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(payload)));
    if (settings.token() != null && !settings.token().isBlank()) {
      request.header("Authorization", "Bearer " + settings.token());
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("SMS webhook answered HTTP " + response.statusCode() + ": "
          + abbreviate(response.body()));
    }
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
