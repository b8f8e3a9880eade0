package org.accord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code accord} jar run as a separate process, for tests that kill it: one data
 * directory (and optionally a PostgreSQL URL), commands run to completion, and {@code serve}
 * started with its URL read from its JSON start-up line.
 */
public final class AccordProcess {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
  private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"(http://[^\"]+)\"");

  private final Path dir;
  private final List<String> base;

  /**
   * @param dir a scratch directory: the data directory is {@code dir/data}, and each served
   *     process writes {@code dir/NAME.out} and {@code dir/NAME.err}
   * @param dbUrl a PostgreSQL JDBC URL, or null for the embedded SQLite store
   */
  public AccordProcess(Path dir, String dbUrl) {
    Path jar = Path.of(System.getProperty("accord.jar", "target/accord.jar"));
    assertThat(jar).as("the packaged jar (mvn package)").exists();
    this.dir = dir;
    this.base = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toString(), "--data", dir.resolve("data").toString()));
    if (dbUrl != null) {
      base.addAll(List.of("--db", dbUrl));
    }
  }

  /** Runs one command to completion, asserts it exited 0, and returns its output (stdout and stderr). */
  public String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(base);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }

  /** Creates a token with {@code accord token create --json ARGS} and returns its secret. */
  public String token(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("token", "create", "--json"));
    command.addAll(List.of(args));
    String output = run(command.toArray(String[]::new));
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(output.substring(output.indexOf('{'))).get("token").asText();
  }

  /** A running {@code accord serve} on a free port. */
  public record Served(Process process, String url) {
    /** SIGKILL: the process gets no chance to flush or close anything. */
    public void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("killed process ends").isTrue();
    }

    /** SIGTERM, and SIGKILL if it has not ended after 20 s. */
    public void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** Starts {@code accord serve --port 0} with a 200 ms checkpoint cadence and waits for its URL (ending in /). */
  public Served serve(String name) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(base);
    command.addAll(List.of("serve", "--port", "0", "--json"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile());
    builder.environment().put("ACCORD_LOG_CHECKPOINT_MS", "200");
    Process process = builder.start();
    // Generous: a restart after kill -9 drains the outbox before serving, and CI machines are shared
    // (a PostgreSQL restart once took over 30 s at a load average of 24 on two cores).
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      Matcher matcher = URL.matcher(Files.readString(dir.resolve(name + ".out")));
      if (matcher.find()) {
        String url = matcher.group(1);
        return new Served(process, url.endsWith("/") ? url : url + "/");
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    boolean alive = process.isAlive();
    process.destroyForcibly();
    throw new AssertionError("server did not start (" + (alive ? "still starting after 120 s" : "exited " + process.waitFor()) + "): "
        + Files.readString(dir.resolve(name + ".out"))
        + Files.readString(dir.resolve(name + ".err")));
  }

  /** GETs a URL and returns its body; anything but 200 is an {@link IOException} naming the status and body. */
  public static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + url + ": " + response.body());
    }
    return response.body();
  }

  /** GETs a URL's bytes, or empty on 404 (a {@code TileSource} over a served log). */
  public static Optional<byte[]> fetch(String url) throws IOException {
    try {
      HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return response.statusCode() == 404 ? Optional.empty() : Optional.of(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
