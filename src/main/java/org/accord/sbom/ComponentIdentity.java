package org.accord.sbom;

import org.accord.InvalidInputException;
import org.accord.identity.Purl;

/**
 * Turns what a document declares about a component (PURL, group, name, version) into its {@link Purl}
 * identity, noting on {@link Warnings} what was missing or wrong. Stateless.
 */
final class ComponentIdentity {
  private ComponentIdentity() {}

  /**
   * The component's identity: its declared PURL canonicalised (with the declared version filled in
   * when the PURL has none), else a generic PURL built from group, name and version.
   *
   * @param purlText the declared PURL, or null
   * @param group the CycloneDX group, or null
   * @param name the declared name, or null
   * @param version the declared version, or null
   * @param ref the component's ref, used as the name when it has none
   */
  static Purl resolve(
      String purlText, String group, String name, String version, String ref, Warnings warnings) {
    if (purlText != null && !purlText.isBlank()) {
      try {
        Purl purl = Purl.parse(purlText);
        if (!purl.hasVersion() && !isBlank(version)) {
          purl = purl.withVersion(version.strip());
        }
        // A PURL of plain ASCII without escapes always rebuilds to itself (ComponentIdentityTest
        // proves it over the purl-spec suite), so only the others pay for the round trip.
        if (needsRoundTripCheck(purlText) && !roundTrips(purl)) {
          warnings.note(
              Warnings.Kind.INVALID_PURL,
              label(name, version, ref) + " (" + Warnings.quote(purlText)
                  + ": does not survive canonicalisation; packageurl-java 1.5.0 mis-encodes non-ASCII and control characters)");
          return genericOrWarn(group, name, version, ref, warnings);
        }
        if (!purl.hasVersion()) {
          warnings.note(Warnings.Kind.NO_VERSION, label(name, version, ref));
        }
        return purl;
      } catch (InvalidInputException e) {
        warnings.note(
            Warnings.Kind.INVALID_PURL,
            label(name, version, ref) + " (" + Warnings.quote(purlText) + ": " + reasonOf(e.getMessage()) + ")");
      }
    } else {
      warnings.note(Warnings.Kind.NO_PURL, label(name, version, ref));
    }
    return genericOrWarn(group, name, version, ref, warnings);
  }

  private static Purl genericOrWarn(String group, String name, String version, String ref, Warnings warnings) {
    if (isBlank(version)) {
      warnings.note(Warnings.Kind.NO_VERSION, label(name, version, ref));
    }
    return generic(group, isBlank(name) ? ref : name, version);
  }

  /**
   * A generic PURL whose canonical text parses back to it. packageurl-java 1.5.0 (the newest on
   * Maven Central) percent-encodes non-ASCII characters with sign-extended bytes ({@code é} becomes
   * {@code %FFFFFFC3%FFFFFFA9}) and control characters without zero padding ({@code %9}), fixed
   * upstream in package-url/packageurl-java#160. So when the plain identity does not round-trip,
   * control characters become spaces and non-ASCII characters are spelled as the text of their UTF-8
   * escapes ({@code café} becomes the name {@code caf%C3%A9}): deterministic, and distinct names stay
   * distinct.
   */
  static Purl generic(String group, String name, String version) {
    Purl plain = build(group, name, version);
    if (roundTrips(plain)) {
      return plain;
    }
    Purl escaped = build(escape(group), escape(name), escape(version));
    return roundTrips(escaped) ? escaped : Purl.generic("unnamed", "");
  }

  private static Purl build(String group, String name, String version) {
    Purl generic = Purl.generic(name, version);
    if (isBlank(group)) {
      return generic;
    }
    return new Purl("generic", group.strip(), generic.name(), generic.version(), null, "");
  }

  static boolean roundTrips(Purl purl) {
    try {
      return Purl.parse(purl.canonical()).equals(purl);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean needsRoundTripCheck(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || c < 0x20 || c > 0x7e) {
        return true;
      }
    }
    return false;
  }

  private static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7f) {
                out.append(' ');
              } else if (cp > 0x7e) {
                for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                  out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                      .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString().strip();
  }

  /** How warnings name a component: {@code 'name@version'}, or its ref when it has no name. */
  static String label(String name, String version, String ref) {
    if (isBlank(name)) {
      return "ref " + Warnings.quote(ref);
    }
    return Warnings.quote(isBlank(version) ? name.strip() : name.strip() + "@" + version.strip());
  }

  static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /** packageurl-java's reason without the repeated PURL text. */
  private static String reasonOf(String message) {
    int colon = message.lastIndexOf("': ");
    return colon >= 0 ? message.substring(colon + 3) : message;
  }
}
