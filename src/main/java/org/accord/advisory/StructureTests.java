package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The CSAF 2.0 optional tests on the shape of the JSON itself: §6.2.13 (sorted keys) and §6.2.20 (no
 * property the schema does not define). Stateless.
 */
final class StructureTests {
  private StructureTests() {}

  /**
   * CSAF 2.0 §6.2.13 Sorting (optional): the keys of every object are sorted alphabetically (§5.3).
   * Keys compare by their UTF-16 code units ({@link String#compareTo}), the order in which JSON tools
   * sort keys, such as the OASIS scripts' {@code sort_keys=True}; CSAF keys are ASCII, so this is
   * ASCII order. One finding per object, at its first key that sorts before the key ahead of it.
   *
   * <p>Walked iteratively (no recursion on hostile nesting); Jackson keeps keys in document order.
   */
  static void sorting(CsafDocument document, Findings findings) {
    Deque<Located> pending = new ArrayDeque<>();
    pending.push(document.root());
    while (!pending.isEmpty()) {
      Located current = pending.pop();
      JsonNode node = current.node();
      if (node.isObject()) {
        String previous = null;
        boolean reported = false;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          if (!reported && previous != null && name.compareTo(previous) < 0) {
            findings.add(
                "6.2.13",
                Located.childPath(current.path(), name),
                "key '" + name + "' is not in alphabetical order: it comes after '" + previous + "'");
            reported = true;
          }
          previous = name;
          pending.push(current.field(name));
        }
      } else if (node.isArray()) {
        current.items().forEach(pending::push);
      }
    }
  }

  /**
   * CSAF 2.0 §6.2.20 Additional Properties (optional): the document has no property the CSAF JSON
   * schema does not define. Checked as the test deems sufficient: against the "strict" schema, which
   * sets {@code additionalProperties} to false on every object schema (see {@link
   * CsafSchemas#strictCsaf()}). Only its {@code additionalProperties} violations belong to this test,
   * and only those the ordinary schema does not already report (they are schema findings).
   */
  static void additionalProperties(CsafDocument document, Findings findings) {
    Set<String> alreadyReported = new HashSet<>();
    for (SchemaViolation violation : document.schemaViolations()) {
      if (violation.keyword().equals("additionalProperties")) {
        alreadyReported.add(violation.path() + "\u0000" + violation.message());
      }
    }
    for (SchemaViolation violation : CsafSchemas.strictCsaf().validate(document.root().node())) {
      if (violation.keyword().equals("additionalProperties")
          && !alreadyReported.contains(violation.path() + "\u0000" + violation.message())) {
        findings.add("6.2.20", violation.path(), violation.message() + " (not defined in the CSAF schema)");
      }
    }
  }
}
