package org.accord.identity;

import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Maven versions, ordered by Maven's own {@code ComparableVersion} (maven-artifact), which Maven uses to
 * sort and resolve versions [1]. Stateless and thread-safe.
 *
 * <p>ComparableVersion accepts any string: it splits on {@code .} and {@code -} and on digit/letter
 * transitions, knows the qualifiers {@code alpha < beta < milestone < rc = cr < snapshot < "" = final =
 * ga = release < sp} and orders unknown qualifiers after them, lexically. Parsing builds its item list
 * once; comparing walks two lists. Accord refuses only what cannot be a version: empty text, text with
 * whitespace or control characters, and text that starts or ends with a separator.
 *
 * <p>ComparableVersion is not transitive on some unusual mixtures of qualifiers ({@code 0.final0rc <= 0
 * <= 0alphafinala}, yet {@code 0.final0rc > 0alphafinala}); versions made of numbers and one qualifier,
 * which is what Maven repositories hold, order consistently. Accord keeps Maven's behaviour rather than
 * invent another.
 *
 * <p>[1] https://maven.apache.org/pom.html#version-order-specification
 */
final class MavenScheme implements VersionScheme {
  static final MavenScheme INSTANCE = new MavenScheme();

  private MavenScheme() {}

  @Override
  public String name() {
    return "maven";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepareToken(this, text);
    char first = version.charAt(0);
    char last = version.charAt(version.length() - 1);
    if (first == '.' || first == '-' || last == '.' || last == '-') {
      throw Schemes.invalid(this, text, "a version does not start or end with '.' or '-'");
    }
    return new MavenVersion(version, new ComparableVersion(version));
  }

  private static final class MavenVersion extends AbstractVersion {
    private final ComparableVersion comparable;

    MavenVersion(String text, ComparableVersion comparable) {
      super(text, INSTANCE);
      this.comparable = comparable;
    }

    @Override
    int compareSame(AbstractVersion other) {
      return comparable.compareTo(((MavenVersion) other).comparable);
    }
  }
}
