package org.accord.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.accord.app.Accord;
import org.accord.app.Viewer;
import org.accord.app.WhereUsedView;
import org.accord.store.BulkLoad;
import org.accord.store.Database;
import org.accord.synthetic.SyntheticWorld;

/**
 * {@code accord bench api}: the where-used API under load on loopback, the first page of a popular
 * answer against the whole answer (the in-run baseline).
 *
 * <p>Steps: open a world (an existing data directory, or the LibraCore demo world bulk-loaded into a
 * temporary store), start the web server on an ephemeral loopback port (through {@code serve}, since
 * the web edge is not this package's to import), create a coordinator token, then run {@link
 * LoadGenerator} against {@code limit=N} and against the unpaged answer, one after the other, each
 * after its own warm-up. Static; runs are not meant to overlap in one JVM, since they measure time.
 */
public final class ApiBenchmark {
  private ApiBenchmark() {}

  /**
   * What to run.
   *
   * @param data an existing data directory, or null for the demo world in a temporary directory
   * @param purl the package
   * @param range the range, as typed
   * @param limit rows per page of the paged request
   * @param connections concurrent keep-alive connections
   * @param seconds measured seconds per request kind
   * @param warmupSeconds unmeasured seconds before each
   * @param cliRuns how many times to time a whole {@code accord where-used} run through the server
   *     (and {@code accord --version}, its baseline); 0 for none
   */
  public record Options(
      Path data, String purl, String range, int limit, int connections, double seconds, double warmupSeconds, int cliRuns) {}

  /**
   * Whole command-line runs, JVM start included (see {@link CliTiming}).
   *
   * @param medianMs the median wall time of {@code accord --server URL where-used PURL --range RANGE}
   * @param versionMedianMs the median of {@code accord --version} in the same run: the start-up floor
   * @param runsMs every where-used run, in order
   * @param archive whether the launcher's AppCDS archive was used, as {@code ./accord} would
   */
  public record CliFigures(double medianMs, double versionMedianMs, List<Double> runsMs, boolean archive) {}

  /**
   * A started server: its port, and how to stop it.
   *
   * @param port the bound loopback port
   * @param stop stops the server
   */
  public record Server(int port, Runnable stop) implements AutoCloseable {
    @Override
    public void close() {
      stop.run();
    }
  }

  /**
   * One request kind's figures.
   *
   * @param requests completed requests in the measured period
   * @param errors non-200 answers and connection failures
   * @param requestsPerS completed requests per second
   * @param p50Ms median latency
   * @param p99Ms 99th percentile latency
   * @param bytes the answer's body size
   */
  public record Figures(long requests, long errors, double requestsPerS, double p50Ms, double p99Ms, long bytes) {}

  /**
   * The figures.
   *
   * @param world where the data came from: {@code demo} or the data directory
   * @param path the request path of the whole answer (the page adds {@code &limit=N})
   * @param connections concurrent connections
   * @param seconds measured seconds per request kind
   * @param products products in the whole answer
   * @param deployments deployments in the whole answer
   * @param firstPage the paged request
   * @param baseline the unpaged request
   * @param ratio first-page requests/s over baseline requests/s
   * @param cli whole command-line runs through the server, or null when none were asked for
   */
  public record Result(
      String world, String path, int connections, double seconds, int products, int deployments, Figures firstPage,
      Figures baseline, double ratio, CliFigures cli) {}

  /** Runs the benchmark; progress lines go to {@code log}. */
  public static Result run(Options options, Function<Accord, Server> serve, Consumer<String> log) throws IOException, InterruptedException {
    if (options.data() != null) {
      if (!Files.isRegularFile(options.data().resolve("accord.db"))) {
        throw new IllegalArgumentException("no Accord store in " + options.data() + " (run 'accord demo --no-serve' first, or leave out --data)");
      }
      try (Accord accord = Accord.open(new Accord.Config(options.data(), null))) {
        return measure(accord, options.data().toString(), options, serve, log);
      }
    }
    try (ScratchStore store = ScratchStore.create("accord-bench-api-", null)) {
      long started = System.nanoTime();
      SyntheticWorld world = SyntheticWorld.generate(SyntheticWorld.Spec.demo());
      try (Database database = store.openDatabase()) {
        BulkLoad.load(database, world, System.currentTimeMillis());
      }
      log.accept(String.format(Locale.ROOT, "built the demo world (%,d products, %,d deployments) in %.1f s",
          world.products().size(), world.sites().size(), (System.nanoTime() - started) / 1e9));
      try (Accord accord = Accord.open(store.config())) {
        return measure(accord, "demo", options, serve, log);
      }
    }
  }

  private static Result measure(Accord accord, String worldName, Options options, Function<Accord, Server> serve, Consumer<String> log)
      throws InterruptedException {
    WhereUsedView whole = accord.exposure().whereUsed(options.purl(), options.range(), Viewer.local(false));
    if (!whole.known()) {
      throw new IllegalArgumentException(whole.note());
    }
    accord.parties().ensure("Accord Bench", org.accord.party.OrgKind.CERT);
    String token = accord.parties()
        .createToken(accord.parties().localCoordinator(), "Accord Bench", null, true, "bench api", java.time.Duration.ofDays(1))
        .secret();
    String path = "/api/v1/where-used?purl=" + encode(options.purl())
        + (options.range() == null ? "" : "&range=" + encode(options.range()));
    try (Server server = serve.apply(accord)) {
      log.accept(String.format(Locale.ROOT, "serving %s on 127.0.0.1:%d; %d connections, %.0f s warm-up, %.0f s measured per request kind",
          worldName, server.port(), options.connections(), options.warmupSeconds(), options.seconds()));
      Figures page = load(server, path + "&limit=" + options.limit(), token, options, log, "first page (limit=" + options.limit() + ")");
      Figures baseline = load(server, path, token, options, log, "whole answer (baseline)");
      CliFigures cli = null;
      if (options.cliRuns() > 0) {
        cli = CliTiming.measure(server.port(), token, options.purl(), options.range(), options.cliRuns());
        log.accept(String.format(Locale.ROOT, "%-26s median %.0f ms wall (runs %s ms)%s; accord --version %.0f ms",
            "accord where-used (CLI):", cli.medianMs(), cli.runsMs().stream().map(ms -> String.format(Locale.ROOT, "%.0f", ms)).toList(),
            cli.archive() ? " with the AppCDS archive" : "", cli.versionMedianMs()));
      }
      return new Result(worldName, path, options.connections(), options.seconds(), whole.products().size(),
          whole.deployments().size(), page, baseline, page.requestsPerS() / baseline.requestsPerS(), cli);
    }
  }

  private static Figures load(Server server, String path, String token, Options options, Consumer<String> log, String label)
      throws InterruptedException {
    LoadGenerator.Run run =
        new LoadGenerator("127.0.0.1", server.port(), path, token).run(options.connections(), options.warmupSeconds(), options.seconds());
    if (run.nanos().length == 0) {
      throw new IllegalStateException("no request completed for " + label);
    }
    Percentiles latency = new Percentiles(run.nanos());
    Figures figures = new Figures(run.requests(), run.errors(), run.requestsPerSecond(), latency.millis(50), latency.millis(99), run.bodyBytes());
    log.accept(String.format(Locale.ROOT, "%-26s %,8.0f requests/s, p50 %.2f ms, p99 %.2f ms, %,d bytes, %d errors",
        label + ":", figures.requestsPerS(), figures.p50Ms(), figures.p99Ms(), figures.bytes(), figures.errors()));
    return figures;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
