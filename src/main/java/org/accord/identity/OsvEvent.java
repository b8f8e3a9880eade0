package org.accord.identity;

import java.util.Objects;

/**
 * One event of an OSV {@code affected[].ranges[].events} timeline [1]: the version where a vulnerability
 * was introduced, fixed, last seen ({@code last_affected}), or an upper {@code limit}. The version is the
 * OSV string as written: {@code "0"} in an introduced event means "before every version", a limit
 * containing {@code *} means infinity.
 *
 * <p>[1] https://ossf.github.io/osv-schema/#affectedrangesevents-fields
 *
 * @param kind which event this is
 * @param version the event's version string, never null
 */
public record OsvEvent(Kind kind, String version) {

  /** The four OSV event kinds, named as in the schema. */
  public enum Kind {
    INTRODUCED,
    FIXED,
    LAST_AFFECTED,
    LIMIT
  }

  public OsvEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
  }

  /** {@code {"introduced": version}}. */
  public static OsvEvent introduced(String version) {
    return new OsvEvent(Kind.INTRODUCED, version);
  }

  /** {@code {"fixed": version}}. */
  public static OsvEvent fixed(String version) {
    return new OsvEvent(Kind.FIXED, version);
  }

  /** {@code {"last_affected": version}}. */
  public static OsvEvent lastAffected(String version) {
    return new OsvEvent(Kind.LAST_AFFECTED, version);
  }

  /** {@code {"limit": version}}. */
  public static OsvEvent limit(String version) {
    return new OsvEvent(Kind.LIMIT, version);
  }
}
