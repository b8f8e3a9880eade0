package org.accord.advisory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.advisory.UrlResolver.Failed;
import org.accord.advisory.UrlResolver.NotChecked;
import org.accord.advisory.UrlResolver.Resolution;

/** The checks of {@link UrlResolver#offline()}, which need no network. Stateless. */
final class OfflineUrlResolver {
  /** RFC 3986 Appendix B: scheme (group 2) and authority (group 4) of any URI reference. */
  private static final Pattern URI_PARTS =
      Pattern.compile("^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?", Pattern.DOTALL);

  private OfflineUrlResolver() {}

  static Resolution resolve(String url) {
    Matcher parts = URI_PARTS.matcher(url.strip());
    if (!parts.matches()) {
      return new Failed("not a URL");
    }
    String scheme = parts.group(2) == null ? "" : parts.group(2).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new Failed(
          scheme.isEmpty()
              ? "not an absolute URL, so it cannot resolve with an HTTP status"
              : "a " + scheme + ": URL cannot resolve with an HTTP status");
    }
    String host = host(parts.group(4));
    if (host.isEmpty()) {
      return new Failed("the URL names no host");
    }
    if (host.equals("invalid") || host.endsWith(".invalid")) {
      return new Failed("the host is in the reserved domain .invalid, which never resolves (RFC 6761 §6.4)");
    }
    return new NotChecked("URLs are not resolved offline");
  }

  /** The host of an authority ({@code user@host:port}), lower case, without a trailing dot. */
  private static String host(String authority) {
    if (authority == null) {
      return "";
    }
    String host = authority.substring(authority.lastIndexOf('@') + 1);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    host = (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }
}
