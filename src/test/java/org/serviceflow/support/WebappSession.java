package org.serviceflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's login to the Camunda webapps over plain HTTP, as Tasklist does it: a GET of the Tasklist page hands
 * out the session and the XSRF token (cookie and header), then the login form POSTs username/password to
 * /camunda/api/admin/auth/user/default/login/tasklist with both. Afterwards {@link #cookies()} is what the browser
 * would send: the session cookie (renewed at login) and XSRF-TOKEN. No redirects are followed.
 */
public final class WebappSession {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private WebappSession(String base) {
    this.base = base;
  }

  /** Signs in to Tasklist on the application at {@code base} (e.g. http://localhost:8080); fails unless 200. */
  public static WebappSession signIn(String base, String user, String password) {
    WebappSession session = new WebappSession(base);
    HttpResponse<String> page = session.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElse(session.cookies.get("XSRF-TOKEN"));
    assertThat(token).as("XSRF token handed out with the Tasklist page").isNotBlank();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = session.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(login.statusCode()).as("Tasklist login of %s: %s", user, login.body()).isEqualTo(200);
    return session;
  }

  /** A browser that has signed in nowhere (no cookies yet). */
  public static WebappSession signInNowhere(String base) {
    return new WebappSession(base);
  }

  /** The Cookie header the signed-in browser sends. */
  public String cookies() {
    return cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
  }

  /** Sends a request with this browser's cookies (nothing else added) and keeps the cookies it sets. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies());
    }
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      response.headers().allValues("Set-Cookie").forEach(this::keep);
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET of a path of the application with this browser's cookies. */
  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private void keep(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    int equals = pair.indexOf('=');
    if (equals > 0) {
      cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
    }
  }
}
