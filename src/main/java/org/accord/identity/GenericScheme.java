package org.accord.identity;

/**
 * The fallback order for versions of packages without a known ecosystem ({@code pkg:generic/...}, or an
 * unknown PURL type). Hand-written, and deliberately simple so it never refuses a plausible version.
 * Stateless and thread-safe.
 *
 * <p>It is dpkg's string comparison ({@code verrevcmp}, see {@link DebianScheme}) applied to the whole
 * text: digit runs compare numerically and non-digit runs character by character, with {@code ~}
 * sorting before everything (a pre-release marker, {@code 1.0~rc1 < 1.0}), the end of a run before
 * letters and letters before punctuation ({@code 1.0 < 1.0a < 1.0.1}). This is the "natural" order of
 * {@code sort -V} for ordinary version strings, orders dotted numbers correctly ({@code 1.9 < 1.10}) and
 * treats any ASCII text consistently. The vers specification leaves its own {@code generic} algorithm
 * unspecified ("to be specified later, likely ... similar to libversion") [1]; Accord documents this one
 * until it is.
 *
 * <p>Refused: empty text and text with whitespace or control characters.
 *
 * <p>[1] https://github.com/package-url/vers-spec (VERS types, "generic")
 */
final class GenericScheme implements VersionScheme {
  static final GenericScheme INSTANCE = new GenericScheme();

  private GenericScheme() {}

  @Override
  public String name() {
    return "generic";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepareToken(this, text);
    return new GenericVersion(version);
  }

  private static final class GenericVersion extends AbstractVersion {
    GenericVersion(String text) {
      super(text, INSTANCE);
    }

    @Override
    int compareSame(AbstractVersion other) {
      return Integer.signum(DebianScheme.verrevcmp(text(), other.text()));
    }
  }
}
