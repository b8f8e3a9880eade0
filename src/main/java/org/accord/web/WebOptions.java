package org.accord.web;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.accord.InvalidInputException;

/**
 * How the web edge guards itself: the public origin, body limits for non-upload routes, Jetty's
 * header size and timeouts, and the session limits. A value, read from the environment only by {@link
 * #fromEnvironment()}, so tests pass their own bounds.
 *
 * @param publicUrl the URL browsers reach the server at ({@code ACCORD_PUBLIC_URL}), or null to take
 *     each request's own scheme and Host; login checks {@code Origin} against it, and an {@code https}
 *     URL makes session cookies {@code Secure}
 * @param formBodyLimit the largest body, in bytes, of a route that is not a document upload
 * @param requestHeaderSize the largest request line plus headers, in bytes (431 beyond it)
 * @param idleTimeout how long a connection may stay silent
 * @param headerTimeout how long a client may take, from connecting or from the end of its previous
 *     request, to send a complete request line and headers
 * @param readTimeout how long a client may take to send a request's body, once its headers arrived
 * @param maxSessions the most live browser sessions; the oldest is evicted beyond it
 * @param sessionIdle how long a browser session lives without a request
 * @param sessionLifetime how long a browser session lives at most
 * @param oidc the OpenID Connect provider people sign in with, or null for token login only
 */
public record WebOptions(
    URI publicUrl,
    int formBodyLimit,
    int requestHeaderSize,
    Duration idleTimeout,
    Duration headerTimeout,
    Duration readTimeout,
    int maxSessions,
    Duration sessionIdle,
    Duration sessionLifetime,
    OidcSettings oidc) {

  /** The defaults: 64 KiB bodies, 8 KiB headers, 30 s idle, 10 s for headers, 5 min for a body. */
  public static final WebOptions DEFAULTS =
      new WebOptions(
          null, 64 * 1024, 8 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(5), 10_000,
          Duration.ofHours(1), Duration.ofHours(8), null);

  public WebOptions {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(headerTimeout, "headerTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(sessionIdle, "sessionIdle");
    Objects.requireNonNull(sessionLifetime, "sessionLifetime");
    if (formBodyLimit < 1 || requestHeaderSize < 1024 || maxSessions < 1) {
      throw new IllegalArgumentException("formBodyLimit and maxSessions are positive, requestHeaderSize at least 1024");
    }
    if (publicUrl != null) {
      publicUrl = checkedPublicUrl(publicUrl.toString(), "publicUrl");
    }
  }

  /**
   * The defaults with {@code ACCORD_PUBLIC_URL} and the {@code ACCORD_OIDC_*} variables of the
   * process environment.
   *
   * @throws InvalidInputException naming the variable if one is malformed
   */
  public static WebOptions fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** As {@link #fromEnvironment()}, from the given variables. */
  public static WebOptions fromEnvironment(Map<String, String> environment) {
    String url = environment.get("ACCORD_PUBLIC_URL");
    URI publicUrl = url == null || url.isBlank() ? null : checkedPublicUrl(url.strip(), "ACCORD_PUBLIC_URL");
    return DEFAULTS.withPublicUrl(publicUrl).withOidc(OidcSettings.fromEnvironment(environment));
  }

  /** These options with another public URL (null for none). */
  public WebOptions withPublicUrl(URI url) {
    return new WebOptions(
        url, formBodyLimit, requestHeaderSize, idleTimeout, headerTimeout, readTimeout, maxSessions, sessionIdle, sessionLifetime,
        oidc);
  }

  /** These options with other connection bounds. */
  public WebOptions withTimeouts(Duration idle, Duration header, Duration read) {
    return new WebOptions(
        publicUrl, formBodyLimit, requestHeaderSize, idle, header, read, maxSessions, sessionIdle, sessionLifetime, oidc);
  }

  /** These options with other session limits. */
  public WebOptions withSessions(int max, Duration idle, Duration lifetime) {
    return new WebOptions(
        publicUrl, formBodyLimit, requestHeaderSize, idleTimeout, headerTimeout, readTimeout, max, idle, lifetime, oidc);
  }

  /** These options with another OpenID Connect provider (null for none). */
  public WebOptions withOidc(OidcSettings settings) {
    return new WebOptions(
        publicUrl, formBodyLimit, requestHeaderSize, idleTimeout, headerTimeout, readTimeout, maxSessions, sessionIdle,
        sessionLifetime, settings);
  }

  /** Whether session cookies carry {@code Secure}: the public URL is https. */
  public boolean secureCookies() {
    return publicUrl != null && publicUrl.getScheme().equals("https");
  }

  /** The origin ({@code scheme://host[:port]}) of the public URL, or null. */
  public String publicOrigin() {
    return publicUrl == null ? null : origin(publicUrl);
  }

  static String origin(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  private static URI checkedPublicUrl(String text, String where) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (java.net.URISyntaxException e) {
      throw new InvalidInputException(where + " is not a URL: " + e.getMessage(), where);
    }
    if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw new InvalidInputException(where + " must be an http or https URL such as https://accord.example.org, not '" + text + "'", where);
    }
    return uri;
  }
}
