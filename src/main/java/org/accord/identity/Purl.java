package org.accord.identity;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.accord.InvalidInputException;

/**
 * A package URL in canonical form, as the <a href="https://github.com/package-url/purl-spec">purl
 * specification</a> (ECMA-427) defines it. packageurl-java splits, decodes and validates; Accord adds the
 * spec's canonical percent-encoding and the type rules packageurl-java 1.5.0 lacks (see {@link PurlTypes}).
 *
 * <p>Two PURLs that name the same package version have equal {@link #canonical()} strings, so the
 * canonical string is the key of the global component catalogue. {@link #packageKey()} drops the
 * version, qualifiers and subpath: it names the package whose versions a range selects from.
 *
 * <p>Instances are immutable and thread-safe. No component is null: absent parts are empty strings and
 * an empty qualifier map. The canonical constructor stores what it is given; {@link #parse} and {@link
 * #of} are the validating, normalising factories.
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
            ? Collections.emptySortedMap()
            : Collections.unmodifiableSortedMap(new TreeMap<>(qualifiers));
  }

  /**
   * Parses and canonicalises a PURL. Following the spec's parsing rules, the scheme, type and qualifier
   * keys are case-insensitive, empty qualifier values are dropped and the subpath loses empty, {@code .}
   * and {@code ..} segments; an unencoded {@code @} that opens a namespace segment (an npm scope, as in
   * {@code pkg:npm/@babel/core}) is read as part of the namespace, not as the version separator.
   * Thread-safe.
   *
   * @throws InvalidInputException if the text is not a valid package URL; the message says why
   */
  public static Purl parse(String text) {
    Objects.requireNonNull(text, "text");
    PackageURL parsed;
    try {
      parsed = new PackageURL(encodeScopeAt(text.strip()));
    } catch (MalformedPackageURLException | RuntimeException e) {
      throw new InvalidInputException("invalid package URL '" + text + "': " + e.getMessage());
    }
    return fromLibrary(parsed, text);
  }

  /**
   * Builds a PURL from decoded components, validating and normalising them as {@link #parse} does.
   * Null stands for an absent component.
   *
   * @throws InvalidInputException if the components do not form a valid package URL
   */
  public static Purl of(
      String type, String namespace, String name, String version, Map<String, String> qualifiers, String subpath) {
    String what = "package URL components type=" + type + " namespace=" + namespace + " name=" + name;
    if (type != null && PurlTypes.nameMayHoldSlash(type) && name != null && name.contains("/")) {
      // The library refuses a slash in a name; these types keep the repository path there.
      String extra = name.substring(0, name.lastIndexOf('/'));
      namespace = namespace == null || namespace.isEmpty() ? extra : namespace + "/" + extra;
      name = name.substring(name.lastIndexOf('/') + 1);
    }
    PackageURL built;
    try {
      built =
          new PackageURL(
              type, namespace, name, version, qualifiers == null ? null : new TreeMap<>(qualifiers), subpath);
    } catch (MalformedPackageURLException | RuntimeException e) {
      throw new InvalidInputException("invalid " + what + ": " + e.getMessage());
    }
    return fromLibrary(built, what);
  }

  private static Purl fromLibrary(PackageURL purl, String what) {
    Map<String, String> libraryQualifiers = purl.getQualifiers();
    TreeMap<String, String> qualifiers = new TreeMap<>();
    if (libraryQualifiers != null) {
      libraryQualifiers.forEach(
          (key, value) -> {
            if (value != null && !value.isEmpty()) {
              qualifiers.put(key, value);
            }
          });
    }
    Purl raw =
        new Purl(
            purl.getType(),
            purl.getNamespace(),
            purl.getName(),
            purl.getVersion(),
            qualifiers,
            purl.getSubpath());
    return PurlTypes.normalise(raw, what);
  }

  /**
   * Percent-encodes an {@code @} that starts a namespace segment (one followed by another segment)
   * before the version separator is searched, so {@code pkg:npm/@scope/name} keeps its scope while
   * {@code pkg:cran/@1.0} still has an empty name. Only the part before {@code ?} and {@code #} is
   * touched.
   */
  private static String encodeScopeAt(String text) {
    int end = text.length();
    int hash = text.indexOf('#');
    if (hash >= 0) {
      end = hash;
    }
    int question = text.indexOf('?');
    if (question >= 0 && question < end) {
      end = question;
    }
    int colon = text.indexOf(':');
    StringBuilder out = null;
    for (int i = Math.max(colon, 0); i < end; i++) {
      if (text.charAt(i) == '@' && i > 0 && text.charAt(i - 1) == '/' && text.indexOf('/', i) >= 0
          && text.indexOf('/', i) < end) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append("%40");
      } else if (out != null) {
        out.append(text.charAt(i));
      }
    }
    return out == null ? text : out.append(text, end, text.length()).toString();
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

  /**
   * The canonical string form: lower-case scheme and type, each namespace, name and subpath segment
   * percent-encoded except for the characters the spec leaves bare (ASCII letters and digits, {@code
   * . - _ ~} and {@code :}), qualifiers sorted by key with empty values dropped.
   */
  public String canonical() {
    StringBuilder out = new StringBuilder(64).append("pkg:").append(type).append('/');
    if (!namespace.isEmpty()) {
      appendSegments(out, namespace);
      out.append('/');
    }
    if (PurlTypes.nameMayHoldSlash(type)) {
      appendSegments(out, name);
    } else {
      PurlEncoding.encode(out, name);
    }
    if (!version.isEmpty()) {
      PurlEncoding.encode(out.append('@'), version);
    }
    char separator = '?';
    for (Map.Entry<String, String> qualifier : qualifiers.entrySet()) {
      if (qualifier.getValue().isEmpty()) {
        continue;
      }
      out.append(separator).append(qualifier.getKey()).append('=');
      PurlEncoding.encode(out, qualifier.getValue());
      separator = '&';
    }
    if (!subpath.isEmpty()) {
      out.append('#');
      appendSegments(out, subpath);
    }
    return out.toString();
  }

  private static void appendSegments(StringBuilder out, String path) {
    int start = 0;
    boolean first = true;
    while (start <= path.length()) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      if (end > start) {
        if (!first) {
          out.append('/');
        }
        PurlEncoding.encode(out, path.substring(start, end));
        first = false;
      }
      start = end + 1;
    }
  }

  /** The package without version, qualifiers or subpath, such as {@code pkg:maven/org.libra/libracore}. */
  public String packageKey() {
    return packageKeyOf(canonical());
  }

  /**
   * The package key of a canonical PURL string: the text before its version, qualifiers or subpath.
   * In canonical form {@code @}, {@code ?} and {@code #} are percent-encoded inside every segment, so
   * the first of them starts the part to drop. For callers that already hold the canonical string.
   */
  public static String packageKeyOf(String canonical) {
    int end = canonical.length();
    for (int i = 0; i < canonical.length(); i++) {
      char c = canonical.charAt(i);
      if (c == '@' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    return canonical.substring(0, end);
  }

  @Override
  public String toString() {
    return canonical();
  }
}
