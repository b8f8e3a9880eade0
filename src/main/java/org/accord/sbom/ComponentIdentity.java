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
   * when the PURL has none), else a generic PURL built from group, name and version; the warnings it
   * deserves are noted on {@code warnings}.
   *
   * @param purlText the declared PURL, or null
   * @param group the CycloneDX group, or null
   * @param name the declared name, or null
   * @param version the declared version, or null
   * @param ref the component's ref, used as the name when it has none
   */
  static Purl resolve(
      String purlText, String group, String name, String version, String ref, Warnings warnings) {
    Resolution resolution = resolve(purlText, group, name, version, ref);
    resolution.noteOn(warnings);
    return resolution.purl();
  }

  /**
   * The outcome of resolving one identity: the PURL and up to two warnings. Computing it touches no
   * shared state, so {@link BomAssembler} resolves many in parallel and notes the warnings afterwards
   * in document order.
   */
  record Resolution(Purl purl, Warnings.Kind kind, String example, boolean noVersion, String label) {
    void noteOn(Warnings warnings) {
      if (kind != null) {
        warnings.note(kind, example);
      }
      if (noVersion) {
        warnings.note(Warnings.Kind.NO_VERSION, label);
      }
    }
  }

  static Resolution resolve(String purlText, String group, String name, String version, String ref) {
    if (purlText != null && !purlText.isBlank()) {
      try {
        Purl purl = Purl.parse(purlText);
        if (!purl.hasVersion() && !isBlank(version)) {
          purl = purl.withVersion(version.strip());
        }
        // A PURL of plain ASCII without escapes always rebuilds to itself (ComponentIdentityTest
        // proves it over the purl-spec suite), so only the others pay for the round trip.
        if (needsRoundTripCheck(purlText) && !roundTrips(purl)) {
          String label = label(name, version, ref);
          return genericFor(
              group, name, version, ref, Warnings.Kind.INVALID_PURL,
              label + " (" + Warnings.quote(purlText)
                  + ": does not survive canonicalisation; packageurl-java 1.5.0 mis-encodes non-ASCII and control characters)");
        }
        return purl.hasVersion()
            ? new Resolution(purl, null, null, false, null)
            : new Resolution(purl, null, null, true, label(name, version, ref));
      } catch (InvalidInputException e) {
        return genericFor(
            group, name, version, ref, Warnings.Kind.INVALID_PURL,
            label(name, version, ref) + " (" + Warnings.quote(purlText) + ": " + reasonOf(e.getMessage()) + ")");
      }
    }
    return genericFor(group, name, version, ref, Warnings.Kind.NO_PURL, label(name, version, ref));
  }

  private static Resolution genericFor(
      String group, String name, String version, String ref, Warnings.Kind kind, String example) {
    Purl generic = generic(group, isBlank(name) ? ref : name, version);
    return new Resolution(generic, kind, example, isBlank(version), isBlank(version) ? label(name, version, ref) : null);
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
    String namespace = namespaceOf(group);
    Purl plain = build(namespace, name, version);
    if ((isPrintableAscii(namespace) && isPrintableAscii(name) && isPrintableAscii(version)) || roundTrips(plain)) {
      return plain;
    }
    Purl escaped = build(escape(namespace), escape(name), escape(version));
    if (roundTrips(escaped)) {
      return escaped;
    }
    Purl withoutGroup = build(null, escape(name), escape(version));
    return roundTrips(withoutGroup) ? withoutGroup : Purl.generic("unnamed", "");
  }

  /**
   * A CycloneDX group as a PURL namespace: its {@code /}-separated segments without the empty ones
   * (which the PURL form cannot carry), or null when nothing is left.
   */
  private static String namespaceOf(String group) {
    if (isBlank(group)) {
      return null;
    }
    StringBuilder namespace = new StringBuilder();
    for (String segment : group.strip().split("/")) {
      if (!segment.isBlank()) {
        namespace.append(namespace.length() == 0 ? "" : "/").append(segment.strip());
      }
    }
    return namespace.length() == 0 ? null : namespace.toString();
  }

  private static Purl build(String namespace, String name, String version) {
    Purl generic = Purl.generic(name, version);
    if (isBlank(namespace)) {
      return generic;
    }
    return new Purl("generic", namespace, generic.name(), generic.version(), null, "");
  }

  static boolean roundTrips(Purl purl) {
    try {
      return Purl.parse(purl.canonical()).equals(purl);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether a PURL text could hit packageurl-java 1.5.0's encoding bugs: a raw character outside
   * printable ASCII, or a percent-escape of one (escapes of printable ASCII, such as {@code %2F} and
   * {@code %40}, which most real PURLs carry, are safe).
   */
  private static boolean needsRoundTripCheck(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return true;
      }
      if (c == '%') {
        int value = i + 2 < text.length() ? hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)) : -1;
        if (value < 0x20 || value > 0x7e) {
          return true;
        }
      }
    }
    return false;
  }

  private static int hex(char c) {
    int digit = Character.digit(c, 16);
    return digit < 0 ? -1000 : digit;
  }

  /** Null, or every character printable ASCII (which packageurl-java 1.5.0 encodes correctly). */
  private static boolean isPrintableAscii(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
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

  /** The first value that is not blank, stripped; {@code ""} when all are. */
  static String firstNonBlank(String... values) {
    for (String value : values) {
      if (!isBlank(value)) {
        return value.strip();
      }
    }
    return "";
  }

  /** packageurl-java's reason without the repeated PURL text. */
  private static String reasonOf(String message) {
    int colon = message.lastIndexOf("': ");
    return colon >= 0 ? message.substring(colon + 3) : message;
  }
}
