package org.serviceflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Login protection (issue 14 item 5): the engine's login throttling as application.yaml sets it
 * (loginDelayBase 3 s, factor 2, max 60 s, loginMaxAttempts 10), over HTTP, for REST Basic and the webapps' login
 * alike. The lock's expiry is read against the engine clock, which the test moves instead of sleeping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginProtectionTest {

  static final String RIGHT = "richtig-Passwort-1";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  private final HttpClient http = HttpClient.newHttpClient();
  private String userId;
  private Date now;

  @BeforeEach
  void newUserAndClock() {
    userId = "lock" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    User user = identityService.newUser(userId);
    user.setPassword(RIGHT);
    identityService.saveUser(user);
    identityService.createMembership(userId, "customer-service"); // may open Tasklist
    now = new Date();
    ClockUtil.setCurrentTime(now);
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.deleteUser(userId);
  }

  @Test
  void shouldLockAUserForLongerAfterEachWrongPasswordEvenAgainstTheRightOne() throws Exception {
    // when: one wrong password
    assertThat(basic("falsch")).isEqualTo(401);

    // then: the right one is refused for 3 s, and accepted after them
    assertThat(basic(RIGHT)).as("locked right after a wrong password").isEqualTo(401);
    later(2);
    assertThat(basic(RIGHT)).as("still locked after 2 s").isEqualTo(401);
    later(2);
    assertThat(basic(RIGHT)).as("free after 4 s").isEqualTo(200);

    // when: two wrong passwords in a row (the count starts again after a good login)
    assertThat(basic("falsch")).isEqualTo(401);
    later(4);
    assertThat(basic("falsch")).isEqualTo(401);

    // then: the second locks for 3 * 2 = 6 s
    later(5);
    assertThat(basic(RIGHT)).as("locked 5 s after the second wrong password").isEqualTo(401);
    later(2);
    assertThat(basic(RIGHT)).as("free 7 s after it").isEqualTo(200);
  }

  @Test
  void shouldKeepAUserLockedAfterTenWrongPasswordsUntilAnAdministratorUnlocksIt() throws Exception {
    // given: ten wrong passwords in a row, each after the previous lock ran out (at most 60 s)
    for (int attempt = 1; attempt <= 10; attempt++) {
      assertThat(basic("falsch-" + attempt)).isEqualTo(401);
      later(61);
    }

    // then: a day later the right password is still refused
    later(24 * 3600);
    assertThat(basic(RIGHT)).as("locked for good").isEqualTo(401);
    assertThat(webappLogin(RIGHT)).as("the webapps' login refuses it too").isEqualTo(401);

    // when: an administrator unlocks the user (Admin → user → 解锁, or the identity service)
    identityService.unlockUser(userId);

    // then
    assertThat(basic(RIGHT)).isEqualTo(200);
  }

  @Test
  void shouldCountWrongPasswordsInTheWebappsLoginTowardsTheSameLock() throws Exception {
    // when: a wrong password in the Tasklist login form
    assertThat(webappLogin("falsch")).isEqualTo(401);

    // then: REST Basic with the right password is refused while the lock runs, and the form too
    assertThat(basic(RIGHT)).isEqualTo(401);
    assertThat(webappLogin(RIGHT)).isEqualTo(401);
    later(4);
    assertThat(webappLogin(RIGHT)).isEqualTo(200);
    assertThat(basic(RIGHT)).isEqualTo(200);
  }

  @Test
  void shouldSendSecurityHeadersAndHttpOnlyCookiesSecureBehindATlsProxy() throws Exception {
    // when: the Tasklist page, once directly and once as forwarded by a TLS proxy on this host
    HttpResponse<Void> plain = http.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<Void> forwarded = http.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
        .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.discarding());

    // then: no framing, no sniffing, a policy for scripts; the cookies are HttpOnly (not XSRF-TOKEN, which the page
    // must read) and Secure once the request came over TLS
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Security-Policy")).get().asString()
        .contains("frame-ancestors 'none'").contains("script-src");
    assertThat(plain.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(plain.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
        .singleElement().asString().contains("HttpOnly").doesNotContain("Secure");
    assertThat(forwarded.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
        .singleElement().asString().contains("HttpOnly").contains("Secure");
  }

  private void later(int seconds) {
    now = new Date(now.getTime() + seconds * 1000L);
    ClockUtil.setCurrentTime(now);
  }

  private int basic(String password) throws Exception {
    String credentials = java.util.Base64.getEncoder()
        .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task?maxResults=1")).header("Authorization", "Basic " + credentials).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The Tasklist login form's POST, with the session and XSRF token that the Tasklist page hands out first. */
  private int webappLogin(String password) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    HttpResponse<Void> page = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
