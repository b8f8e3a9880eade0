package org.accord.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CSAF 2.0 informative test §6.3.8 (Spell check), over the {@link SpellChecker}. Stateless.
 */
final class SpellCheckTests {
  private SpellCheckTests() {}

  /** The category values of the profiles other than CSAF Base (§4). */
  private static final Set<String> OTHER_PROFILES =
      Set.of(ProfileTests.INFORMATIONAL, ProfileTests.INCIDENT, ProfileTests.ADVISORY, ProfileTests.VEX);

  /**
   * CSAF 2.0 §6.3.8 Spell check (informative): when the document language is given, a spell check in
   * that language finds no mistakes in the human-readable fields the test lists (notes, titles,
   * summaries, names, details, …, product and branch names at any depth). Skipped, and reported as
   * unchecked, when no language is set; a language without a dictionary fails the test, as the test
   * says ("It SHALL fail if the given language is not supported"): Accord ships American English,
   * which serves {@code en} and {@code en-US} (see {@link SpellChecker#forLanguage(String)}).
   *
   * <p>{@code /document/category} is checked only for a document of the profile CSAF Base, as the test
   * says, and not when it is {@code csaf_base}, the profile's reserved value rather than prose. One
   * finding per field, naming its misspelled words.
   */
  static void spellCheck(CsafDocument document, Findings findings) {
    Located lang = document.document().field("lang");
    if (lang.text() == null || lang.text().isBlank()) {
      findings.unchecked("6.3.8", lang.path(), "no document language, so no spell check (as §6.3.8 says)");
      return;
    }
    SpellChecker checker = SpellChecker.forLanguage(lang.text());
    if (checker == null) {
      findings.add(
          "6.3.8", lang, "no spell check dictionary for language '" + lang.text() + "' (Accord ships en and en-US)");
      return;
    }
    for (Located field : proseFields(document)) {
      if (field.text() == null) {
        continue;
      }
      List<String> wrong = checker.misspellings(field.text());
      if (!wrong.isEmpty()) {
        findings.add(
            "6.3.8",
            field,
            (wrong.size() == 1 ? "possible spelling mistake" : "possible spelling mistakes") + " (" + checker.name()
                + "): " + String.join(", ", wrong));
      }
    }
  }

  /** The fields §6.3.8 lists, in document order. */
  private static List<Located> proseFields(CsafDocument document) {
    List<Located> fields = new ArrayList<>();
    Located meta = document.document();
    acknowledgments(meta.field("acknowledgments"), fields);
    fields.add(meta.field("aggregate_severity").field("text"));
    String category = document.category();
    if (category != null && !OTHER_PROFILES.contains(category) && !category.equals("csaf_base")) {
      fields.add(meta.field("category"));
    }
    fields.add(meta.field("distribution").field("text"));
    notes(meta.field("notes"), fields);
    fields.add(meta.field("publisher").field("issuing_authority"));
    fields.add(meta.field("publisher").field("name"));
    for (Located reference : meta.field("references").items()) {
      fields.add(reference.field("summary"));
    }
    fields.add(meta.field("title"));
    Located tracking = meta.field("tracking");
    fields.addAll(tracking.field("aliases").items());
    fields.add(tracking.field("generator").field("engine").field("name"));
    for (Located revision : tracking.field("revision_history").items()) {
      fields.add(revision.field("summary"));
    }
    for (Located branch : document.branches()) {
      fields.add(branch.field("name"));
      fields.add(branch.field("product").field("name"));
    }
    Located tree = document.productTree();
    for (Located product : tree.field("full_product_names").items()) {
      fields.add(product.field("name"));
    }
    for (Located group : tree.field("product_groups").items()) {
      fields.add(group.field("summary"));
    }
    for (Located relationship : tree.field("relationships").items()) {
      fields.add(relationship.field("full_product_name").field("name"));
    }
    for (Located vulnerability : document.vulnerabilities()) {
      acknowledgments(vulnerability.field("acknowledgments"), fields);
      for (Located involvement : vulnerability.field("involvements").items()) {
        fields.add(involvement.field("summary"));
      }
      notes(vulnerability.field("notes"), fields);
      for (Located reference : vulnerability.field("references").items()) {
        fields.add(reference.field("summary"));
      }
      for (Located remediation : vulnerability.field("remediations").items()) {
        fields.add(remediation.field("details"));
        fields.addAll(remediation.field("entitlements").items());
        fields.add(remediation.field("restart_required").field("details"));
      }
      for (Located threat : vulnerability.field("threats").items()) {
        fields.add(threat.field("details"));
      }
      fields.add(vulnerability.field("title"));
    }
    return fields;
  }

  private static void acknowledgments(Located acknowledgments, List<Located> fields) {
    for (Located acknowledgment : acknowledgments.items()) {
      fields.addAll(acknowledgment.field("names").items());
      fields.add(acknowledgment.field("organization"));
      fields.add(acknowledgment.field("summary"));
    }
  }

  private static void notes(Located notes, List<Located> fields) {
    for (Located note : notes.items()) {
      fields.add(note.field("audience"));
      fields.add(note.field("text"));
      fields.add(note.field("title"));
    }
  }
}
