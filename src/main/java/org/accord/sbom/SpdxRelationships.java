package org.accord.sbom;

import java.util.Map;
import org.accord.sbom.BomEdge.Relation;

/**
 * How SPDX 2.x relationship types become neutral edges, shared by the JSON and tag-value readers.
 * Stateless.
 *
 * <p>{@code A DEPENDS_ON B}, {@code A CONTAINS B}, {@code A STATIC_LINK B}, {@code A DYNAMIC_LINK B}
 * and {@code A HAS_PREREQUISITE B} become {@code A -> B}; their inverses ({@code DEPENDENCY_OF} and its
 * build/dev/optional/provided/runtime/test variants, {@code CONTAINED_BY}, {@code PACKAGE_OF}, {@code
 * PREREQUISITE_FOR}) become {@code B -> A}. {@code A VARIANT_OF B} and {@code A DESCENDANT_OF B}
 * become {@code A FORK_OF B}; {@code A ANCESTOR_OF B} becomes {@code B FORK_OF A}. {@code DESCRIBES}
 * and {@code DESCRIBED_BY} name the root and are handled by the readers. The other types (GENERATES,
 * COPY_OF, OTHER, BUILD_TOOL_OF…) say nothing about what ships inside what and are ignored. See ADR
 * 0051.
 */
final class SpdxRelationships {
  private SpdxRelationships() {}

  /** Whether the relationship runs from A to B (true) or from B to A (false), and what it means. */
  private record Mapping(boolean forward, Relation relation) {}

  private static final Map<String, Mapping> MAPPINGS =
      Map.ofEntries(
          Map.entry("DEPENDS_ON", new Mapping(true, Relation.DEPENDS_ON)),
          Map.entry("CONTAINS", new Mapping(true, Relation.DEPENDS_ON)),
          Map.entry("STATIC_LINK", new Mapping(true, Relation.DEPENDS_ON)),
          Map.entry("DYNAMIC_LINK", new Mapping(true, Relation.DEPENDS_ON)),
          Map.entry("HAS_PREREQUISITE", new Mapping(true, Relation.DEPENDS_ON)),
          Map.entry("DEPENDENCY_OF", new Mapping(false, Relation.DEPENDS_ON)),
          Map.entry("BUILD_DEPENDENCY_OF", new Mapping(false, Relation.DEPENDS_ON)),
          Map.entry("DEV_DEPENDENCY_OF", new Mapping(false, Relation.DEPENDS_ON)),
          Map.entry("OPTIONAL_DEPENDENCY_OF", new Mapping(false, Relation.DEPENDS_ON)),
          Map.entry("PROVIDED_DEPENDENCY_OF", new Mapping(false, Relation.DEPENDS_ON)),
          Map.entry("RUNTIME_DEPENDENCY_OF", new Mapping(false, Relation.DEPENDS_ON)),
          Map.entry("TEST_DEPENDENCY_OF", new Mapping(false, Relation.DEPENDS_ON)),
          Map.entry("CONTAINED_BY", new Mapping(false, Relation.DEPENDS_ON)),
          Map.entry("PACKAGE_OF", new Mapping(false, Relation.DEPENDS_ON)),
          Map.entry("PREREQUISITE_FOR", new Mapping(false, Relation.DEPENDS_ON)),
          Map.entry("VARIANT_OF", new Mapping(true, Relation.FORK_OF)),
          Map.entry("DESCENDANT_OF", new Mapping(true, Relation.FORK_OF)),
          Map.entry("ANCESTOR_OF", new Mapping(false, Relation.FORK_OF)));

  /** Values SPDX uses for "no element". */
  static boolean isNone(String ref) {
    return "NONE".equals(ref) || "NOASSERTION".equals(ref);
  }

  /**
   * Records one relationship on the assembler; DESCRIBES and DESCRIBED_BY go to {@code roots}.
   *
   * @param type the relationship type, upper case as SPDX writes it
   */
  static void apply(String element, String type, String related, BomAssembler assembler, Describes roots) {
    if (isNone(element) || isNone(related)) {
      return;
    }
    switch (type) {
      case "DESCRIBES" -> roots.describes(element, related);
      case "DESCRIBED_BY" -> roots.describes(related, element);
      default -> {
        Mapping mapping = MAPPINGS.get(type);
        if (mapping != null) {
          if (mapping.forward()) {
            assembler.addEdge(element, related, mapping.relation());
          } else {
            assembler.addEdge(related, element, mapping.relation());
          }
        }
      }
    }
  }

  /**
   * Collects {@code X DESCRIBES Y} statements until the document's own SPDXID is known (JSON keys come
   * in any order), then turns those made by the document into root candidates.
   */
  static final class Describes {
    private final java.util.List<String[]> statements = new java.util.ArrayList<>();

    void describes(String subject, String object) {
      statements.add(new String[] {subject, object});
    }

    void resolve(String documentId, BomAssembler assembler) {
      for (String[] statement : statements) {
        if (statement[0].equals(documentId)) {
          assembler.addRootCandidate(statement[1]);
        }
      }
    }
  }

  /** An SPDX supplier or originator without its {@code Organization:}/{@code Person:}/{@code Tool:} prefix. */
  static String supplierName(String value) {
    if (value == null) {
      return "";
    }
    String text = value.strip();
    if (isNone(text)) {
      return "";
    }
    for (String prefix : new String[] {"Organization:", "Person:", "Tool:"}) {
      if (text.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return text.substring(prefix.length()).strip();
      }
    }
    return text;
  }
}
