package org.accord.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Logs in as a browser on the server's own page does: pre-login cookie, CSRF field, own Origin. */
final class BrowserLogin {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BrowserLogin() {}

  /** The pre-login cookie ({@code name=value}) and the login form's CSRF token the page gets. */
  record PreLogin(String cookie, String csrf) {}

  static PreLogin preLogin(HttpClient http, URI base) throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/session")).GET().build(), HttpResponse.BodyHandlers.ofString());
    String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    return new PreLogin(setCookie.substring(0, setCookie.indexOf(';')), JSON.readTree(page.body()).path("login_csrf").asText());
  }

  /** The answer to the login form posted with {@code token}. */
  static HttpResponse<String> post(HttpClient http, URI base, String token) throws Exception {
    PreLogin pre = preLogin(http, base);
    String origin = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    String form = "csrf=" + URLEncoder.encode(pre.csrf(), StandardCharsets.UTF_8) + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(base.resolve("/session"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", origin)
            .header("Cookie", pre.cookie())
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The session cookie ({@code name=value}) of a successful login with {@code token}. */
  static String session(HttpClient http, URI base, String token) throws Exception {
    for (String cookie : post(http, base, token).headers().allValues("Set-Cookie")) {
      if (cookie.startsWith(Sessions.COOKIE + "=")) {
        return cookie.substring(0, cookie.indexOf(';'));
      }
    }
    throw new AssertionError("login with the token set no session cookie");
  }
}
