package org.accord.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 300,000-component SBOM, generated into a temporary file (never committed), reads in a separate
 * JVM limited to {@code -Xmx1g}: the proof that the readers stream. Prints the read throughput.
 */
class LargeBomIT {
  private static final int COMPONENTS = 300_000;

  @ParameterizedTest
  @ValueSource(strings = {"cyclonedx-json", "cyclonedx-xml", "spdx-json"})
  void threeHundredThousandComponentsReadWithinOneGibibyteOfHeap(String format, @TempDir Path dir)
      throws IOException, InterruptedException {
    Path file = dir.resolve("large." + (format.endsWith("xml") ? "xml" : "json"));
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      switch (format) {
        case "cyclonedx-json" -> SyntheticBoms.cycloneDxJson(COMPONENTS, out);
        case "cyclonedx-xml" -> SyntheticBoms.cycloneDxXml(COMPONENTS, out);
        default -> SyntheticBoms.spdxJson(COMPONENTS, out);
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), LargeBomProbe.class.getName(), file.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    System.out.printf("%s, %d MiB on disk: %s", format, Files.size(file) >> 20, output);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("components=" + COMPONENTS + " ").contains("maxHeapMiB=1024");
  }
}
