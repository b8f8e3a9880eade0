package org.accord.identity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The vers {@code lexicographic} type: versions compare as their UTF-8 bytes, unsigned, without any
 * normalisation ({@code A < a}, {@code a < aa}, a composed {@code é} differs from {@code e} plus a
 * combining accent) [1]. Stateless and thread-safe.
 *
 * <p>[1] https://github.com/package-url/vers-spec (VERS types, "lexicographic")
 */
final class LexicographicScheme implements VersionScheme {
  static final LexicographicScheme INSTANCE = new LexicographicScheme();

  private LexicographicScheme() {}

  @Override
  public String name() {
    return "lexicographic";
  }

  @Override
  public Version parse(String text) {
    String version = Schemes.prepare(this, text);
    return new LexicographicVersion(version, version.getBytes(StandardCharsets.UTF_8));
  }

  private static final class LexicographicVersion extends AbstractVersion {
    private final byte[] bytes;

    LexicographicVersion(String text, byte[] bytes) {
      super(text, INSTANCE);
      this.bytes = bytes;
    }

    @Override
    int compareSame(AbstractVersion other) {
      return Integer.signum(Arrays.compareUnsigned(bytes, ((LexicographicVersion) other).bytes));
    }
  }
}
