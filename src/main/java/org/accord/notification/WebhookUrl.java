package org.accord.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.accord.InvalidInputException;

/** Which webhook addresses Accord takes: absolute {@code http} or {@code https} URLs with a host. */
public final class WebhookUrl {
  /** The longest URL taken, in characters. */
  public static final int MAX_CHARS = 2000;

  private WebhookUrl() {}

  /**
   * {@code text} as a webhook URL.
   *
   * @throws InvalidInputException naming {@code field} for a blank or overlong value, another scheme
   *     (ftp, file, javascript, ...), a URL without host, or one with user information
   */
  public static URI parse(String text, String field) {
    String clean = text == null ? "" : text.strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException("missing " + field + ": give an http(s) URL such as https://tickets.example/accord", field);
    }
    if (clean.length() > MAX_CHARS) {
      throw new InvalidInputException("the URL has " + clean.length() + " characters; at most " + MAX_CHARS, field);
    }
    URI uri;
    try {
      uri = new URI(clean);
    } catch (URISyntaxException e) {
      throw new InvalidInputException("not a URL: " + e.getReason(), field);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidInputException("a webhook URL is http or https, not '" + (scheme.isEmpty() ? clean : scheme) + "'", field);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidInputException("the webhook URL has no host", field);
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidInputException("the webhook URL carries user information; use the secret to authenticate", field);
    }
    return uri;
  }
}
