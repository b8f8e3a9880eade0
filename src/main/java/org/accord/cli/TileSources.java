package org.accord.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.accord.ledger.TileSource;

/** Where {@code accord verify log} reads a tiled log from: a directory or a web server. */
final class TileSources {
  private TileSources() {}

  /** A tlog-tiles directory, as Tessera's POSIX driver or a static mirror writes it. */
  static TileSource directory(Path root) {
    return path -> {
      Path file = root.resolve(path).normalize();
      if (!file.startsWith(root.normalize())) {
        throw new IOException("path " + path + " leaves the log directory");
      }
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      if (Files.size(file) > MAX_RESOURCE_BYTES) {
        throw new IOException(file + " is larger than " + (MAX_RESOURCE_BYTES >> 20) + " MiB; no tile, entry bundle or checkpoint is that large");
      }
      return Optional.of(Files.readAllBytes(file));
    };
  }

  /**
   * The largest resource read: a full entry bundle is 256 entries of at most 64 KiB and their length
   * prefixes, about 16.8 MB; anything larger is a hostile or broken server.
   */
  static final int MAX_RESOURCE_BYTES = 32 << 20;

  /** A log served over HTTP(S) under {@code prefix}, such as {@code https://log.example/log}. */
  static TileSource http(String prefix) {
    String base = prefix.endsWith("/") ? prefix : prefix + "/";
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    return path -> {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(60))
          .header("Accept-Encoding", "gzip, identity")
          .GET()
          .build();
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        // A refused connection has no message; say what failed.
        throw new IOException("cannot fetch " + request.uri() + ": " + InputFiles.reason(e), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      try (InputStream body = response.body()) {
        if (response.statusCode() == 404) {
          return Optional.empty();
        }
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode() + " from " + request.uri());
        }
        boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false);
        try (InputStream in = gzip ? new GZIPInputStream(body) : body) {
          byte[] bytes = in.readNBytes(MAX_RESOURCE_BYTES + 1);
          if (bytes.length > MAX_RESOURCE_BYTES) {
            throw new IOException(request.uri() + " is larger than " + (MAX_RESOURCE_BYTES >> 20)
                + " MiB; no tile, entry bundle or checkpoint is that large");
          }
          return Optional.of(bytes);
        }
      }
    };
  }
}
