package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.advisory.CsafFinding;
import org.accord.advisory.CsafValidation;
import org.accord.advisory.CsafValidator;
import org.accord.advisory.UrlResolver;
import org.accord.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network side of CSAF 2.0 §6.3.6 and §6.3.7, against a real HTTP server on the loopback
 * interface. The OASIS suite's URL documents need the internet; they run only when {@code
 * ACCORD_TEST_NETWORK=1}.
 */
class HttpUrlResolverTest {
  private HttpServer server;
  private String base;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    Map<String, Integer> statuses = Map.of("/ok", 200, "/moved", 301, "/missing", 404, "/broken", 500);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(exchange.getRequestMethod() + " " + path);
          if (path.equals("/slow")) {
            sleep(1500);
          }
          int status;
          if (path.equals("/no-head")) {
            status = exchange.getRequestMethod().equals("HEAD") ? 405 : 200;
          } else {
            status = statuses.getOrDefault(path, 200);
          }
          if (status == 301) {
            exchange.getResponseHeaders().add("Location", "/missing");
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpUrlResolver resolver() {
    return new HttpUrlResolver(Duration.ofSeconds(5), "accord-test");
  }

  @Test
  void answersWithTheStatusWithoutFollowingRedirects() {
    HttpUrlResolver resolver = resolver();
    assertThat(resolver.resolve(base + "/ok")).isEqualTo(new UrlResolver.Status(200));
    assertThat(resolver.resolve(base + "/moved")).isEqualTo(new UrlResolver.Status(301));
    assertThat(resolver.resolve(base + "/missing")).isEqualTo(new UrlResolver.Status(404));
    assertThat(resolver.resolve(base + "/broken")).isEqualTo(new UrlResolver.Status(500));
    assertThat(requests).containsExactly("HEAD /ok", "HEAD /moved", "HEAD /missing", "HEAD /broken");
  }

  @Test
  void fallsBackToGetWhenHeadIsRefusedAndAsksOncePerUrl() {
    HttpUrlResolver resolver = resolver();
    assertThat(resolver.resolve(base + "/no-head")).isEqualTo(new UrlResolver.Status(200));
    assertThat(resolver.resolve(base + "/no-head ")).isEqualTo(new UrlResolver.Status(200));
    assertThat(requests).containsExactly("HEAD /no-head", "GET /no-head");
  }

  @Test
  void failuresWithoutAStatusAreFailedNotThrown() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpUrlResolver resolver = resolver();
    assertThat(resolver.resolve("http://127.0.0.1:" + closedPort + "/")).isInstanceOf(UrlResolver.Failed.class);
    assertThat(resolver.resolve("https://example.invalid/")).isInstanceOf(UrlResolver.Failed.class);
    assertThat(resolver.resolve("urn:example:1")).isInstanceOf(UrlResolver.Failed.class);
    assertThat(resolver.resolve("http://127.0.0.1:" + server.getAddress().getPort() + "/a|b"))
        .isInstanceOf(UrlResolver.Failed.class);
    assertThat(requests).isEmpty();

    HttpUrlResolver impatient = new HttpUrlResolver(Duration.ofMillis(300), "accord-test");
    assertThat(impatient.resolve(base + "/slow")).isEqualTo(new UrlResolver.Failed("no answer within 300 ms"));
  }

  @Test
  void isSafeToShareBetweenThreads() throws InterruptedException {
    HttpUrlResolver resolver = resolver();
    Map<String, UrlResolver.Resolution> answers = new ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger();
    List<Thread> threads = new CopyOnWriteArrayList<>();
    for (int index = 0; index < 8; index++) {
      String url = base + (index % 2 == 0 ? "/ok" : "/missing") + "?n=" + index % 4;
      Thread thread =
          new Thread(
              () -> {
                UrlResolver.Resolution answer = resolver.resolve(url);
                UrlResolver.Resolution earlier = answers.putIfAbsent(url, answer);
                if (earlier != null && !earlier.equals(answer)) {
                  failures.incrementAndGet();
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failures).hasValue(0);
    assertThat(answers).hasSize(4);
  }

  /** The OASIS suite's documents for §6.3.6 and §6.3.7, resolved over the internet. */
  @Test
  void oasisUrlDocumentsOverTheInternet() throws IOException {
    Assumptions.assumeTrue(
        "1".equals(System.getenv("ACCORD_TEST_NETWORK")),
        "skipped: needs the internet (github.com, example.net); set ACCORD_TEST_NETWORK=1 to run");
    String folder = "csaf/csaf_2.0/test/validator/data/informative/";
    Map<String, Boolean> mustFail =
        Map.of(
            "oasis_csaf_tc-csaf_2_0-2021-6-3-06-01.json", true,
            "oasis_csaf_tc-csaf_2_0-2021-6-3-06-02.json", true,
            "oasis_csaf_tc-csaf_2_0-2021-6-3-06-11.json", false,
            "oasis_csaf_tc-csaf_2_0-2021-6-3-07-01.json", true,
            "oasis_csaf_tc-csaf_2_0-2021-6-3-07-11.json", false);
    CsafValidator.Options options =
        CsafValidator.Options.of(CsafValidator.Extent.FULL).withUrlResolver(new HttpUrlResolver(Duration.ofSeconds(10), "accord-test"));
    for (Map.Entry<String, Boolean> entry : mustFail.entrySet()) {
      String testId = entry.getKey().contains("6-3-06") ? "6.3.6" : "6.3.7";
      CsafValidation validation;
      try (InputStream in = Files.newInputStream(TestData.resolve(folder + entry.getKey()))) {
        validation = CsafValidator.validate(in, options);
      }
      assertThat(validation.findings().stream().map(CsafFinding::testId).anyMatch(testId::equals))
          .as("%s flagged by %s", entry.getKey(), testId)
          .isEqualTo(entry.getValue());
    }
  }
}
