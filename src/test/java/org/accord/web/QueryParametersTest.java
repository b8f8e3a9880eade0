package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accord.TestPrincipals;
import org.accord.app.Accord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: an unknown query parameter is a 400 naming it on every served route, never silently
 * ignored. The test walks {@link WebServer#routes()} (with the OpenID routes switched on), so a route
 * added later is covered without a line here; each route declares its parameters where it is
 * registered ({@link WebServer#routeParameters()}).
 */
class QueryParametersTest {
  @TempDir Path dir;
  Accord accord;
  WebServer server;
  String coordinator;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() {
    accord = Accord.open(new Accord.Config(dir, null));
    coordinator = TestPrincipals.token(accord, "CERT", "cert", true, "test");
    // an issuer nobody answers at: the parameter check comes before any talk with the provider
    OidcSettings oidc = new OidcSettings(URI.create("http://127.0.0.1:9/issuer"), "client", "secret");
    server = WebServer.start(accord, "127.0.0.1", 0, WebOptions.DEFAULTS.withOidc(oidc));
  }

  @AfterEach
  void stop() {
    server.close();
    accord.close();
  }

  @Test
  void everyServedRouteDeclaresItsParameters() {
    assertThat(server.routes()).hasSizeGreaterThan(20).anyMatch(route -> route.startsWith("GET ") && route.contains("callback"));
    assertThat(server.routeParameters().keySet()).isEqualTo(server.routes());
  }

  @Test
  void everyServedRouteRefusesAnUnknownParameterNamingIt() throws Exception {
    for (String route : server.routes()) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1)
          .replace("<path>", "entries/000").replaceAll("\\{[a-z]+}", "1");
      List<String> accepted = server.routeParameters().get(route);
      HttpResponse<String> response = send(method, path + "?accord_sneaky=1" + (accepted.isEmpty() ? "" : "&" + accepted.get(0) + "=x"));
      assertThat(response.statusCode()).as(route + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).as(route).contains("accord_sneaky").doesNotContain("'" + (accepted.isEmpty() ? "-" : accepted.get(0)) + "'");
    }
  }

  @Test
  void aParameterGivenTwiceIsRefusedUnlessRepeatable() throws Exception {
    HttpResponse<String> twice = send("GET", "/api/v1/findings?advisory=A&advisory=B");
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("'advisory' is given more than once");
    // assume is repeatable on triage: not refused for being repeated (but for the missing advisory)
    HttpResponse<String> assumes = send("GET", "/api/v1/triage?as=deployer&advisory=OSV-NONE&assume=a:b&assume=c:d");
    assertThat(assumes.body()).doesNotContain("more than once");
  }

  @Test
  void theUnknownParameterIsNamedWithWhatTheRouteAccepts() throws Exception {
    HttpResponse<String> response = send("GET", "/api/v1/where-used?purl=pkg:maven/a/b&colour=red");
    assertThat(response.statusCode()).isEqualTo(400);
    Map<?, ?> body = WebServerTest.JSON.readValue(response.body(), Map.class);
    assertThat(body.get("error")).asString().contains("'colour'").contains("accepted: purl, range");
    assertThat(body.get("location")).isEqualTo("colour");
    HttpResponse<String> none = send("GET", "/api/v1/log/key?x=1");
    assertThat(none.body()).contains("this route takes none");
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + coordinator)
        .header("Origin", "http://127.0.0.1:" + server.port())
        .header("Content-Type", "application/json")
        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
