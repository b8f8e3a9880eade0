package org.accord.bench.replicas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.accord.app.replicas.Job;

/**
 * Several {@code accord serve} processes over one store, each with its own data directory
 * ({@code dir/rN}) and the first one's signing keys (its {@code *.key} files), on free loopback ports. Commands ({@link #run}) run
 * on the first directory. A replica is started, killed with SIGKILL ({@link Process#destroyForcibly}) or
 * stopped with SIGTERM, and asked its {@code /healthz}. Each process writes {@code dir/rN-K.out} and
 * {@code .err} (K counts its starts).
 *
 * <p>Thread-safe for {@link #url}, {@link #health} and {@link #leader}; start, kill and stop from one thread.
 */
public final class ReplicaCluster implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"(http://[^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> java;
  private final Path dir;
  private final String dbUrl;
  private final Map<String, String> environment;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Process[] processes;
  private final String[] urls;
  private final int[] starts;

  /**
   * @param java the command that runs Accord's main class, e.g. {@code java -Xmx384m -jar accord.jar}
   * @param dir a scratch directory for the replicas' data directories and output
   * @param dbUrl the PostgreSQL JDBC URL all replicas share, or null for one SQLite process
   * @param environment extra environment for every served process (e.g. {@code ACCORD_SMTP_URL})
   * @param size how many replicas there may be
   */
  public ReplicaCluster(List<String> java, Path dir, String dbUrl, Map<String, String> environment, int size) {
    if (dbUrl == null && size > 1) {
      throw new IllegalArgumentException("replicas share PostgreSQL: SQLite serves one process only");
    }
    this.java = List.copyOf(java);
    this.dir = dir;
    this.dbUrl = dbUrl;
    this.environment = Map.copyOf(environment);
    this.processes = new Process[size];
    this.urls = new String[size];
    this.starts = new int[size];
  }

  /** The command that runs this very jar's main class with {@code heap}, from where this class was loaded. */
  public static List<String> thisJar(String heap) {
    try {
      Path jar = Path.of(ReplicaCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      String javaBin = ProcessHandle.current().info().command().orElse("java");
      return Files.isRegularFile(jar)
          ? List.of(javaBin, "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
          : List.of(javaBin, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "org.accord.cli.Main");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> base(int replica) {
    List<String> command = new ArrayList<>(java);
    command.addAll(List.of("--data", dir.resolve("r" + replica).toString()));
    if (dbUrl != null) {
      command.addAll(List.of("--db", dbUrl));
    }
    return command;
  }

  /** Runs one command on the first replica's data directory to completion; its output, or an exception naming it. */
  public String run(String... args) throws IOException, InterruptedException {
    List<String> command = base(0);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("accord " + String.join(" ", args) + " exited " + process.exitValue() + ": " + output);
    }
    return output;
  }

  /** Creates a token with {@code accord token create --json ARGS} and returns its secret. */
  public String token(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("token", "create", "--json"));
    command.addAll(List.of(args));
    String output = run(command.toArray(String[]::new));
    return JSON.readTree(output.substring(output.indexOf('{'))).get("token").asText();
  }

  /**
   * Starts replica {@code n} ({@code serve --port 0 --json}) and waits up to two minutes for its URL; a
   * replica after the first gets copies of the first's keys (the log's signing key above all) when its
   * directory is new.
   */
  public String start(int n) throws IOException, InterruptedException {
    Path data = Files.createDirectories(dir.resolve("r" + n));
    if (n > 0) {
      try (Stream<Path> files = Files.list(dir.resolve("r0"))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith(".key") && Files.notExists(data.resolve(name))) {
            Files.copy(file, data.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
    List<String> command = base(n);
    command.addAll(List.of("serve", "--port", "0", "--json"));
    String name = "r" + n + "-" + (++starts[n]);
    Path out = dir.resolve(name + ".out");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve(name + ".err").toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      Matcher matcher = URL.matcher(Files.readString(out));
      if (matcher.find()) {
        String url = matcher.group(1);
        processes[n] = process;
        urls[n] = url.endsWith("/") ? url : url + "/";
        return urls[n];
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IOException("replica " + n + " did not start: " + Files.readString(out) + Files.readString(dir.resolve(name + ".err")));
  }

  /** SIGKILL: the process closes nothing; PostgreSQL ends its sessions and so frees its advisory locks. */
  public void kill(int n) throws InterruptedException {
    Process process = processes[n];
    urls[n] = null;
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  /** SIGTERM (graceful: drain, hand leadership over), SIGKILL after 30 s. */
  public void stop(int n) throws InterruptedException {
    Process process = processes[n];
    if (process == null) {
      return;
    }
    urls[n] = null;
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** How many replicas there may be. */
  public int size() {
    return processes.length;
  }

  /** Replica {@code n}'s base URL (ending in /), or null while it is down. */
  public String url(int n) {
    return urls[n];
  }

  /** Replica {@code n}'s {@code /healthz}, or empty when it is down or does not answer. */
  public Optional<JsonNode> health(int n) {
    String url = urls[n];
    if (url == null) {
      return Optional.empty();
    }
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "healthz")).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The change replica {@code n} has applied, or empty when it does not answer. */
  public OptionalLong applied(int n) {
    return health(n).map(h -> OptionalLong.of(h.path("applied").asLong())).orElse(OptionalLong.empty());
  }

  /** The replica that says it leads {@code job}, or -1 when none answering does. */
  public int leader(Job job) {
    for (int n = 0; n < processes.length; n++) {
      if (health(n).map(h -> h.path("leads").path(job.label()).asBoolean(false)).orElse(false)) {
        return n;
      }
    }
    return -1;
  }

  /** What each live replica leads, as {@code rN: job,job}, for a timeline. */
  public String leaders() {
    StringBuilder line = new StringBuilder();
    for (int n = 0; n < processes.length; n++) {
      Optional<JsonNode> health = health(n);
      if (health.isEmpty()) {
        line.append("r").append(n).append(": down; ");
        continue;
      }
      List<String> jobs = new ArrayList<>();
      health.get().path("leads").fields().forEachRemaining(e -> {
        if (e.getValue().asBoolean()) {
          jobs.add(e.getKey());
        }
      });
      line.append("r").append(n).append(": applied ").append(health.get().path("applied").asLong()).append(" leads ").append(jobs).append("; ");
    }
    return line.toString().strip();
  }

  /** Stops every replica gracefully. */
  @Override
  public void close() {
    for (int n = 0; n < processes.length; n++) {
      try {
        stop(n);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Replica {@code n}'s process, or null before it started. */
  public Process process(int n) {
    return processes[n];
  }
}
