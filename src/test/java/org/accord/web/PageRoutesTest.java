package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.accord.app.Accord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login and logout under attack: login CSRF from a foreign page, forged or missing tokens, logout CSRF. */
class PageRoutesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  Accord accord;
  WebServer server;
  HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  String attacker;

  @BeforeEach
  void start() {
    accord = Accord.open(new Accord.Config(dir, null));
    server = WebServer.start(accord, "127.0.0.1", 0, WebOptions.DEFAULTS);
    attacker = org.accord.TestPrincipals.token(accord, "Mallory", "researcher", false, "attacker");
  }

  @AfterEach
  void stop() {
    server.close();
    accord.close();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  String ownOrigin() {
    return "http://127.0.0.1:" + server.port();
  }

  HttpResponse<String> postLogin(String origin, String referer, String cookie, String form) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base().resolve("/session"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (origin != null) {
      request.header("Origin", origin);
    }
    if (referer != null) {
      request.header("Referer", referer);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static boolean setsSession(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(Sessions.COOKIE + "="));
  }

  static String form(String csrf, String token) {
    return (csrf == null ? "" : "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&") + "token="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /**
   * Login CSRF: a foreign page auto-submits a form with the attacker's token to log the victim in as
   * the attacker. It cannot read the victim's login CSRF token, and its Origin is not ours: 403, no
   * session. On 4c05838 this answered 303 with a session cookie.
   */
  @Test
  void aForeignPageCannotLogTheVictimInAsTheAttacker() throws Exception {
    HttpResponse<String> forged = postLogin("https://evil.example", null, null, "token=" + attacker);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(forged.body()).path("error").asText()).contains("login refused").contains("evil.example");
    assertThat(setsSession(forged)).isFalse();

    // even with the victim's own pre-login cookie sent along (SameSite=Lax browsers, subdomains), a
    // foreign origin is refused, and so is a token minted for another browser's cookie
    BrowserLogin.PreLogin victim = BrowserLogin.preLogin(http, base());
    BrowserLogin.PreLogin attackers = BrowserLogin.preLogin(http, base());
    assertThat(postLogin("https://evil.example", null, victim.cookie(), form(victim.csrf(), attacker)).statusCode()).isEqualTo(403);
    HttpResponse<String> swapped = postLogin(ownOrigin(), null, victim.cookie(), form(attackers.csrf(), attacker));
    assertThat(swapped.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(swapped.body()).path("error").asText()).contains("csrf");
    assertThat(setsSession(swapped)).isFalse();
  }

  @Test
  void loginNeedsTheOwnOriginAndTheCsrfTokenOfThisBrowser() throws Exception {
    BrowserLogin.PreLogin pre = BrowserLogin.preLogin(http, base());
    assertThat(postLogin(ownOrigin(), null, pre.cookie(), form(null, attacker)).statusCode()).as("no csrf field").isEqualTo(403);
    assertThat(postLogin(ownOrigin(), null, null, form(pre.csrf(), attacker)).statusCode()).as("no pre-login cookie").isEqualTo(403);
    assertThat(postLogin(null, null, pre.cookie(), form(pre.csrf(), attacker)).statusCode()).as("neither Origin nor Referer").isEqualTo(403);
    assertThat(postLogin("null", null, pre.cookie(), form(pre.csrf(), attacker)).statusCode()).as("opaque origin").isEqualTo(403);
    assertThat(postLogin(null, "https://evil.example/page", pre.cookie(), form(pre.csrf(), attacker)).statusCode())
        .as("foreign Referer").isEqualTo(403);
    assertThat(postLogin("http://127.0.0.1:1", null, pre.cookie(), form(pre.csrf(), attacker)).statusCode()).as("other port").isEqualTo(403);

    HttpResponse<String> byReferer = postLogin(null, ownOrigin() + "/?x=1", pre.cookie(), form(pre.csrf(), attacker));
    assertThat(byReferer.statusCode()).isEqualTo(303);
    assertThat(setsSession(byReferer)).isTrue();
    HttpResponse<String> byOrigin = postLogin(ownOrigin(), null, pre.cookie(), form(pre.csrf(), attacker));
    assertThat(byOrigin.statusCode()).isEqualTo(303);
    assertThat(byOrigin.headers().firstValue("Location").orElse("")).isEqualTo("/");
  }

  /** Logout needs the session's CSRF token; a foreign page cannot end the victim's session. */
  @Test
  void logoutNeedsTheSessionsCsrfToken() throws Exception {
    String session = BrowserLogin.session(http, base(), attacker);
    String csrf = JSON.readTree(get("/session", session).body()).path("csrf").asText();
    assertThat(logout(ownOrigin(), session, "").statusCode()).isEqualTo(403);
    assertThat(logout(ownOrigin(), session, "csrf=wrong").statusCode()).isEqualTo(403);
    assertThat(logout("https://evil.example", session, "csrf=" + csrf).statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(get("/session", session).body()).path("authenticated").asBoolean()).isTrue();

    assertThat(logout(ownOrigin(), session, "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)).statusCode()).isEqualTo(303);
    assertThat(JSON.readTree(get("/session", session).body()).path("authenticated").asBoolean()).isFalse();
  }

  /** Behind a TLS proxy: the public URL is the origin to match, and the cookies are Secure. */
  @Test
  void aHttpsPublicUrlIsTheOriginAndMakesCookiesSecure() throws Exception {
    server.close();
    server = WebServer.start(accord, "127.0.0.1", 0, WebOptions.DEFAULTS.withPublicUrl(URI.create("https://accord.example.org")));
    BrowserLogin.PreLogin pre = BrowserLogin.preLogin(http, base());
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(base().resolve("/session")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.headers().firstValue("Set-Cookie").orElse("")).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    assertThat(postLogin(ownOrigin(), null, pre.cookie(), form(pre.csrf(), attacker)).statusCode()).as("the Host is not the public origin").isEqualTo(403);
    HttpResponse<String> login = postLogin("https://accord.example.org", null, pre.cookie(), form(pre.csrf(), attacker));
    assertThat(login.statusCode()).isEqualTo(303);
    String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE + "=")).findFirst().orElseThrow();
    assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
  }

  /** The login form took a 200 MB body on 4c05838; now any body past the small limit is a 413 JSON error. */
  @Test
  void theLoginFormRefusesALargeBody() throws Exception {
    BrowserLogin.PreLogin pre = BrowserLogin.preLogin(http, base());
    String big = form(pre.csrf(), attacker) + "&pad=" + "x".repeat(WebOptions.DEFAULTS.formBodyLimit());
    HttpResponse<String> response = postLogin(ownOrigin(), null, pre.cookie(), big);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/json");
    assertThat(JSON.readTree(response.body()).path("error").asText()).contains("larger than 65536 bytes");
    assertThat(setsSession(response)).isFalse();
  }

  HttpResponse<String> get(String path, String cookie) throws Exception {
    return http.send(HttpRequest.newBuilder(base().resolve(path)).header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> logout(String origin, String cookie, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base().resolve("/logout"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", origin)
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
