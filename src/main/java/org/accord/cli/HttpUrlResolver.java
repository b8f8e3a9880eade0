package org.accord.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.advisory.UrlResolver;

/**
 * Resolves URLs over the network for CSAF 2.0 §6.3.6 and §6.3.7 ({@code accord advisory validate
 * --resolve-urls}): a {@code HEAD} request, repeated as {@code GET} when the server does not allow
 * {@code HEAD} (405, 501), without following redirects, since a 3xx status already passes. What
 * {@link UrlResolver#offline()} can decide (not HTTP, a {@code .invalid} host) is decided without a
 * request. Each URL is requested once per resolver.
 *
 * <p>Thread-safe. Never throws for a URL that cannot be reached: that is a {@link UrlResolver.Failed}.
 */
final class HttpUrlResolver implements UrlResolver {
  private final HttpClient client;
  private final Duration timeout;
  private final String userAgent;
  private final Map<String, Resolution> resolved = new ConcurrentHashMap<>();

  /**
   * @param timeout how long to wait for a connection and again for an answer; positive
   * @param userAgent the {@code User-Agent} header to send
   */
  HttpUrlResolver(Duration timeout, String userAgent) {
    this.timeout = timeout;
    this.userAgent = userAgent;
    this.client =
        HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public Resolution resolve(String url) {
    Resolution offline = UrlResolver.offline().resolve(url);
    if (!(offline instanceof NotChecked)) {
      return offline;
    }
    return resolved.computeIfAbsent(url.strip(), this::request);
  }

  private Resolution request(String url) {
    URI uri;
    try {
      // HTTP clients encode a space in a URL; java.net.URI refuses it.
      uri = new URI(url.replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return new Failed("malformed URL: " + e.getReason());
    }
    try {
      int status = send(uri, "HEAD");
      if (status == 405 || status == 501) {
        status = send(uri, "GET");
      }
      return new Status(status);
    } catch (HttpConnectTimeoutException e) {
      return new Failed("no connection within " + describe(timeout));
    } catch (HttpTimeoutException e) {
      return new Failed("no answer within " + describe(timeout));
    } catch (ConnectException e) {
      return new Failed("cannot connect: " + describe(e));
    } catch (IOException | IllegalArgumentException e) {
      return new Failed(describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failed("interrupted");
    }
  }

  private int send(URI uri, String method) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("User-Agent", userAgent)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String describe(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  /** What went wrong, from the most telling exception in the cause chain. */
  private static String describe(Throwable e) {
    String message = null;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
        return "unknown host";
      }
      if (message == null && cause.getMessage() != null && !cause.getMessage().isBlank()) {
        message = cause.getMessage();
      }
    }
    return message != null ? message : e.getClass().getSimpleName();
  }
}
