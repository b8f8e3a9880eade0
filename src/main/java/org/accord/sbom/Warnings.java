package org.accord.sbom;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the problems a reader tolerated, aggregated per kind: a document with 10,000 components
 * without a PURL yields one warning with the count and the first few names, not 10,000 lines. Not
 * thread-safe; one per document.
 */
final class Warnings {
  /** How many examples one aggregated warning names. */
  static final int EXAMPLES = 5;

  /** The kinds of tolerated problem, each rendered as one warning. */
  enum Kind {
    NO_PURL("component has no PURL and got a generic identity", "components have no PURL and got a generic identity"),
    INVALID_PURL("component has an invalid PURL and got a generic identity", "components have an invalid PURL and got a generic identity"),
    NO_VERSION("component has no version", "components have no version"),
    DUPLICATE_REF("repeated declaration of a ref was merged into the first", "repeated declarations of refs were merged into the first declaration of each"),
    DANGLING_REF("edge names a ref the document does not define and was dropped", "edges name refs the document does not define and were dropped"),
    EXTERNAL_REF("relationship points into another SPDX document and was not followed", "relationships point into other SPDX documents and were not followed"),
    UNREACHED("component is reached by no dependency edge and was attached under the root (edge marked inferred)", "components are reached by no dependency edge and were attached under the root (edges marked inferred)"),
    CYCLE("dependency cycle was kept", "dependency cycles were kept"),
    PEDIGREE_IGNORED("pedigree descendant or variant is not part of this product and was not read", "pedigree descendants or variants are not part of this product and were not read");

    private final String one;
    private final String many;

    Kind(String one, String many) {
      this.one = one;
      this.many = many;
    }
  }

  private static final class Tally {
    long count;
    final List<String> examples = new ArrayList<>(EXAMPLES);
  }

  private final Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
  private final List<String> singles = new ArrayList<>();

  /** Counts one occurrence of a kind; the example (a ref, a name) is kept for the first few. */
  void note(Kind kind, String example) {
    Tally tally = tallies.computeIfAbsent(kind, k -> new Tally());
    tally.count++;
    if (tally.examples.size() < EXAMPLES) {
      tally.examples.add(example);
    }
  }

  /** Adds a warning that occurs at most once per document. */
  void add(String message) {
    singles.add(message);
  }

  /** How many occurrences of a kind were noted. */
  long count(Kind kind) {
    Tally tally = tallies.get(kind);
    return tally == null ? 0 : tally.count;
  }

  /** The warnings: the single ones first, then one line per kind, in the order of {@link Kind}. */
  List<String> render() {
    List<String> out = new ArrayList<>(singles);
    for (Map.Entry<Kind, Tally> entry : tallies.entrySet()) {
      Tally tally = entry.getValue();
      StringBuilder line = new StringBuilder();
      if (tally.count == 1) {
        line.append("1 ").append(entry.getKey().one).append(": ");
      } else {
        line.append(tally.count).append(' ').append(entry.getKey().many).append(": ");
      }
      line.append(String.join(", ", tally.examples));
      if (tally.count > tally.examples.size()) {
        line.append(", … (first ").append(tally.examples.size()).append(" shown)");
      }
      out.add(line.toString());
    }
    return out;
  }

  /** Quotes a ref or name for a message, shortening very long ones. */
  static String quote(String text) {
    String shown = text.length() > 120 ? text.substring(0, 117) + "..." : text;
    return "'" + shown + "'";
  }
}
