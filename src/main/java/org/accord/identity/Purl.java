package org.accord.identity;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.accord.InvalidInputException;

/**
 * A package URL in canonical form, as the <a href="https://github.com/package-url/purl-spec">purl
 * specification</a> defines it, parsed and normalised by packageurl-java.
 *
 * <p>Two PURLs that name the same package version have equal {@link #canonical()} strings, so the
 * canonical string is the key of the global component catalogue. {@link #packageKey()} drops the
 * version, qualifiers and subpath: it names the package whose versions a range selects from.
 *
 * <p>Instances are immutable and thread-safe. No component is null: absent parts are empty strings and
 * an empty qualifier map.
 *
 * @param type the package type, lower case, such as {@code maven}
 * @param namespace the namespace, possibly empty
 * @param name the name
 * @param version the version, possibly empty
 * @param qualifiers the qualifiers, sorted by key
 * @param subpath the subpath, possibly empty
 */
public record Purl(
    String type,
    String namespace,
    String name,
    String version,
    SortedMap<String, String> qualifiers,
    String subpath) {

  public Purl {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    namespace = namespace == null ? "" : namespace;
    version = version == null ? "" : version;
    subpath = subpath == null ? "" : subpath;
    qualifiers =
        qualifiers == null
            ? java.util.Collections.emptySortedMap()
            : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(qualifiers));
  }

  /**
   * Parses and canonicalises a PURL.
   *
   * @throws InvalidInputException if the text is not a valid package URL; the message says why
   */
  public static Purl parse(String text) {
    Objects.requireNonNull(text, "text");
    PackageURL parsed;
    try {
      parsed = new PackageURL(text.strip());
    } catch (MalformedPackageURLException | RuntimeException e) {
      throw new InvalidInputException("invalid package URL '" + text + "': " + e.getMessage());
    }
    Map<String, String> qualifiers = parsed.getQualifiers();
    return new Purl(
        parsed.getType(),
        parsed.getNamespace(),
        parsed.getName(),
        parsed.getVersion(),
        qualifiers == null ? null : new TreeMap<>(qualifiers),
        parsed.getSubpath());
  }

  /** Builds the generic identity Accord gives a component that has no PURL of its own. */
  public static Purl generic(String name, String version) {
    String safeName = name == null || name.isBlank() ? "unnamed" : name.strip();
    return new Purl("generic", "", safeName, version == null ? "" : version.strip(), null, "");
  }

  /** This PURL with another version (empty for none); qualifiers and subpath are kept. */
  public Purl withVersion(String newVersion) {
    return new Purl(type, namespace, name, newVersion, qualifiers, subpath);
  }

  /** Whether a version is present. */
  public boolean hasVersion() {
    return !version.isEmpty();
  }

  /** The canonical string form, as packageurl-java prints it. */
  public String canonical() {
    try {
      return new PackageURL(
              type,
              namespace.isEmpty() ? null : namespace,
              name,
              version.isEmpty() ? null : version,
              qualifiers.isEmpty() ? null : new TreeMap<>(qualifiers),
              subpath.isEmpty() ? null : subpath)
          .canonicalize();
    } catch (MalformedPackageURLException e) {
      throw new IllegalStateException("a parsed PURL no longer builds: " + e.getMessage(), e);
    }
  }

  /** The package without version, qualifiers or subpath, such as {@code pkg:maven/org.libra/libracore}. */
  public String packageKey() {
    return withVersion("").withoutQualifiers().canonical();
  }

  private Purl withoutQualifiers() {
    return new Purl(type, namespace, name, version, null, "");
  }

  @Override
  public String toString() {
    return canonical();
  }
}
