package org.accord.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.accord.InvalidInputException;

/** The registry of version schemes by vers type name, and their shared parsing helpers. Thread-safe. */
final class Schemes {
  private static final Map<String, VersionScheme> BY_NAME = new TreeMap<>();

  static {
    for (VersionScheme scheme :
        List.of(
            MavenScheme.INSTANCE,
            SemverScheme.NPM,
            SemverScheme.CARGO,
            SemverScheme.GOLANG,
            SemverScheme.SEMVER,
            Pep440Scheme.INSTANCE,
            NugetScheme.INSTANCE,
            GemScheme.INSTANCE,
            DebianScheme.INSTANCE,
            ApkScheme.INSTANCE,
            RpmScheme.INSTANCE,
            ComposerScheme.INSTANCE,
            GenericScheme.INSTANCE,
            AlpmScheme.INSTANCE,
            GentooScheme.INSTANCE,
            OpensslScheme.INSTANCE,
            ConanScheme.INSTANCE,
            NumericScheme.NGINX,
            NumericScheme.INTDOT,
            DatetimeScheme.INSTANCE,
            LexicographicScheme.INSTANCE)) {
      BY_NAME.put(scheme.name(), scheme);
    }
  }

  private Schemes() {}

  static VersionScheme forName(String name) {
    VersionScheme scheme = name == null ? null : BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
    if (scheme == null) {
      throw new InvalidInputException(
          "unknown version scheme '" + name + "'; known schemes: " + String.join(", ", BY_NAME.keySet()));
    }
    return scheme;
  }

  static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /**
   * The longest version accepted. Real versions are far shorter; the cap bounds the work any parser
   * (several use regular expressions) does on hostile input.
   */
  static final int MAX_LENGTH = 256;

  /** The text without surrounding whitespace; refuses null, empty and overlong text. */
  static String prepare(VersionScheme scheme, String text) {
    if (text == null) {
      throw new InvalidInputException("missing " + scheme.name() + " version");
    }
    String version = text.strip();
    if (version.isEmpty()) {
      throw invalid(scheme, text, "empty version");
    }
    if (version.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "invalid " + scheme.name() + " version '" + version.substring(0, 40) + "...': longer than "
              + MAX_LENGTH + " characters");
    }
    return version;
  }

  /** As {@link #prepare}, and refuses whitespace or control characters inside the version. */
  static String prepareToken(VersionScheme scheme, String text) {
    String version = prepare(scheme, text);
    for (int i = 0; i < version.length(); i++) {
      if (Character.isWhitespace(version.charAt(i)) || Character.isISOControl(version.charAt(i))) {
        throw invalid(scheme, text, "whitespace or control character inside the version");
      }
    }
    return version;
  }

  /** The error for a version a scheme refuses, naming both. */
  static InvalidInputException invalid(VersionScheme scheme, String text, String why) {
    return new InvalidInputException("invalid " + scheme.name() + " version '" + text + "': " + why);
  }
}
