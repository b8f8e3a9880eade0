package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
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
   * ASCII order. The test is about the whole document (its path is {@code /}), so it reports once: at
   * the first key, in document order, that sorts before the key ahead of it, with how many objects
   * are unsorted in all.
   *
   * <p>Walked iteratively in document order (no recursion on hostile nesting); Jackson keeps keys in
   * document order.
   */
  static void sorting(CsafDocument document, Findings findings) {
    Deque<Located> pending = new ArrayDeque<>();
    pending.push(document.root());
    String first = null;
    String firstMessage = null;
    int unsorted = 0;
    while (!pending.isEmpty()) {
      Located current = pending.pop();
      JsonNode node = current.node();
      List<Located> children = new ArrayList<>();
      if (node.isObject()) {
        String previous = null;
        boolean sorted = true;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
          String name = names.next();
          if (sorted && previous != null && name.compareTo(previous) < 0) {
            sorted = false;
            unsorted++;
            if (first == null) {
              first = Located.childPath(current.path(), name);
              firstMessage = "key '" + name + "' is not in alphabetical order: it comes after '" + previous + "'";
            }
          }
          previous = name;
          children.add(current.field(name));
        }
      } else if (node.isArray()) {
        children = current.items();
      }
      for (int index = children.size() - 1; index >= 0; index--) {
        pending.push(children.get(index));
      }
    }
    if (first != null) {
      findings.add(
          "6.2.13",
          first,
          firstMessage + (unsorted == 1 ? "" : " (the keys of " + unsorted + " objects are not sorted)"));
    }
  }

  /**
   * CSAF 2.0 §6.2.20 Additional Properties (optional): the document has no property the CSAF JSON
   * schema does not define. Checked as the test deems sufficient: against the "strict" schema, which
   * sets {@code additionalProperties} to false on every object schema (see {@link
   * CsafSchemas#strictCsaf()}). Only its {@code additionalProperties} violations belong to this test,
   * each once, and only those the ordinary schema does not already report (they are schema findings).
   */
  static void additionalProperties(CsafDocument document, Findings findings) {
    Set<String> alreadyReported = new HashSet<>();
    for (SchemaViolation violation : document.schemaViolations()) {
      if (violation.keyword().equals("additionalProperties")) {
        alreadyReported.add(violation.path() + "\u0000" + violation.message());
      }
    }
    for (SchemaViolation violation : CsafSchemas.strictCsaf().validate(document.root().node())) {
      // A cvss_v3 object is checked against both branches of the schema's oneOf (v3.0 and v3.1), which
      // define the same properties and so report the same extra one twice: add() on the set keeps one.
      if (violation.keyword().equals("additionalProperties")
          && alreadyReported.add(violation.path() + "\u0000" + violation.message())) {
        findings.add("6.2.20", violation.path(), violation.message());
      }
    }
  }
}
