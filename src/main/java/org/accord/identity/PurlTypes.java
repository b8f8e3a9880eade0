package org.accord.identity;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.accord.InvalidInputException;

/**
 * Type-specific PURL rules that packageurl-java 1.5.0 does not apply, taken from the purl-spec type
 * definitions as its conformance suite exercises them [1]. Stateless and thread-safe.
 *
 * <p>Normalisations: Homebrew, Composer and git namespaces and names are case-insensitive and stored
 * lower case; Hugging Face versions (commit hashes) are lower case; MLflow names are lower case when the
 * model lives in Databricks (its registry is case-insensitive, Azure ML's is not). A git PURL's namespace
 * is the host only: the repository path belongs to the name ({@code pkg:git/codeberg.org/forgejo/forgejo}
 * has name {@code forgejo/forgejo}).
 *
 * <p>Validations: namespaces required (swift, vscode-extension) or prohibited (otp, vcpkg); Julia needs
 * its {@code uuid} qualifier; a CPAN name is a distribution, never a {@code ::} module name; a Chrome
 * extension id is 32 letters {@code a-p} and its version at most four numeric parts.
 *
 * <p>[1] https://github.com/package-url/purl-spec/tree/main/types
 */
final class PurlTypes {
  private static final Set<String> LOWER_CASE_NAMESPACE_AND_NAME = Set.of("brew", "composer", "git");
  private static final Set<String> NAMESPACE_REQUIRED = Set.of("swift", "vscode-extension");
  private static final Set<String> NAMESPACE_PROHIBITED = Set.of("otp", "vcpkg");
  private static final Map<String, String> REQUIRED_QUALIFIER = Map.of("julia", "uuid");
  private static final Pattern CHROME_ID = Pattern.compile("[a-p]{32}");
  private static final Pattern CHROME_VERSION = Pattern.compile("\\d+(\\.\\d+){0,3}");

  private PurlTypes() {}

  /** Whether the type keeps a path with slashes in its name (git: the repository path on the host). */
  static boolean nameMayHoldSlash(String type) {
    return "git".equals(type);
  }

  /** Applies the normalisations and validations above; {@code what} names the input in errors. */
  static Purl normalise(Purl purl, String what) {
    String type = purl.type();
    String namespace = purl.namespace();
    String name = purl.name();
    String version = purl.version();
    if ("git".equals(type)) {
      int slash = namespace.indexOf('/');
      if (slash >= 0) {
        name = namespace.substring(slash + 1) + "/" + name;
        namespace = namespace.substring(0, slash);
      }
    }
    if (LOWER_CASE_NAMESPACE_AND_NAME.contains(type)) {
      namespace = lower(namespace);
      name = lower(name);
    }
    if ("huggingface".equals(type)) {
      version = lower(version);
    }
    if ("mlflow".equals(type) && purl.qualifiers().getOrDefault("repository_url", "").contains("databricks")) {
      name = lower(name);
    }
    if (NAMESPACE_REQUIRED.contains(type) && namespace.isEmpty()) {
      throw invalid(what, "a " + type + " package URL needs a namespace");
    }
    if (NAMESPACE_PROHIBITED.contains(type) && !namespace.isEmpty()) {
      throw invalid(what, "a " + type + " package URL has no namespace");
    }
    String qualifier = REQUIRED_QUALIFIER.get(type);
    if (qualifier != null && !purl.qualifiers().containsKey(qualifier)) {
      throw invalid(what, "a " + type + " package URL needs the '" + qualifier + "' qualifier");
    }
    if ("cpan".equals(type) && name.contains("::")) {
      throw invalid(what, "a cpan name is a distribution name, not a module name with '::'");
    }
    if ("chrome-extension".equals(type)) {
      if (!CHROME_ID.matcher(name).matches()) {
        throw invalid(what, "a chrome-extension name is a 32-letter id of a-p");
      }
      if (!version.isEmpty() && !CHROME_VERSION.matcher(version).matches()) {
        throw invalid(what, "a chrome-extension version has one to four numeric parts");
      }
    }
    return new Purl(type, namespace, name, version, new TreeMap<>(purl.qualifiers()), purl.subpath());
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static InvalidInputException invalid(String what, String problem) {
    return new InvalidInputException("invalid package URL '" + what + "': " + problem);
  }
}
