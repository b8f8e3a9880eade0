package org.accord.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.accord.InvalidInputException;

/**
 * A package ecosystem Accord can order versions for: its PURL type, its OSV ecosystem name and its
 * {@link VersionScheme}. {@link #GENERIC} covers everything else (unknown PURL types) with a documented
 * fallback order.
 *
 * <p>OSV names map as the OSV schema's ecosystem list describes them [1]: a {@code :suffix} (a release,
 * a repository URL, a CPE) is ignored; Debian and Ubuntu use dpkg versions; Alpine and the apk-based
 * distributions (Wolfi, Chainguard, MinimOS, Alpaquita, BellSoft Hardened Containers) apk versions; Red
 * Hat and the RPM-based distributions (AlmaLinux, Rocky Linux, SUSE, openSUSE, Photon OS, Mageia,
 * openEuler, Azure Linux) rpm versions; {@code Root:<ecosystem>[:release]} the named base ecosystem. The
 * other ecosystems in the list are reported as unsupported.
 *
 * <p>[1] https://ossf.github.io/osv-schema/#affectedpackage-field (ecosystems.json)
 */
public enum Ecosystem {
  MAVEN("maven", "Maven", MavenScheme.INSTANCE),
  NPM("npm", "npm", SemverScheme.NPM),
  PYPI("pypi", "PyPI", Pep440Scheme.INSTANCE),
  GOLANG("golang", "Go", SemverScheme.GOLANG),
  CARGO("cargo", "crates.io", SemverScheme.CARGO),
  NUGET("nuget", "NuGet", NugetScheme.INSTANCE),
  GEM("gem", "RubyGems", GemScheme.INSTANCE),
  DEB("deb", "Debian", DebianScheme.INSTANCE),
  APK("apk", "Alpine", ApkScheme.INSTANCE),
  RPM("rpm", "Red Hat", RpmScheme.INSTANCE),
  COMPOSER("composer", "Packagist", ComposerScheme.INSTANCE),
  GENERIC("generic", "", GenericScheme.INSTANCE);

  /** OSV ecosystem names (without suffix) mapped to ecosystems, primary names first. */
  private static final Map<String, Ecosystem> OSV_NAMES = new LinkedHashMap<>();

  /** OSV ecosystems from the schema's list that Accord has no version scheme for. */
  private static final Set<String> UNSUPPORTED_OSV_NAMES =
      Set.of(
          "Android", "Bioconductor", "Bitnami", "CleanStart", "ConanCenter", "CRAN", "Docker Hardened Images",
          "Echo", "FreeBSD", "GHC", "GitHub Actions", "Hackage", "Hex", "Julia", "Kubernetes", "Linux",
          "opam", "OSS-Fuzz", "Pub", "SwiftURL", "TuxCare", "VSCode", "GIT");

  static {
    for (Ecosystem ecosystem : values()) {
      if (!ecosystem.osvName.isEmpty()) {
        OSV_NAMES.put(ecosystem.osvName, ecosystem);
      }
    }
    OSV_NAMES.put("Ubuntu", DEB);
    for (String apk : List.of("Wolfi", "Chainguard", "MinimOS", "Alpaquita", "BellSoft Hardened Containers")) {
      OSV_NAMES.put(apk, APK);
    }
    for (String rpm :
        List.of("AlmaLinux", "Rocky Linux", "SUSE", "openSUSE", "Photon OS", "Mageia", "openEuler", "Azure Linux")) {
      OSV_NAMES.put(rpm, RPM);
    }
  }

  private final String purlType;
  private final String osvName;
  private final VersionScheme scheme;

  Ecosystem(String purlType, String osvName, VersionScheme scheme) {
    this.purlType = purlType;
    this.osvName = osvName;
    this.scheme = scheme;
  }

  /** The scheme that parses and orders this ecosystem's versions. */
  public VersionScheme scheme() {
    return scheme;
  }

  /** The PURL type, such as {@code golang}; also the vers type of {@link #scheme()}. */
  public String purlType() {
    return purlType;
  }

  /** The primary OSV ecosystem name, such as {@code Go}; empty for {@link #GENERIC}. */
  public String osvName() {
    return osvName;
  }

  /** The ecosystem of a PURL type (case-insensitive); {@link #GENERIC} for any other type. */
  public static Ecosystem fromPurlType(String type) {
    if (type != null) {
      String lower = type.strip().toLowerCase(Locale.ROOT);
      for (Ecosystem ecosystem : values()) {
        if (ecosystem.purlType.equals(lower)) {
          return ecosystem;
        }
      }
    }
    return GENERIC;
  }

  /**
   * The ecosystem of an OSV {@code affected[].package.ecosystem} value, such as {@code crates.io}, {@code
   * Debian:12}, {@code Alpine:v3.18} or {@code Red Hat:rhel_aus:8.4::appstream}. Names match exactly,
   * else ignoring case.
   *
   * @throws InvalidInputException if the name is not an OSV ecosystem, or one Accord does not support;
   *     the message says which
   */
  public static Ecosystem fromOsvName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("missing OSV ecosystem name");
    }
    String full = name.strip();
    int colon = full.indexOf(':');
    String base = colon < 0 ? full : full.substring(0, colon);
    if (base.equals("Root")) {
      if (colon < 0) {
        throw new InvalidInputException(
            "OSV ecosystem 'Root' is not supported without its base ecosystem, as in 'Root:Alpine:3.18'");
      }
      try {
        return fromOsvName(full.substring(colon + 1));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(
            "unsupported OSV ecosystem '" + name + "': " + e.getMessage(), "", e);
      }
    }
    Ecosystem ecosystem = OSV_NAMES.get(base);
    if (ecosystem == null) {
      for (Map.Entry<String, Ecosystem> entry : OSV_NAMES.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(base)) {
          ecosystem = entry.getValue();
          break;
        }
      }
    }
    if (ecosystem != null) {
      return ecosystem;
    }
    for (String unsupported : UNSUPPORTED_OSV_NAMES) {
      if (unsupported.equalsIgnoreCase(base)) {
        throw new InvalidInputException(
            "OSV ecosystem '" + name + "' is not supported: Accord has no version scheme for "
                + unsupported + " (supported: " + String.join(", ", supportedOsvNames()) + ")");
      }
    }
    throw new InvalidInputException(
        "unknown OSV ecosystem '" + name + "' (supported: " + String.join(", ", supportedOsvNames()) + ")");
  }

  /** The OSV ecosystem names (without suffix) that map to an ecosystem, sorted. */
  public static Set<String> supportedOsvNames() {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(OSV_NAMES.keySet());
    names.add("Root:<ecosystem>");
    return names;
  }
}
