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
        // No canonical() here: packageurl-java validates the same rules when parsing as when
        // building, so a parsed PURL always rebuilds (ComponentIdentityTest checks this over the
        // purl-spec suite and the SBOM corpus), and skipping it saves a third of the PURL cost.
        if (!purl.hasVersion()) {
          warnings.note(Warnings.Kind.NO_VERSION, label(name, version, ref));
        }
        return purl;
      } catch (InvalidInputException e) {
        String reason = reasonOf(e.getMessage());
        warnings.note(
            Warnings.Kind.INVALID_PURL,
            label(name, version, ref) + " (" + Warnings.quote(purlText) + ": " + reason + ")");
      }
    } else {
      warnings.note(Warnings.Kind.NO_PURL, label(name, version, ref));
    }
    if (isBlank(version)) {
      warnings.note(Warnings.Kind.NO_VERSION, label(name, version, ref));
    }
    return generic(group, isBlank(name) ? ref : name, version);
  }

  /** A generic PURL; falls back to {@link Purl#generic} without namespace if the group is unusable. */
  static Purl generic(String group, String name, String version) {
    Purl generic = Purl.generic(name, version);
    if (!isBlank(group)) {
      Purl withGroup =
          new Purl("generic", group.strip(), generic.name(), generic.version(), null, "");
      try {
        withGroup.canonical();
        return withGroup;
      } catch (IllegalStateException e) {
        return generic;
      }
    }
    return generic;
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
