package org.accord.advisory;

import java.util.Objects;

/**
 * Tells whether a URL resolves, for the CSAF 2.0 informative tests §6.3.6 and §6.3.7, which ask that
 * each URL in a document resolves "with a HTTP status code from the 2xx (Successful) or 3xx
 * (Redirection) class".
 *
 * <p>The validator itself does no network I/O: by default it uses {@link #offline()}, which fails only
 * the URLs that cannot resolve on any network and leaves the rest {@linkplain NotChecked unchecked}.
 * An edge that may use the network (the command line with {@code --resolve-urls}) passes a resolver
 * that sends requests.
 *
 * <p>Implementations must be thread-safe and must not throw for a URL that cannot be reached: that is
 * a {@link Failed} answer.
 */
@FunctionalInterface
public interface UrlResolver {

  /**
   * Resolves one URL as written in the document.
   *
   * @param url the URL; not null, possibly malformed
   * @return the HTTP status, a failure without one, or that it was not checked; never null
   */
  Resolution resolve(String url);

  /** What resolving a URL gave: a closed set. */
  sealed interface Resolution permits Status, Failed, NotChecked {}

  /**
   * The server answered with an HTTP status.
   *
   * @param code the status code, such as 200 or 404
   */
  record Status(int code) implements Resolution {
    /** Whether the status is in the 2xx (Successful) or 3xx (Redirection) class, as §6.3.6 asks. */
    public boolean resolves() {
      return code >= 200 && code < 400;
    }
  }

  /**
   * No HTTP status could be obtained: the URL is malformed, not HTTP(S), its host does not exist or
   * the connection failed.
   *
   * @param reason why, for the finding's message; not null
   */
  record Failed(String reason) implements Resolution {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The URL was not resolved, so the test cannot tell.
   *
   * @param reason why, such as that URLs are not resolved offline; not null
   */
  record NotChecked(String reason) implements Resolution {
    public NotChecked {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The resolver that uses no network. It fails a URL that cannot resolve anywhere: one that is not an
   * {@code http} or {@code https} URL with a host (it cannot answer with an HTTP status), and one whose
   * host is in the top-level domain {@code .invalid}, which RFC 6761 §6.4 reserves so that it never
   * resolves. Every other URL is {@link NotChecked}.
   *
   * <p>The URL is split with the regular expression of RFC 3986 Appendix B, which accepts any string,
   * so that a URL with, say, an unencoded space is judged by its scheme and host as an HTTP client
   * would, not refused for its syntax (the schema's {@code uri} format reports that).
   */
  static UrlResolver offline() {
    return OfflineUrlResolver::resolve;
  }
}
