package org.serviceflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * Which requests the webapps' session authenticates on /api (the filter's two calls, as it makes them): safe
 * methods only, and only with a login for this engine; every refusal's status, challenge and problem details.
 */
class SessionOrBasicAuthenticationProviderTest {

  private final SessionOrBasicAuthenticationProvider provider = new SessionOrBasicAuthenticationProvider();
  private final ProcessEngine engine = mock(ProcessEngine.class);

  SessionOrBasicAuthenticationProviderTest() {
    when(engine.getName()).thenReturn("default");
  }

  private static MockHttpServletRequest signedIn(String method, String engineName) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/cases/TS26120001");
    MockHttpSession session = new MockHttpSession();
    Authentications authentications = new Authentications();
    UserAuthentication user = new UserAuthentication("kefu1", engineName);
    user.setGroupIds(List.of("customer-service"));
    user.setTenantIds(List.of());
    user.setAuthorizedApps(Set.of("tasklist"));
    authentications.addOrReplace(user);
    AuthenticationUtil.updateSession(session, authentications);
    request.setSession(session);
    return request;
  }

  /** The filter's refusal: it sets 401, then asks the provider for its challenge. */
  private MockHttpServletResponse refused() {
    MockHttpServletResponse response = new MockHttpServletResponse();
    response.setStatus(401);
    provider.augmentResponseByAuthenticationChallenge(response, engine);
    return response;
  }

  @Test
  void shouldTakeTheSessionForGetAndHeadWithItsUserAndGroups() {
    for (String method : List.of("GET", "HEAD")) {
      AuthenticationResult result = provider.extractAuthenticatedUser(signedIn(method, "default"), engine);
      assertThat(result.isAuthenticated()).as(method).isTrue();
      assertThat(result.getAuthenticatedUser()).isEqualTo("kefu1");
      assertThat(result.getGroups()).containsExactly("customer-service");
    }
  }

  @Test
  void shouldRefuseEveryWriteThatCarriesOnlyTheSessionWith403ProblemDetails() throws Exception {
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
      assertThat(provider.extractAuthenticatedUser(signedIn(method, "default"), engine).isAuthenticated())
          .as(method).isFalse();
      MockHttpServletResponse response = refused();
      assertThat(response.getStatus()).as(method).isEqualTo(403);
      assertThat(response.getHeader("WWW-Authenticate")).isNull();
      assertThat(response.getContentType()).startsWith("application/problem+json");
      assertThat(response.getContentAsString()).contains("\"status\":403", "HTTP Basic", "/api/cases/TS26120001");
    }
  }

  /** Tasklist's own scripts (转办 / 委派 / 抄送) send the webapps' XSRF token: a write with it is the session's user. */
  @Test
  void shouldTakeTheSessionForAWriteThatCarriesTheWebappsXsrfTokenOnly() {
    MockHttpServletRequest withToken = signedIn("POST", "default");
    withToken.getSession().setAttribute("CAMUNDA_CSRF_TOKEN", "A1B2C3D4E5F6");
    withToken.addHeader("X-XSRF-TOKEN", "A1B2C3D4E5F6");
    AuthenticationResult result = provider.extractAuthenticatedUser(withToken, engine);
    assertThat(result.isAuthenticated()).isTrue();
    assertThat(result.getAuthenticatedUser()).isEqualTo("kefu1");
    assertThat(result.getGroups()).containsExactly("customer-service");

    MockHttpServletRequest wrongToken = signedIn("POST", "default");
    wrongToken.getSession().setAttribute("CAMUNDA_CSRF_TOKEN", "A1B2C3D4E5F6");
    wrongToken.addHeader("X-XSRF-TOKEN", "A1B2C3D4E5F7");
    assertThat(provider.extractAuthenticatedUser(wrongToken, engine).isAuthenticated()).as("another token").isFalse();
    assertThat(refused().getStatus()).isEqualTo(403);

    MockHttpServletRequest noSessionToken = signedIn("POST", "default");
    noSessionToken.addHeader("X-XSRF-TOKEN", "A1B2C3D4E5F6");
    assertThat(provider.extractAuthenticatedUser(noSessionToken, engine).isAuthenticated())
        .as("a session without a webapp token").isFalse();
    assertThat(refused().getStatus()).isEqualTo(403);
  }

  @Test
  void shouldAnswer401WithoutALoginForThisEngine() throws Exception {
    MockHttpServletRequest otherEngine = signedIn("GET", "other");
    assertThat(provider.extractAuthenticatedUser(otherEngine, engine).isAuthenticated()).isFalse();
    MockHttpServletResponse response = refused();
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"default\"");
    assertThat(response.getContentAsString()).contains("\"status\":401", "请先登录");

    MockHttpServletRequest script = new MockHttpServletRequest("GET", "/api/me");
    script.addHeader("X-Requested-With", "XMLHttpRequest");
    assertThat(provider.extractAuthenticatedUser(script, engine).isAuthenticated()).isFalse();
    assertThat(script.getSession(false)).as("no session is created for an anonymous call").isNull();
    MockHttpServletResponse toScript = refused();
    assertThat(toScript.getStatus()).isEqualTo(401);
    assertThat(toScript.getHeader("WWW-Authenticate")).isNull();
  }

  @Test
  void shouldLeaveAWrongBasicLoginAsHttpBasicAnswersIt() {
    MockHttpServletRequest request = signedIn("GET", "default");
    request.addHeader("Authorization", "Bearer something");
    assertThat(provider.extractAuthenticatedUser(request, engine).isAuthenticated())
        .as("a header that is not Basic: the session does not stand in").isFalse();
    MockHttpServletResponse response = refused();
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"default\"");
    assertThat(response.getContentLength()).isZero();
  }
}
