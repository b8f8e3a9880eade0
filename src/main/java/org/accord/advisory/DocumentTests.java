package org.accord.advisory;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSAF 2.0 mandatory tests on identifiers and languages: §6.1.11 (CWE), §6.1.12 (language),
 * §6.1.15 (translator) and §6.1.28 (translation). Stateless.
 */
final class DocumentTests {
  private DocumentTests() {}

  private static final Pattern CWE_ID = Pattern.compile("CWE-([1-9][0-9]{0,8})");

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
}
