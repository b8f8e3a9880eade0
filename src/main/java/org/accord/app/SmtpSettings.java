package org.accord.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.accord.EnvironmentException;
import org.accord.party.Member;

/**
 * Where Accord sends e-mail, from {@code ACCORD_SMTP_URL} (ADR 0120):
 * {@code smtp://[user:password@]host[:port]?from=ADDRESS[&starttls=required|optional|off]} or
 * {@code smtps://...} for TLS from the first byte (port 465). {@code starttls=required} refuses to
 * send over a connection the server does not upgrade; {@code optional} (the default for {@code
 * smtp://}) upgrades when offered. Immutable.
 *
 * @param tls whether the connection is TLS from the start ({@code smtps})
 * @param user the login, if any (percent-decoded)
 * @param password the password, if any (percent-decoded)
 * @param from the sender address
 * @param sockets the TLS socket factory, empty for the JDK's default trust and a host name check; a
 *     factory of one's own (set in code, never from the URL) decides trust itself: tests trust their server
 */
public record SmtpSettings(boolean tls, String host, int port, Optional<String> user, Optional<String> password, StartTls startTls,
    String from, Optional<SSLSocketFactory> sockets) {

  /** What an {@code smtp://} connection does about STARTTLS. */
  public enum StartTls {
    /** Never upgrade. */
    OFF,
    /** Upgrade when the server offers it. */
    OPTIONAL,
    /** Upgrade or refuse to send. */
    REQUIRED
  }

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(startTls, "startTls");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(sockets, "sockets");
  }

  /** These settings with TLS sockets from {@code factory} (a trust store of one's own). */
  public SmtpSettings withSockets(SSLSocketFactory factory) {
    return new SmtpSettings(tls, host, port, user, password, startTls, from, Optional.of(factory));
  }

  /**
   * Reads an SMTP URL.
   *
   * @throws EnvironmentException naming {@code ACCORD_SMTP_URL} and the problem (never the password)
   */
  public static SmtpSettings parse(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (URISyntaxException e) {
      throw bad("not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
      throw bad("the scheme is smtp or smtps");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw bad("no host");
    }
    boolean tls = scheme.equals("smtps");
    Map<String, String> query = query(uri.getRawQuery());
    String from = query.remove("from");
    if (from == null || from.isBlank()) {
      throw bad("name the sender: ?from=accord@example.org");
    }
    try {
      from = Member.requireEmail(from, "from");
    } catch (org.accord.InvalidInputException e) {
      throw bad("from: " + e.getMessage());
    }
    String starttls = query.remove("starttls");
    StartTls startTls = starttls == null ? (tls ? StartTls.OFF : StartTls.OPTIONAL) : switch (starttls.toLowerCase(Locale.ROOT)) {
      case "required" -> StartTls.REQUIRED;
      case "optional" -> StartTls.OPTIONAL;
      case "off" -> StartTls.OFF;
      default -> throw bad("starttls is required, optional or off");
    };
    if (tls && startTls != StartTls.OFF) {
      throw bad("smtps is TLS from the start; starttls goes with smtp://");
    }
    if (!query.isEmpty()) {
      throw bad("unknown parameter " + query.keySet() + "; use from and starttls");
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
      password = colon < 0 ? Optional.empty() : Optional.of(decode(info.substring(colon + 1)));
    }
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 465 : 587;
    return new SmtpSettings(tls, uri.getHost(), port, user, password, startTls, from, Optional.empty());
  }

  /** The settings from {@code ACCORD_SMTP_URL}, empty when it is not set (no e-mail is sent then). */
  public static Optional<SmtpSettings> fromEnvironment() {
    String url = System.getenv("ACCORD_SMTP_URL");
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(parse(url));
  }

  /** Host, port and mode, safe to print (no password). */
  public String describe() {
    return (tls ? "smtps" : "smtp") + "://" + host + ":" + port + (tls ? "" : " (STARTTLS " + startTls.name().toLowerCase(Locale.ROOT) + ")");
  }

  @Override
  public String toString() {
    return describe();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT), eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return out;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static EnvironmentException bad(String problem) {
    return new EnvironmentException("ACCORD_SMTP_URL: " + problem
        + "; for example smtp://user:pass@mail.example.org:587?starttls=required&from=accord@example.org");
  }
}
