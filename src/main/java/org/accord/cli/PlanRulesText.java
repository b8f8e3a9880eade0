package org.accord.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The human output of a plan's rules and conflicts (ADR 0137), from the JSON maps {@link
 * org.accord.app.PlanRulesJson} writes, so the same text comes from the data directory and through a
 * server: under each wave its rules, the recipients no rule could be assessed for and the conflicts it
 * is in; after the waves a conflicts section with the alternatives that survive, the parties put in no
 * wave, and what the check could not know.
 */
final class PlanRulesText {
  private PlanRulesText() {}

  /** The lines under one wave, indented under its recipients. */
  static void wave(PrintWriter out, Map<String, Object> wave) {
    for (Map<String, Object> r : list(wave.get("rules"))) {
      out.printf("      rule: %s%n", r.get("text"));
    }
    for (Map<String, Object> u : list(wave.get("unassessed"))) {
      out.printf("      no rules assessed: %s %s%n", u.get("party"), u.get("why"));
    }
    for (Map<String, Object> c : list(wave.get("conflicts"))) {
      out.printf("      conflict #%s %s%n", c.get("index"), c.get("kind"));
    }
  }

  /** The conflicts section of a plan, the parties in no wave and the rule notes; "Conflicts: none" when there is none. */
  static void conflicts(PrintWriter out, Map<String, Object> plan) {
    List<Map<String, Object>> conflicts = list(plan.get("conflicts"));
    out.printf("Conflicts (rule packs: %s):%s%n", String.join(", ", strings(plan.get("rule_packs"))), conflicts.isEmpty() ? " none" : "");
    for (Map<String, Object> c : conflicts) {
      out.printf("  #%s %s: %s%n", c.get("index"), c.get("kind"), c.get("text"));
      for (Map<String, Object> a : list(c.get("alternatives"))) {
        out.printf("      or: %s%n", a.get("text"));
      }
    }
    for (Map<String, Object> e : list(plan.get("excluded"))) {
      out.printf("  in no wave: %s%n", e.get("text"));
    }
    for (String note : strings(plan.get("rule_notes"))) {
      out.printf("  rule note: %s%n", note);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }
}
