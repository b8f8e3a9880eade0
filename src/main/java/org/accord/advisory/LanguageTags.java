package org.accord.advisory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a BCP 47 language tag is valid: well-formed, and made of subtags that exist.
 *
 * <p>CSAF 2.0 §6.1.12 asks that every {@code lang_t} be "valid and exist". The JDK's {@link
 * java.util.Locale.Builder} checks well-formedness only, and accepts some ill-formed tags (a repeated
 * extension singleton), so the grammar is checked here, subtag by subtag.
 */
final class LanguageTags {
  /*
   * How and why.
   *
   * Well-formedness follows the ABNF of RFC 5646 §2.1 [1]: language (2-3 letters, optionally up to
   * three 3-letter extlangs; 4 letters reserved; 5-8 letters registered), script (4 letters), region
   * (2 letters or 3 digits), variants (5-8 alphanumerics, or a digit and 3 alphanumerics), extensions
   * (a singleton other than x, then subtags of 2-8 alphanumerics), private use (x, then subtags of 1-8
   * alphanumerics), and the 26 grandfathered tags, which are valid as a whole. Validity (§2.2.9) adds:
   * no variant or singleton twice, and every language, extlang, script and region subtag in the IANA
   * Language Subtag Registry [2].
   *
   * The registry itself is not on the classpath. Its language, script and region subtags are the ISO
   * 639, ISO 15924 and ISO 3166-1 code elements, which we ship as a code list (bcp47-subtags.txt, see
   * ADR 0042), plus what the registry adds and is listed below: the private-use ranges qaa-qtz, Qaaa-
   * Qabx, AA, QM-QZ, XA-XZ and ZZ (RFC 5646 §2.2.1, §2.2.3, §2.2.4), the UN M.49 area codes, the
   * exceptionally reserved EU, EZ and UN, the deprecated regions and the deprecated two-letter
   * languages. Variant and extension subtags are checked for form only: the registry's variant list is
   * not shipped, and extensions are governed by their own RFCs.
   *
   * [1] RFC 5646, Tags for Identifying Languages, §2.1 (syntax), §2.2.9 (classes of conformance).
   * [2] IANA Language Subtag Registry, https://www.iana.org/assignments/language-subtag-registry.
   */

  private static final Set<String> GRANDFATHERED =
      Set.of(
          "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
          "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de", "art-lojban",
          "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang");

  /** UN M.49 area codes in the registry. */
  private static final Set<String> M49_AREAS =
      Set.of(
          "001", "002", "003", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029", "030",
          "034", "035", "039", "053", "054", "057", "061", "142", "143", "145", "150", "151", "154", "155", "202",
          "419");

  /** Region subtags in the registry that ISO 3166-1 does not (or no longer) assign. */
  private static final Set<String> EXTRA_REGIONS =
      Set.of("AA", "ZZ", "EU", "EZ", "UN", "BU", "CS", "DD", "FX", "NT", "TP", "YD", "YU", "ZR");

  /** Deprecated two-letter language subtags the registry keeps (ISO 639-1 withdrew them). */
  private static final Set<String> EXTRA_LANGUAGES = Set.of("in", "iw", "ji", "jw", "mo");

  private static final Pattern ALPHA = Pattern.compile("[a-z]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern ALPHANUM = Pattern.compile("[a-z0-9]+");

  private final Set<String> languages;
  private final Set<String> scripts;
  private final Set<String> regions;

  private LanguageTags(Set<String> languages, Set<String> scripts, Set<String> regions) {
    this.languages = languages;
    this.scripts = scripts;
    this.regions = regions;
  }

  /** The shared instance, loaded from the classpath on first use. */
  static LanguageTags registry() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final LanguageTags INSTANCE = load();
  }

