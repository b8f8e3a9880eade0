package org.accord.sbom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Read throughput of {@link BomReader} in components per second (one operation = one component):
 * {@value #COMPONENTS} synthetic components with about three dependencies each, read from memory, so
 * the figure is the reader alone (JSON or XML parsing, PURL parsing, graph assembly), without disk.
 *
 * <p>Run: {@code mvn -q test-compile exec:exec -Pjmh -Djmh.args="BomReaderBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class BomReaderBenchmark {
  static final int COMPONENTS = 50_000;

  @Param({"cyclonedx-json", "cyclonedx-xml", "spdx-json"})
  public String format;

  private byte[] document;

  @Setup(Level.Trial)
  public void write() throws IOException {
    StringWriter out = new StringWriter();
    switch (format) {
      case "cyclonedx-json" -> SyntheticBoms.cycloneDxJson(COMPONENTS, out);
      case "cyclonedx-xml" -> SyntheticBoms.cycloneDxXml(COMPONENTS, out);
      default -> SyntheticBoms.spdxJson(COMPONENTS, out);
    }
    document = out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  @OperationsPerInvocation(COMPONENTS)
  public Bom read() {
    return BomReader.read(new ByteArrayInputStream(document), ReadLimits.defaults());
  }
}
