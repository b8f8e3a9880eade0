package org.accord.advisory;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSAF 2.0 tests on identifiers, languages and other document metadata: mandatory §6.1.11 (CWE),
 * §6.1.12 (language), §6.1.15 (translator), §6.1.28 (translation) and optional §6.2.10 (TLP label),
 * §6.2.11 (canonical URL), §6.2.12 (document language), §6.2.14 (private language) and §6.2.15
 * (default language). Stateless.
 */
final class DocumentTests {
  private DocumentTests() {}

  private static final Pattern CWE_ID = Pattern.compile("CWE-([1-9][0-9]{0,8})");

  /** The TLP labels CSAF 2.0 knows (§3.2.1.5, TLP v1). */
  private static final Set<String> TLP_LABELS = Set.of("AMBER", "GREEN", "RED", "WHITE");

  /** What §5.1 replaces by one underscore in a file name. */
  private static final Pattern NOT_IN_FILENAME = Pattern.compile("[^+\\-a-z0-9]+");

  /** The language fields of type {@code lang_t}. */
  private static final List<String> LANGUAGE_FIELDS = List.of("lang", "source_lang");

  /**
   * CSAF 2.0 §6.1.11 CWE: the CWE of each vulnerability exists and carries its official name. Checked
   * against the CWE list shipped on the classpath; the name must match exactly.
   */
  static void cwe(CsafDocument document, Findings findings) {
    CweCatalog catalog = CweCatalog.shipped();
    for (Located vulnerability : document.vulnerabilities()) {
      Located cwe = vulnerability.field("cwe");
      String id = cwe.text("id");
      if (id == null) {
        continue;
      }
      Matcher matcher = CWE_ID.matcher(id);
      String official = matcher.matches() ? catalog.name(Integer.parseInt(matcher.group(1))) : null;
      if (official == null) {
        findings.add("6.1.11", cwe.field("id"), "'" + id + "' is not in the CWE list");
      } else if (cwe.text("name") != null && !official.equals(cwe.text("name"))) {
        findings.add(
            "6.1.11", cwe.field("name"), id + " is named '" + official + "', not '" + cwe.text("name") + "'");
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.12 Language: {@code /document/lang} and {@code /document/source_lang} are valid BCP
   * 47 language tags whose subtags exist (see {@link LanguageTags}).
   */
  static void language(CsafDocument document, Findings findings) {
    for (String field : List.of("lang", "source_lang")) {
      Located lang = document.document().field(field);
      if (lang.text() != null) {
        String problem = LanguageTags.registry().problem(lang.text());
        if (problem != null) {
          findings.add("6.1.12", lang, "'" + lang.text() + "' is not a valid language tag: " + problem);
        }
      }
    }
  }

  /**
   * CSAF 2.0 §6.1.15 Translator: when the publisher category is {@code translator}, {@code
   * /document/source_lang} is present.
   */
  static void translator(CsafDocument document, Findings findings) {
    Located documentNode = document.document();
    if ("translator".equals(documentNode.field("publisher").text("category")) && !documentNode.has("source_lang")) {
      findings.add(
          "6.1.15", documentNode.field("source_lang"), "the publisher is a translator but source_lang is missing");
    }
  }

  /**
   * CSAF 2.0 §6.1.28 Translation: {@code /document/lang} and {@code /document/source_lang} differ
   * (compared without regard to case, as language tags are).
   */
  static void translation(CsafDocument document, Findings findings) {
    String lang = document.document().text("lang");
    String sourceLang = document.document().text("source_lang");
    if (lang != null && sourceLang != null && lang.toLowerCase(Locale.ROOT).equals(sourceLang.toLowerCase(Locale.ROOT))) {
      findings.add(
          "6.1.28",
          document.document().field("source_lang"),
          "source_lang is the same as lang ('" + lang + "'): a translation must change the language");
    }
  }

  /**
   * CSAF 2.0 §6.2.10 Missing TLP label (optional): {@code /document/distribution/tlp/label} is present
   * and one of the labels CSAF 2.0 defines (AMBER, GREEN, RED, WHITE).
   */
  static void missingTlpLabel(CsafDocument document, Findings findings) {
    Located label = document.document().field("distribution").field("tlp").field("label");
    if (!label.present()) {
      findings.add("6.2.10", label, "the document has no TLP label");
    } else if (label.text() == null || !TLP_LABELS.contains(label.text())) {
      findings.add("6.2.10", label, "'" + label.node().asText() + "' is not a TLP label (AMBER, GREEN, RED or WHITE)");
    }
  }

  /**
   * CSAF 2.0 §6.2.11 Missing Canonical URL (optional): the document has a canonical URL, which the test
   * deems given when an item of {@code /document/references} has the category {@code self} and a
   * {@code url} that starts with {@code https://} and ends with the document's file name (§5.1, see
   * {@link #filename(String)}). "Ends with the file name" is read as: the last path segment is the
   * file name, so {@code …/xrhsa-2024_1.json} is not the canonical URL of {@code RHSA-2024:1}. When the
   * document has no tracking ID, any {@code https://} self reference is accepted.
   */
  static void missingCanonicalUrl(CsafDocument document, Findings findings) {
    String trackingId = document.document().field("tracking").text("id");
    String filename = trackingId == null ? null : filename(trackingId);
    for (Located reference : document.document().field("references").items()) {
      String url = reference.text("url");
      if ("self".equals(reference.text("category"))
          && url != null
          && url.startsWith("https://")
          && (filename == null || url.endsWith("/" + filename))) {
        return;
      }
    }
    findings.add(
        "6.2.11",
        document.document().field("references"),
        "no reference of category self is the canonical URL: an https:// URL ending in "
            + (filename == null ? "the document's file name" : "/" + filename));
  }

  /**
   * The file name of a CSAF document, by CSAF 2.0 §5.1: the tracking ID in lower case, every run of
   * characters other than {@code a-z}, {@code 0-9}, {@code +} and {@code -} replaced by one underscore,
   * then {@code .json}.
   */
  static String filename(String trackingId) {
    return NOT_IN_FILENAME.matcher(trackingId.toLowerCase(Locale.ROOT)).replaceAll("_") + ".json";
  }

  /** CSAF 2.0 §6.2.12 Missing Document Language (optional): {@code /document/lang} is present and set. */
  static void missingLanguage(CsafDocument document, Findings findings) {
    Located lang = document.document().field("lang");
    if (lang.text() == null || lang.text().isBlank()) {
      findings.add("6.2.12", lang, "the document language is not set");
    }
  }

  /**
   * CSAF 2.0 §6.2.14 Use of Private Language (optional): {@code /document/lang} and {@code
   * /document/source_lang} contain no subtag reserved for private use (see {@link
   * LanguageTags#privateUse(String)}).
   */
  static void privateLanguage(CsafDocument document, Findings findings) {
    for (String field : LANGUAGE_FIELDS) {
      Located lang = document.document().field(field);
      if (lang.text() != null) {
        String privateUse = LanguageTags.registry().privateUse(lang.text());
        if (privateUse != null) {
          findings.add("6.2.14", lang, "'" + lang.text() + "' uses a private use subtag: " + privateUse);
        }
      }
    }
  }

  /**
   * CSAF 2.0 §6.2.15 Use of Default Language (optional): neither {@code /document/lang} nor {@code
   * /document/source_lang} is {@code i-default} (compared without regard to case, as language tags are).
   */
  static void defaultLanguage(CsafDocument document, Findings findings) {
    for (String field : LANGUAGE_FIELDS) {
      Located lang = document.document().field(field);
      if (lang.text() != null && lang.text().equalsIgnoreCase("i-default")) {
        findings.add("6.2.15", lang, "the language 'i-default' says nothing about the language used");
      }
    }
  }
}