  private static LanguageTags load() {
    Map<String, Set<String>> sections = new HashMap<>();
    try (InputStream in = LanguageTags.class.getResourceAsStream("bcp47-subtags.txt")) {
      if (in == null) {
        throw new IllegalStateException("bcp47-subtags.txt is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Set<String> current = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[")) {
          current = sections.computeIfAbsent(line.substring(1, line.length() - 1), name -> new HashSet<>());
          continue;
        }
        for (String code : line.split("\\s+")) {
          current.add(code.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LanguageTags(
        Set.copyOf(sections.getOrDefault("language", Set.of())),
        Set.copyOf(sections.getOrDefault("script", Set.of())),
        Set.copyOf(sections.getOrDefault("region", Set.of())));
  }

  /**
   * Checks one tag.
   *
   * @return null when the tag is valid, else why not, naming the offending subtag
   */
  String problem(String tag) {
    String lower = tag.toLowerCase(Locale.ROOT);
    if (GRANDFATHERED.contains(lower)) {
      return null;
    }
    List<String> subtags = List.of(lower.split("-", -1));
    int index = 0;
    if (subtags.get(0).equals("x")) {
      return privateUse(subtags, 0);
    }
    String language = subtags.get(index++);
    if (!ALPHA.matcher(language).matches() || language.length() < 2 || language.length() > 8) {
      return "'" + language + "' is not a language subtag";
    }
    if (language.length() == 4) {
      return "four-letter language subtag '" + language + "' is reserved";
    }
    if (!knownLanguage(language)) {
      return "language '" + language + "' is not in the language subtag registry";
    }
    for (int extlangs = 0; language.length() <= 3 && extlangs < 3 && index < subtags.size(); extlangs++) {
      String extlang = subtags.get(index);
      if (extlang.length() != 3 || !ALPHA.matcher(extlang).matches()) {
        break;
      }
      if (!languages.contains(extlang)) {
        return "extended language '" + extlang + "' is not in the language subtag registry";
      }
      index++;
    }
    if (index < subtags.size() && subtags.get(index).length() == 4 && ALPHA.matcher(subtags.get(index)).matches()) {
      String script = subtags.get(index++);
      if (!scripts.contains(script) && !inRange(script, "qaaa", "qabx")) {
        return "script '" + script + "' is not in the language subtag registry";
      }
    }
    if (index < subtags.size() && isRegion(subtags.get(index))) {
      String region = subtags.get(index++);
      if (!knownRegion(region)) {
        return "region '" + region.toUpperCase(Locale.ROOT) + "' is not in the language subtag registry";
      }
    }
    Set<String> variants = new HashSet<>();
    while (index < subtags.size() && isVariant(subtags.get(index))) {
      if (!variants.add(subtags.get(index))) {
        return "variant '" + subtags.get(index) + "' appears twice";
      }
      index++;
    }
    Set<String> singletons = new HashSet<>();
    while (index < subtags.size()) {
      String singleton = subtags.get(index);
      if (singleton.equals("x")) {
        return privateUse(subtags, index);
      }
      if (singleton.length() != 1 || !ALPHANUM.matcher(singleton).matches()) {
        return "'" + singleton + "' is not a valid subtag here";
      }
      if (!singletons.add(singleton)) {
        return "extension '" + singleton + "' appears twice";
      }
      int start = ++index;
      while (index < subtags.size()
          && subtags.get(index).length() >= 2
          && subtags.get(index).length() <= 8
          && ALPHANUM.matcher(subtags.get(index)).matches()) {
        index++;
      }
      if (index == start) {
        return "extension '" + singleton + "' has no subtags";
      }
    }
    return null;
  }

  /**
   * Finds a subtag reserved for private use (CSAF 2.0 §6.2.14): a private-use part ({@code x-…}, or a
   * whole tag starting with {@code x-}), or a language in qaa–qtz, a script in Qaaa–Qabx, or a region
   * AA, QM–QZ, XA–XZ or ZZ (RFC 5646 §2.2.1, §2.2.3, §2.2.4, §2.2.7). The tag is read by position, as
   * {@link #problem(String)} reads it; a tag that is not well-formed may yield nothing.
   *
   * @return a description naming the private-use subtag, or null when there is none
   */
  String privateUse(String tag) {
    String lower = tag.toLowerCase(Locale.ROOT);
    if (GRANDFATHERED.contains(lower)) {
      return null;
    }
    List<String> subtags = List.of(lower.split("-", -1));
    if (subtags.get(0).equals("x")) {
      return "the whole tag is for private use (x-)";
    }
    int index = 0;
    String language = subtags.get(index++);
    if (inRange(language, "qaa", "qtz")) {
      return "language '" + language + "' is reserved for private use";
    }
    while (language.length() <= 3 && index < subtags.size() && index <= 3
        && subtags.get(index).length() == 3 && ALPHA.matcher(subtags.get(index)).matches()) {
      index++;
    }
    if (index < subtags.size() && subtags.get(index).length() == 4 && ALPHA.matcher(subtags.get(index)).matches()) {
      String script = subtags.get(index++);
      if (inRange(script, "qaaa", "qabx")) {
        return "script '" + Character.toUpperCase(script.charAt(0)) + script.substring(1) + "' is reserved for private use";
      }
    }
    if (index < subtags.size() && isRegion(subtags.get(index))) {
      String region = subtags.get(index);
      if (region.equals("aa") || region.equals("zz") || inRange(region, "qm", "qz") || inRange(region, "xa", "xz")) {
        return "region '" + region.toUpperCase(Locale.ROOT) + "' is reserved for private use";
      }
    }
    for (int at = index; at < subtags.size(); at++) {
      if (subtags.get(at).equals("x")) {
        return "'" + String.join("-", subtags.subList(at, subtags.size())) + "' is a private use part";
      }
    }
    return null;
  }

  private static String privateUse(List<String> subtags, int xIndex) {
    if (xIndex + 1 >= subtags.size()) {
      return "private use part 'x' has no subtags";
    }
    for (String subtag : subtags.subList(xIndex + 1, subtags.size())) {
      if (subtag.isEmpty() || subtag.length() > 8 || !ALPHANUM.matcher(subtag).matches()) {
        return "'" + subtag + "' is not a valid private use subtag";
      }
    }
    return null;
  }

  private boolean knownLanguage(String language) {
    return languages.contains(language) || EXTRA_LANGUAGES.contains(language) || inRange(language, "qaa", "qtz");
  }

  private boolean knownRegion(String region) {
    if (DIGITS.matcher(region).matches()) {
      return M49_AREAS.contains(region);
    }
    String upper = region.toUpperCase(Locale.ROOT);
    return regions.contains(region)
        || EXTRA_REGIONS.contains(upper)
        || inRange(region, "qm", "qz")
        || inRange(region, "xa", "xz");
  }

  private static boolean isRegion(String subtag) {
    return (subtag.length() == 2 && ALPHA.matcher(subtag).matches())
        || (subtag.length() == 3 && DIGITS.matcher(subtag).matches());
  }

  private static boolean isVariant(String subtag) {
    if (!ALPHANUM.matcher(subtag).matches()) {
      return false;
    }
    return (subtag.length() >= 5 && subtag.length() <= 8)
        || (subtag.length() == 4 && Character.isDigit(subtag.charAt(0)));
  }

  private static boolean inRange(String value, String low, String high) {
    return value.length() == low.length() && value.compareTo(low) >= 0 && value.compareTo(high) <= 0;
  }
}
