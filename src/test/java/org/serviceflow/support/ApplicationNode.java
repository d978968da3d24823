package org.serviceflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * The built application (the Spring Boot jar of the package phase) as a separate OS process, as in
 * production: profiles {@code postgres,demo}, the database and SMTP server given through the
 * environment variables that {@code application-postgres.yaml} and {@code application.yaml} read, on a
 * free loopback HTTP port. {@link #kill()} ends it with SIGKILL (as {@code kill -9}: no shutdown hook,
 * no commit of anything in flight), {@link #stop()} with SIGTERM; {@link #start()} brings it up again on
 * the same port and database.
 *
 * <p>The jar is {@code -Dserviceflow.jar} (failsafe sets it), else {@code target/serviceflow-*.jar}.
 * Each node writes its console output to {@code target/nodes/<name>.log}.
 */
public final class ApplicationNode implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final String database;
  private final int smtpPort;
  private final int httpPort;
  private final List<String> arguments;
  private final Path log;
  private final Thread reaper = new Thread(this::destroyNow);
  private Process process;
  private int starts;

  private ApplicationNode(String name, String database, int smtpPort, List<String> arguments) {
    this.name = name;
    this.database = database;
    this.smtpPort = smtpPort;
    this.httpPort = Mails.freePort();
    this.arguments = List.copyOf(arguments);
    this.log = Path.of("target", "nodes", name + ".log").toAbsolutePath();
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts a node on the given database of {@link EmbeddedPostgres} and a loopback SMTP server, and
   * waits until it is healthy. Extra arguments are Spring Boot command-line properties
   * ({@code --serviceflow.notification.dispatcher.interval=1s}).
   */
  public static ApplicationNode start(String name, String database, int smtpPort, String... arguments) {
    ApplicationNode node = new ApplicationNode(name, database, smtpPort, List.of(arguments));
    node.start();
    return node;
  }

  /** Starts the process (again, after {@link #kill()} or {@link #stop()}) and waits for /actuator/health UP. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    List<String> command = new ArrayList<>(List.of(javaExecutable(),
        "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
        "-jar", jar().toString(),
        "--spring.profiles.active=postgres,demo"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.put("PORT", Integer.toString(httpPort));
    environment.put("SERVICEFLOW_DB_URL", EmbeddedPostgres.jdbcUrl(database));
    environment.put("SERVICEFLOW_DB_USER", "postgres");
    environment.put("SERVICEFLOW_DB_PASSWORD", "postgres");
    environment.put("SMTP_HOST", "127.0.0.1");
    environment.put("SMTP_PORT", Integer.toString(smtpPort));
    try {
      Path directory = Files.createDirectories(log.getParent().resolve(name));
      builder.directory(directory.toFile());
      Files.writeString(log, (starts++ == 0 ? "" : "\n") + "==== start " + starts + " at " + Instant.now() + ": "
              + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    awaitHealthy();
  }

  /** SIGKILL, as kill -9: the JVM ends at once, without shutdown hooks. Returns when the process is gone. */
  public synchronized void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(30));
  }

  /** SIGTERM: Spring's graceful shutdown. Returns when the process is gone. */
  public synchronized void stop() {
    process.destroy();
    if (!awaitExit(Duration.ofSeconds(60))) {
      kill();
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** A client for this node; relative paths go to it. */
  public TestRestTemplate rest() {
    return new TestRestTemplate(new RestTemplateBuilder().rootUri(baseUrl())
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(60)));
  }

  /** This node's REST API as the demo users use it. */
  public EngineRest engine() {
    return new EngineRest(rest());
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    destroyNow();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already
    }
  }

  private synchronized void destroyNow() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(30));
    }
  }

  private boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitHealthy() {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up:\n" + tail());
      }
      try {
        HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(500));
    }
    destroyNow();
    throw new IllegalStateException(name + " not healthy after " + STARTUP_TIMEOUT + ":\n" + tail());
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path jar() {
    String configured = System.getProperty("serviceflow.jar");
    if (configured != null && !configured.isBlank()) {
      Path jar = Path.of(configured);
      if (Files.isRegularFile(jar)) {
        return jar.toAbsolutePath();
      }
      throw new IllegalStateException("serviceflow.jar " + jar + " does not exist: run the package phase first");
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "serviceflow-*.jar")) {
      for (Path jar : jars) {
        return jar.toAbsolutePath();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no target/serviceflow-*.jar: run ./mvnw package (failsafe runs after it)");
  }
}
