package org.serviceflow.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The operator's SMS gateway as its HTTP contract: a JDK HTTP server on 127.0.0.1 that takes {@code POST /sms} and
 * answers the status the test sets, after the delay it sets. Records every request with the status it got.
 */
final class SmsGatewayStub {

  record Received(String method, String contentType, String authorization, String body, int answeredStatus) {}

  final List<Received> requests = new CopyOnWriteArrayList<>();
  volatile int answerStatus = 200;
  volatile long answerDelayMillis = 0;
  private final HttpServer server;

  SmsGatewayStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/sms", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = answerStatus;
      requests.add(new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
          exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8), status));
      try {
        Thread.sleep(answerDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.setExecutor(Executors.newCachedThreadPool()); // a slow answer must not hold up the next request
    server.start();
  }

  /** Points the application's SMS channel at this gateway, with the token {@code gateway-secret}. */
  void register(DynamicPropertyRegistry registry) {
    registry.add("serviceflow.notification.sms.webhook-url",
        () -> "http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    registry.add("serviceflow.notification.sms.token", () -> "gateway-secret");
    registry.add("serviceflow.notification.sms.timeout", () -> "1s");
  }

  void answerNormally() {
    requests.clear();
    answerStatus = 200;
    answerDelayMillis = 0;
  }
}
