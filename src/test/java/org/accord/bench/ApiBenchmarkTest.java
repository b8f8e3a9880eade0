package org.accord.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.app.Accord;
import org.accord.testing.Documents;
import org.accord.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord bench api} on a tiny store for a fraction of a second: it runs end to end. Not a timing test. */
class ApiBenchmarkTest {
  @TempDir Path dir;

  static ApiBenchmark.Server serve(Accord accord) {
    WebServer server = WebServer.start(accord, "127.0.0.1", 0);
    return new ApiBenchmark.Server(server.port(), server::close);
  }

  @Test
  void loadsThePageAndTheWholeAnswerOverKeepAliveConnections() throws Exception {
    try (Accord accord = Accord.open(new Accord.Config(dir, null))) {
      for (int p = 0; p < 3; p++) {
        accord.ingestSbom(new ByteArrayInputStream(Documents.cycloneDx("p" + p, "2.1.0").getBytes(StandardCharsets.UTF_8)), org.accord.TestPrincipals.member(accord, "Acme"));
      }
      org.accord.TestPrincipals.ingestInventory(accord, Documents.inventory("p0"));
    }
    List<String> log = new ArrayList<>();
    ApiBenchmark.Result result = ApiBenchmark.run(
        new ApiBenchmark.Options(dir, "pkg:maven/org.libra/libracore", "[2.0,2.3.4)", 1, 3, 0.4, 0.1, 2), ApiBenchmarkTest::serve, log::add);
    assertThat(result.products()).isEqualTo(3);
    assertThat(result.deployments()).isEqualTo(3);
    for (ApiBenchmark.Figures figures : List.of(result.firstPage(), result.baseline())) {
      assertThat(figures.errors()).as(String.join("\n", log)).isZero();
      assertThat(figures.requests()).isPositive();
      assertThat(figures.requestsPerS()).isPositive();
      assertThat(figures.p99Ms()).isGreaterThanOrEqualTo(figures.p50Ms());
    }
    assertThat(result.firstPage().bytes()).as("one row per list is less than three").isLessThan(result.baseline().bytes());
    assertThat(result.ratio()).isPositive();
    assertThat(log).anyMatch(line -> line.startsWith("first page (limit=1):")).anyMatch(line -> line.startsWith("whole answer (baseline):"));
    // Two whole command-line runs through the server: each exited 0 (CliTiming throws otherwise).
    assertThat(result.cli().runsMs()).hasSize(2).allMatch(ms -> ms > 0);
    assertThat(result.cli().medianMs()).isPositive();
    assertThat(result.cli().versionMedianMs()).isPositive();
    assertThat(log).anyMatch(line -> line.startsWith("accord where-used (CLI):"));
  }

  @Test
  void anUnknownPackageOrAMissingStoreIsRefused() throws Exception {
    assertThatThrownBy(() -> ApiBenchmark.run(
        new ApiBenchmark.Options(dir, "pkg:maven/org.libra/libracore", null, 1, 1, 0.1, 0, 0), ApiBenchmarkTest::serve, line -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Accord store");
    try (Accord accord = Accord.open(new Accord.Config(dir, null))) {
      accord.ingestSbom(new ByteArrayInputStream(Documents.cycloneDx("p", "2.1.0").getBytes(StandardCharsets.UTF_8)), org.accord.TestPrincipals.member(accord, "Acme"));
    }
    assertThatThrownBy(() -> ApiBenchmark.run(
        new ApiBenchmark.Options(dir, "pkg:maven/org.libra/libracor", null, 1, 1, 0.1, 0, 0), ApiBenchmarkTest::serve, line -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did you mean pkg:maven/org.libra/libracore");
  }
}
