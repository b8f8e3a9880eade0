package org.accord.identity;

import java.util.Objects;

/**
 * Base of every scheme's parsed version: keeps the text and the scheme, guards comparisons across
 * schemes, and gives equality by scheme and exact text. Subclasses hold pre-parsed parts and implement
 * {@link #compareSame}. Immutable and thread-safe.
 */
abstract class AbstractVersion implements Version {
  private final String text;
  private final VersionScheme scheme;

  AbstractVersion(String text, VersionScheme scheme) {
    this.text = text;
    this.scheme = scheme;
  }

  @Override
  public final String text() {
    return text;
  }

  @Override
  public final VersionScheme scheme() {
    return scheme;
  }

  @Override
  public final int compareTo(Version other) {
    if (other == this) {
      return 0;
    }
    if (other.scheme() != scheme || !(other instanceof AbstractVersion)) {
      throw new IllegalArgumentException(
          "cannot compare " + scheme.name() + " version '" + text + "' with " + other.scheme().name()
              + " version '" + other.text() + "'");
    }
    return compareSame((AbstractVersion) other);
  }

  /** Compares with a version of the same scheme (same concrete class). */
  abstract int compareSame(AbstractVersion other);

  @Override
  public final boolean equals(Object o) {
    return o instanceof AbstractVersion other && other.scheme == scheme && other.text.equals(text);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(scheme.name(), text);
  }

  @Override
  public final String toString() {
    return text;
  }
}
