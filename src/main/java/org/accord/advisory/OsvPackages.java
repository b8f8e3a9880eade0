package org.accord.advisory;

import java.util.Locale;
import org.accord.InvalidInputException;
import org.accord.identity.Ecosystem;
import org.accord.identity.Purl;

/**
 * Maps an OSV package (ecosystem and name) to the PURL that names it in SBOMs, and back. Stateless.
 *
 * <p>The rules follow the PURL type definitions [1] and OSV's ecosystem list [2]: Maven's {@code
 * group:artifact} becomes namespace and name; npm scopes, Go module paths and Packagist vendors become
 * the namespace; Debian, Ubuntu, Alpine and the RPM distributions name the distribution as the
 * namespace ({@code pkg:deb/debian/openssl}, {@code pkg:rpm/redhat/git-lfs}). When the OSV entry carries
 * its own {@code purl}, that PURL wins, so a producer's own mapping is respected.
 *
 * <p>[1] https://github.com/package-url/purl-spec/blob/main/PURL-TYPES.rst
 * <br>[2] https://ossf.github.io/osv-schema/#affectedpackage-field
 */
final class OsvPackages {
  private OsvPackages() {}

  /**
   * The package key (a canonical PURL without version) of an OSV package.
   *
   * @param osvEcosystem the ecosystem as written, such as {@code Alpine:v3.18}
   * @param ecosystem the ecosystem it maps to
   * @param name the package name
   * @param purl the entry's own {@code purl}, or empty
   * @throws InvalidInputException if the name or PURL is not valid for the ecosystem
   */
  static String packageKey(String osvEcosystem, Ecosystem ecosystem, String name, String purl) {
    if (!purl.isBlank()) {
      Purl parsed;
      try {
        parsed = Purl.parse(purl);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), "purl", e);
      }
      if (Ecosystem.fromPurlType(parsed.type()) != ecosystem) {
        throw new InvalidInputException(
            "PURL type '" + parsed.type() + "' does not match OSV ecosystem '" + osvEcosystem + "'", "purl");
      }
      return parsed.packageKey();
    }
    String base = osvEcosystem.contains(":") ? osvEcosystem.substring(0, osvEcosystem.indexOf(':')) : osvEcosystem;
    if (base.equals("Root")) {
      String rest = osvEcosystem.substring(osvEcosystem.indexOf(':') + 1);
      base = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : rest;
    }
    String namespace = null;
    String packageName = name.strip();
    switch (ecosystem) {
      case MAVEN -> {
        int colon = packageName.indexOf(':');
        if (colon <= 0 || colon == packageName.length() - 1) {
          throw new InvalidInputException("a Maven package name is group:artifact, not '" + name + "'", "name");
        }
        namespace = packageName.substring(0, colon);
        packageName = packageName.substring(colon + 1);
      }
      case NPM, GOLANG, COMPOSER -> {
        int slash = packageName.lastIndexOf('/');
        if (slash > 0) {
          namespace = packageName.substring(0, slash);
          packageName = packageName.substring(slash + 1);
        }
      }
      case DEB, APK, RPM -> namespace = distribution(base);
      default -> {}
    }
    try {
      return Purl.of(ecosystem.purlType(), namespace, packageName, null, null, null).packageKey();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage(), "name", e);
    }
  }

  /** The PURL namespace of a distribution ecosystem: the distribution's name in lower case. */
  private static String distribution(String base) {
    return switch (base) {
      case "Red Hat" -> "redhat";
      case "Rocky Linux" -> "rocky-linux";
      case "Photon OS" -> "photon";
      case "Azure Linux" -> "azurelinux";
      case "BellSoft Hardened Containers" -> "bellsoft";
      default -> base.toLowerCase(Locale.ROOT).replace(' ', '-');
    };
  }

  /**
   * The OSV package name of a package key, as OSV writes it for the key's ecosystem: Maven's {@code
   * group:artifact}, a scoped npm name, a Go module path, a Packagist {@code vendor/package}, else the
   * PURL name.
   */
  static String osvName(Purl purl) {
    Ecosystem ecosystem = Ecosystem.fromPurlType(purl.type());
    if (purl.namespace().isEmpty()) {
      return purl.name();
    }
    return switch (ecosystem) {
      case MAVEN -> purl.namespace() + ":" + purl.name();
      case NPM, GOLANG, COMPOSER -> purl.namespace() + "/" + purl.name();
      default -> purl.name();
    };
  }

  /** The OSV ecosystem name of a package key, with the distribution where OSV names one, or empty. */
  static String osvEcosystem(Purl purl) {
    Ecosystem ecosystem = Ecosystem.fromPurlType(purl.type());
    if (ecosystem == Ecosystem.GENERIC) {
      return "";
    }
    return switch (ecosystem) {
      case DEB -> purl.namespace().equalsIgnoreCase("ubuntu") ? "Ubuntu" : "Debian";
      case APK -> purl.namespace().equalsIgnoreCase("wolfi") ? "Wolfi" : "Alpine";
      case RPM -> switch (purl.namespace().toLowerCase(Locale.ROOT)) {
        case "suse" -> "SUSE";
        case "opensuse" -> "openSUSE";
        case "almalinux" -> "AlmaLinux";
        case "rocky-linux" -> "Rocky Linux";
        default -> "Red Hat";
      };
      default -> ecosystem.osvName();
    };
  }
}
