package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.accord.TestPrincipals;
import org.accord.app.Accord;
import org.accord.party.MemberRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenID Connect sign-in against a real OIDC server run in the test (mock-oauth2-server: discovery,
 * authorize, token and JWKS endpoints, signed ID tokens), through the browser's redirects.
 */
class OidcRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CLIENT = "accord-test";
  @TempDir Path dir;
  MockOAuth2Server provider;
  Accord accord;
  WebServer server;
  HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() {
    provider = new MockOAuth2Server();
    provider.start();
    accord = Accord.open(new Accord.Config(dir, null));
    TestPrincipals.member(accord, "AquaNet");
    accord.parties().addMember(TestPrincipals.coordinator(accord, "CERT"), "AquaNet", "alice@aquanet.example", MemberRole.ADMIN);
    OidcSettings settings = new OidcSettings(URI.create(provider.issuerUrl("default").toString()), CLIENT, "secret");
    server = WebServer.start(accord, "127.0.0.1", 0, WebOptions.DEFAULTS.withOidc(settings));
  }

  @AfterEach
  void stop() {
    server.close();
    accord.close();
    provider.shutdown();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  HttpResponse<String> get(URI uri, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;"))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElse(null);
  }

  /** What the provider will say about the next person who signs in. */
  void nextPerson(String email, boolean verified) {
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback("default", "subject-" + email, "JWT", List.of(CLIENT), Map.of("email", email, "email_verified", verified), 3600));
  }

  /** Start → provider's authorize → callback; returns the callback's answer and the state cookie used. */
  record Flow(HttpResponse<String> callback, URI callbackUri, String browserCookie) {}

  Flow signIn() throws Exception {
    HttpResponse<String> start = get(base().resolve(OidcRoutes.START), null);
    assertThat(start.statusCode()).isEqualTo(303);
    String browser = cookie(start, OidcRoutes.COOKIE);
    assertThat(start.headers().allValues("Set-Cookie").toString()).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.getQuery()).contains("code_challenge_method=S256").contains("nonce=").contains("state=").contains("scope=openid");
    HttpResponse<String> redirected = get(authorize, null);
    assertThat(redirected.statusCode()).as(redirected.body()).isBetween(300, 399);
    URI callback = URI.create(redirected.headers().firstValue("Location").orElseThrow());
    assertThat(callback.getPath()).isEqualTo(OidcRoutes.CALLBACK);
    return new Flow(get(callback, browser), callback, browser);
  }

  @Test
  void aMemberWithAVerifiedEmailSignsIn() throws Exception {
    nextPerson("Alice@AquaNet.example", true);
    Flow flow = signIn();
    assertThat(flow.callback().statusCode()).as(flow.callback().body()).isEqualTo(303);
    String session = cookie(flow.callback(), Sessions.COOKIE);
    assertThat(session).isNotNull();
    JsonNode me = JSON.readTree(get(base().resolve("/session"), session).body());
    assertThat(me.path("authenticated").asBoolean()).isTrue();
    assertThat(me.path("organization").asText()).isEqualTo("AquaNet");

    HttpResponse<String> replay = get(flow.callbackUri(), flow.browserCookie());
    assertThat(replay.statusCode()).as("a callback is used once").isEqualTo(403);
    assertThat(cookie(replay, Sessions.COOKIE)).isNull();
  }

  @Test
  void anUnverifiedEmailIsRefused() throws Exception {
    nextPerson("alice@aquanet.example", false);
    HttpResponse<String> callback = signIn().callback();
    assertThat(callback.statusCode()).isEqualTo(403);
    assertThat(callback.body()).contains("has not verified the e-mail address alice@aquanet.example");
    assertThat(cookie(callback, Sessions.COOKIE)).isNull();
  }

  @Test
  void anUnknownEmailIsRefused() throws Exception {
    nextPerson("mallory@evil.example", true);
    HttpResponse<String> callback = signIn().callback();
    assertThat(callback.statusCode()).isEqualTo(403);
    assertThat(callback.body()).contains("No member of this Accord instance has the e-mail address mallory@evil.example");
    assertThat(cookie(callback, Sessions.COOKIE)).isNull();
  }

  /** Login CSRF through OIDC: the attacker's callback URL, opened in the victim's browser, is refused. */
  @Test
  void aCallbackStartedInAnotherBrowserIsRefused() throws Exception {
    nextPerson("alice@aquanet.example", true);
    HttpResponse<String> start = get(base().resolve(OidcRoutes.START), null);
    HttpResponse<String> redirected = get(URI.create(start.headers().firstValue("Location").orElseThrow()), null);
    URI callback = URI.create(redirected.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> victim = get(callback, OidcRoutes.COOKIE + "=someone-else");
    assertThat(victim.statusCode()).isEqualTo(403);
    assertThat(victim.body()).contains("not started in this browser");
    assertThat(cookie(victim, Sessions.COOKIE)).isNull();
    assertThat(get(callback, null).statusCode()).as("and the state is spent").isEqualTo(403);
  }

  @Test
  void withoutAProviderThereAreNoOidcRoutes() throws Exception {
    server.close();
    server = WebServer.start(accord, "127.0.0.1", 0, WebOptions.DEFAULTS);
    assertThat(get(base().resolve(OidcRoutes.START), null).statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(get(base().resolve("/session"), null).body()).path("oidc").asBoolean()).isFalse();
  }
}
