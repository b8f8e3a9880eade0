package org.accord.bench.replicas;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.accord.app.replicas.Job;
import org.accord.bench.Percentiles;
import org.accord.bench.ScratchStore;

/**
 * {@code accord bench replicas} (issue 16 item 6, ADR 0154): real {@code accord serve} processes of this
 * jar over one scratch PostgreSQL schema. It measures (1) the apply lag: from the answer to an SBOM upload
 * on one replica to the moment another replica's {@code /healthz} reports that change applied; (2) the
 * failover time: from SIGKILL of the log writer's leader to another replica reporting it leads; (3)
 * where-used requests per second from loopback clients going round 1, 2 and 3 replicas, beside the same
 * load on one SQLite process (the single-process deployment) in the same run.
 *
 * <p>Every replica and the clients share the machine, so on few cores the throughput shows overhead, not
 * scaling. The lag is measured from the writer's answer, after its commit, so it is a lower bound of
 * commit-to-visible by at most the answer's own latency; {@code /healthz} is polled every millisecond.
 */
public final class ReplicasBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LIB = "pkg:maven/org.libra/libracore";

  /**
   * @param pgUrl the PostgreSQL database the scratch schema goes in (required)
   * @param products SBOMs loaded before the throughput runs
   * @param lagSamples uploads whose apply lag is measured
   * @param seconds length of each throughput run
   * @param clients loopback client threads in each throughput run
   * @param java the command that runs Accord's main class
   */
  public record Options(String pgUrl, int products, int lagSamples, double seconds, int clients, List<String> java) {
    public Options {
      if (pgUrl == null) {
        throw new IllegalArgumentException("bench replicas needs PostgreSQL: set ACCORD_BENCH_PG_URL or give --db jdbc:postgresql://…");
      }
      if (products < 1 || lagSamples < 1 || seconds <= 0 || clients < 1) {
        throw new IllegalArgumentException("--products, --lag-samples, --seconds and --clients must be at least 1");
      }
    }
  }

  /** Throughput with {@code replicas} processes ({@code 0} is the single SQLite process). */
  public record Throughput(int replicas, String store, long requests, double requestsPerS, double p99Ms) {}

  /**
   * @param applyLagP50Ms median apply lag
   * @param applyLagP99Ms 99th percentile apply lag
   * @param failoverS seconds from SIGKILL of the log leader to a new leader
   * @param throughput the baseline then 1, 2 and 3 replicas
   */
  public record Result(double applyLagP50Ms, double applyLagP99Ms, double applyLagMaxMs, int lagSamples, double failoverS,
      List<Throughput> throughput, List<String> timeline) {}

  private ReplicasBenchmark() {}

  /** Runs the benchmark; progress lines go to {@code progress}. */
  public static Result run(Options options, Consumer<String> progress) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    List<Throughput> throughput = new ArrayList<>();
    List<String> timeline = new ArrayList<>();
    Path base = Files.createTempDirectory("accord-bench-replicas");
    try {
      // The single-process baseline: one SQLite serve, the same documents, the same load.
      try (ReplicaCluster single = new ReplicaCluster(options.java(), base.resolve("sqlite"), null, Map.of(), 1)) {
        String token = setUp(single, progress);
        single.start(0);
        load(http, single, 0, token, options, progress);
        throughput.add(measure(http, single, 1, token, options, 0, "sqlite", progress));
      }
      try (ScratchStore store = ScratchStore.create("accord-bench-replicas", options.pgUrl());
          ReplicaCluster cluster = new ReplicaCluster(options.java(), store.config().dataDir(), store.config().dbUrl(),
              Map.of("ACCORD_DRAIN_MS", "0"), 3)) {
        String token = setUp(cluster, progress);
        cluster.start(0);
        load(http, cluster, 0, token, options, progress);
        cluster.start(1);
        cluster.start(2);
        progress.accept("three replicas serving");
        for (int k = 1; k <= 3; k++) {
          throughput.add(measure(http, cluster, k, token, options, k, "postgresql", progress));
        }
        long[] lags = new long[options.lagSamples()];
        for (int i = 0; i < lags.length; i++) {
          int writer = i % 3;
          int reader = (i + 1) % 3;
          HttpResponse<String> answer = post(http, cluster.url(writer), token, "lag-" + i, i);
          long answered = System.nanoTime();
          long change = answer.headers().firstValueAsLong("X-Accord-Change").orElseThrow();
          while (cluster.applied(reader).orElse(-1) < change) {
            if (System.nanoTime() - answered > 10_000_000_000L) {
              throw new IOException("replica " + reader + " did not apply change " + change + " within 10 s");
            }
            Thread.sleep(1);
          }
          lags[i] = System.nanoTime() - answered;
        }
        Percentiles lag = new Percentiles(lags);
        progress.accept(String.format(java.util.Locale.ROOT, "apply lag p50 %.1f ms, p99 %.1f ms", lag.millis(50), lag.millis(99)));

        long t0 = System.nanoTime();
        int leader = -1;
        while (leader < 0 && System.nanoTime() - t0 < 10_000_000_000L) {
          leader = cluster.leader(Job.LOG_WRITER);
        }
        if (leader < 0) {
          throw new IOException("no replica leads the log writer");
        }
        timeline.add(String.format(java.util.Locale.ROOT, "%s", cluster.leaders()));
        long killed = System.nanoTime();
        cluster.kill(leader);
        timeline.add(String.format(java.util.Locale.ROOT, "%.3f s  kill -9 r%d (log leader)", 0.0, leader));
        int next = -1;
        while (next < 0 || next == leader) {
          if (System.nanoTime() - killed > 60_000_000_000L) {
            throw new IOException("no replica took the log writer over within 60 s");
          }
          next = cluster.leader(Job.LOG_WRITER);
          Thread.sleep(5);
        }
        double failover = (System.nanoTime() - killed) / 1e9;
        timeline.add(String.format(java.util.Locale.ROOT, "%.3f s  r%d leads the log writer: %s", failover, next, cluster.leaders()));
        progress.accept(String.format(java.util.Locale.ROOT, "failover %.2f s", failover));
        return new Result(lag.millis(50), lag.millis(99), lag.millis(100), lags.length, failover, throughput, timeline);
      }
    } finally {
      deleteTree(base);
    }
  }

  /** The vendor organization and its token, by command on the first replica's data directory. */
  private static String setUp(ReplicaCluster cluster, Consumer<String> progress) throws IOException, InterruptedException {
    progress.accept("setting up an organization and a token");
    cluster.run("org", "create", "Vendora", "--kind", "vendor");
    return cluster.token("--org", "Vendora");
  }

  private static void load(HttpClient http, ReplicaCluster cluster, int replica, String token, Options options, Consumer<String> progress)
      throws IOException, InterruptedException {
    for (int i = 0; i < options.products(); i++) {
      HttpResponse<String> answer = post(http, cluster.url(replica), token, "product-" + i, i);
      if (answer.statusCode() / 100 != 2) {
        throw new IOException("upload " + i + " answered " + answer.statusCode() + ": " + answer.body());
      }
    }
    progress.accept(options.products() + " SBOMs loaded");
  }

  private static HttpResponse<String> post(HttpClient http, String url, String token, String product, int serial)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url + "api/v1/sboms")).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(sbom(product, "2." + (serial % 5) + ".0"))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code product -> adapter@1.0 -> libracore@version}, as the tests' documents. */
  static String sbom(String product, String version) {
    return """
        {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
         "metadata": {"component": {"type": "application", "bom-ref": "root", "name": "%1$s", "version": "1.0", "purl": "pkg:generic/acme/%1$s@1.0"}},
         "components": [
           {"type": "library", "bom-ref": "adapter", "name": "adapter", "version": "1.0", "purl": "pkg:maven/org.acme/adapter@1.0"},
           {"type": "library", "bom-ref": "libra", "name": "libracore", "version": "%2$s", "purl": "pkg:maven/org.libra/libracore@%2$s"}],
         "dependencies": [{"ref": "root", "dependsOn": ["adapter"]}, {"ref": "adapter", "dependsOn": ["libra"]}]}
        """.formatted(product, version);
  }

  /** Where-used from {@code clients} threads round the first {@code k} replicas for the configured seconds, after a short warm-up. */
  private static Throughput measure(HttpClient http, ReplicaCluster cluster, int k, String token, Options options, int label, String store,
      Consumer<String> progress) throws InterruptedException {
    String path = "api/v1/where-used?purl=" + URLEncoder.encode(LIB, StandardCharsets.UTF_8) + "&range="
        + URLEncoder.encode("[2.0,2.3.4)", StandardCharsets.UTF_8);
    AtomicLong robin = new AtomicLong();
    AtomicLong done = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long warmUp = System.nanoTime() + 2_000_000_000L;
    long start = warmUp;
    long end = start + (long) (options.seconds() * 1e9);
    long[][] latencies = new long[options.clients()][];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < options.clients(); c++) {
      int client = c;
      Thread thread = new Thread(() -> {
        long[] mine = new long[1 << 20];
        int n = 0;
        while (true) {
          long now = System.nanoTime();
          if (now >= end) {
            break;
          }
          String url = cluster.url((int) (robin.getAndIncrement() % k));
          try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - now;
            if (now >= start) {
              if (answer.statusCode() == 200) {
                done.incrementAndGet();
                if (n < mine.length) {
                  mine[n++] = took;
                }
              } else {
                errors.incrementAndGet();
              }
            }
          } catch (IOException e) {
            errors.incrementAndGet();
          } catch (InterruptedException e) {
            return;
          }
        }
        latencies[client] = java.util.Arrays.copyOf(mine, n); // read after join
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long[] all = java.util.Arrays.stream(latencies).filter(java.util.Objects::nonNull).flatMapToLong(java.util.Arrays::stream).toArray();
    double perS = done.get() / options.seconds();
    double p99 = all.length == 0 ? Double.NaN : new Percentiles(all).millis(99);
    progress.accept(String.format(java.util.Locale.ROOT, "%s, %d replica%s: %.0f where-used/s (p99 %.1f ms, %d errors)",
        store, k, k == 1 ? "" : "s", perS, p99, errors.get()));
    return new Throughput(label, store, done.get(), perS, p99);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.notExists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** The JSON body of {@code --json}. */
  public static Map<String, Object> json(Result result, double lagTargetMs, double failoverTargetS) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apply_lag_p50_ms", result.applyLagP50Ms());
    body.put("apply_lag_p99_ms", result.applyLagP99Ms());
    body.put("apply_lag_max_ms", result.applyLagMaxMs());
    body.put("lag_samples", result.lagSamples());
    body.put("failover_s", result.failoverS());
    Map<String, Object> rates = new LinkedHashMap<>();
    for (Throughput t : result.throughput()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("store", t.store());
      row.put("requests", t.requests());
      row.put("requests_per_s", t.requestsPerS());
      row.put("p99_ms", t.p99Ms());
      rates.put(t.replicas() == 0 ? "single_process" : Integer.toString(t.replicas()), row);
    }
    body.put("where_used", rates);
    body.put("apply_lag_target_ms", lagTargetMs);
    body.put("failover_target_s", failoverTargetS);
    body.put("pass", result.applyLagP99Ms() <= lagTargetMs && result.failoverS() <= failoverTargetS);
    body.put("timeline", result.timeline());
    return body;
  }
}
