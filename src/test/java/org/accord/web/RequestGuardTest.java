package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.accord.app.Accord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection bounds with real sockets: slow headers and slow bodies are cut off within the
 * configured time, oversized headers get 431, and small routes refuse large chunked bodies. On
 * 4c05838 none of these bounds existed: a client dripping a byte every 200 ms was kept forever.
 */
class RequestGuardTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration HEADER = Duration.ofSeconds(1);
  static final Duration READ = Duration.ofSeconds(2);
  @TempDir Path dir;
  Accord accord;
  WebServer server;
  HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  String coordinator;

  @BeforeEach
  void start() {
    accord = Accord.open(new Accord.Config(dir, null));
    server = WebServer.start(accord, "127.0.0.1", 0, WebOptions.DEFAULTS.withTimeouts(Duration.ofSeconds(5), HEADER, READ));
    coordinator = org.accord.TestPrincipals.token(accord, "CERT", "cert", true, "test");
  }

  @AfterEach
  void stop() {
    server.close();
    accord.close();
  }

  /**
   * Sends {@code head} at once, then one byte of {@code drip} every 200 ms; returns the milliseconds
   * from the end of {@code head} until the server closed the connection, or -1 if it had not after
   * {@code patience}.
   */
  long dripUntilClosed(String head, Duration patience) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(200);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long started = System.nanoTime();
      while (System.nanoTime() - started < patience.toNanos()) {
        try {
          out.write('a');
          out.flush();
        } catch (IOException e) {
          return (System.nanoTime() - started) / 1_000_000;
        }
        try {
          while (in.read() != -1) {
            // a response before the close is fine; keep reading until the server closes
          }
          return (System.nanoTime() - started) / 1_000_000;
        } catch (SocketTimeoutException e) {
          // still open
        } catch (IOException e) {
          return (System.nanoTime() - started) / 1_000_000;
        }
      }
      return -1;
    }
  }

  @Test
  void aClientDrippingHeadersIsCutOffAfterTheHeaderTimeout() throws Exception {
    long closedAfter = dripUntilClosed("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", Duration.ofSeconds(6));
    assertThat(closedAfter).as("closed, ms after the first bytes").isBetween(HEADER.toMillis() - 300, HEADER.toMillis() + 1500);
  }

  @Test
  void aClientDrippingABodyIsCutOffAfterTheReadTimeout() throws Exception {
    String origin = "http://127.0.0.1:" + server.port();
    String head = "POST /session HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nOrigin: " + origin
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n";
    long closedAfter = dripUntilClosed(head, Duration.ofSeconds(8));
    assertThat(closedAfter).as("closed, ms after the headers").isBetween(READ.toMillis() - 300, READ.toMillis() + 1500);
  }

  @Test
  void aKeptAliveConnectionMustSendItsNextRequestWithinTheHeaderTimeout() throws Exception {
    String first = "GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    long closedAfter = dripUntilClosed(first + "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", Duration.ofSeconds(6));
    assertThat(closedAfter).isBetween(HEADER.toMillis() - 300, HEADER.toMillis() + 1500);
  }

  @Test
  void oversizedHeadersGet431() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/session")).header("X-Big", "x".repeat(20_000)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(431);
  }

  /** A chunked body (no Content-Length) on a small route is counted as it arrives: 413 past the limit. */
  @Test
  void aChunkedBodyPastTheLimitOfASmallRouteIs413() throws Exception {
    byte[] events = ("{\"type\":\"test.event\",\"subject\":\"s\",\"data\":{\"pad\":\"" + "x".repeat(100_000) + "\"}}\n").getBytes(StandardCharsets.UTF_8);
    for (String path : new String[] {"/api/v1/log/entries"}) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                  .header("Authorization", "Bearer " + coordinator)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(events)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(413);
      assertThat(JSON.readTree(response.body()).path("error").asText()).contains("larger than 65536 bytes");
    }
    assertThat(accord.ledger().size()).isZero();
  }

  /** Document uploads keep the document limit: a 100 KB body reaches the reader (here: not an SBOM, 400). */
  @Test
  void documentUploadsAreNotHeldToTheSmallLimit() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/sboms"))
                .header("Authorization", "Bearer " + coordinator)
                .POST(HttpRequest.BodyPublishers.ofString("{\"pad\":\"" + "x".repeat(100_000) + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
  }
}
