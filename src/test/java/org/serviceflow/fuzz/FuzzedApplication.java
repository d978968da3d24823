package org.serviceflow.fuzz;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.serviceflow.ServiceFlowApplication;
import org.serviceflow.support.PostgresContextInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application, started once per test JVM for every fuzz property (jqwik runs outside the
 * Spring test context framework): test profile, its own database on the embedded PostgreSQL server
 * (closed with the other contexts at the end of the run), Tomcat on a free loopback port. Requests go
 * over real HTTP with HTTP Basic as the demo users.
 */
final class FuzzedApplication {

  private static FuzzedApplication running;

  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final JdbcTemplate jdbc;

  private FuzzedApplication(ConfigurableApplicationContext context) {
    this.context = context;
    this.base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    this.jdbc = context.getBean(JdbcTemplate.class);
  }

  static synchronized FuzzedApplication get() {
    if (running == null) {
      ConfigurableApplicationContext context = new SpringApplicationBuilder(ServiceFlowApplication.class)
          .profiles("test")
          .initializers(new PostgresContextInitializer())
          // as arguments, not default properties: application.yaml's server.port (8080) would win over those
          .run("--server.port=0", "--server.address=127.0.0.1");
      running = new FuzzedApplication(context);
    }
    // the REST API's authentication finds the engine in the JVM-wide registry, where another test class's
    // context may have registered (or a closed one unregistered) "default": make it this application's
    ProcessEngines.registerProcessEngine(running.context.getBean(ProcessEngine.class));
    return running;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  /** Rows in service_case and process instances ever started (history keeps ended ones). */
  Counts counts() {
    return new Counts(jdbc.queryForObject("select count(*) from service_case", Long.class),
        jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class));
  }

  record Counts(long cases, long processInstances) {
    Counts plus(long moreCases, long moreInstances) {
      return new Counts(cases + moreCases, processInstances + moreInstances);
    }
  }

  HttpResponse<String> post(String user, String path, String contentType, byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", basic(user))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> postJson(String user, String path, String json) {
    return post(user, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String user, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", basic(user))
        .GET()
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user) {
    String password = "admin".equals(user) ? "admin" : "demo";
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
