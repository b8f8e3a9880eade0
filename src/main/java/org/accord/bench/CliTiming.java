package org.accord.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of whole {@code accord} command-line runs, JVM start included: {@code where-used} sent to
 * a running server ({@code --server} with {@code ACCORD_TOKEN}), against {@code accord --version} in
 * the same run (the start-up floor every command pays).
 *
 * <p>Each run is a fresh JVM on this JVM's class path, with the flags the {@code accord} launcher
 * uses for short commands: C1 only, and the launcher's AppCDS archive beside the jar when there is one
 * that is not older than the jar (ADR 0079). Runs alternate between the two commands so that machine
 * noise falls on both alike; the figure is the median. Static and stateless.
 */
final class CliTiming {
  private static final long TIMEOUT_SECONDS = 120;

  private CliTiming() {}

  /**
   * Runs {@code accord --server URL where-used PURL [--range RANGE]} and {@code accord --version}
   * {@code runs} times each.
   *
   * @throws IllegalStateException if a run fails or exceeds two minutes
   */
  static ApiBenchmark.CliFigures measure(int port, String token, String purl, String range, int runs) throws InterruptedException {
    List<String> jvm = jvm();
    boolean archive = jvm.stream().anyMatch(flag -> flag.startsWith("-XX:SharedArchiveFile="));
    List<String> whereUsed = new ArrayList<>(jvm);
    whereUsed.addAll(List.of("--server", "http://127.0.0.1:" + port + "/", "where-used", purl));
    if (range != null) {
      whereUsed.addAll(List.of("--range", range));
    }
    List<String> version = new ArrayList<>(jvm);
    version.add("--version");
    double[] queryMs = new double[runs];
    double[] versionMs = new double[runs];
    for (int i = 0; i < runs; i++) {
      queryMs[i] = time(whereUsed, token);
      versionMs[i] = time(version, token);
    }
    return new ApiBenchmark.CliFigures(median(queryMs), median(versionMs), Arrays.stream(queryMs).boxed().toList(), archive);
  }

  private static List<String> jvm() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    String classPath = System.getProperty("java.class.path");
    Path jar = Path.of(classPath);
    Path archive = jar.resolveSibling("accord-" + System.getProperty("java.runtime.version") + ".jsa");
    try {
      if (classPath.endsWith(".jar") && Files.isRegularFile(archive)
          && !Files.getLastModifiedTime(archive).toInstant().isBefore(Files.getLastModifiedTime(jar).toInstant())) {
        command.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:SharedArchiveFile=" + archive));
      }
    } catch (IOException e) {
      // No archive then: the figure says so.
    }
    command.addAll(List.of("-cp", classPath, "org.accord.cli.Main"));
    return command;
  }

  private static double time(List<String> command, String token) throws InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("ACCORD_TOKEN", token);
    builder.environment().remove("ACCORD_SERVER");
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the command line did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
    }
    double millis = (System.nanoTime() - started) / 1e6;
    if (process.exitValue() != 0) {
      throw new IllegalStateException("the command line exited " + process.exitValue() + ": " + String.join(" ", command));
    }
    return millis;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
