package org.accord.app;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.disclosure.plan.Alternative;
import org.accord.disclosure.plan.AppliedRule;
import org.accord.disclosure.plan.CaseFact;
import org.accord.disclosure.plan.Conflict;
import org.accord.disclosure.plan.Excluded;
import org.accord.disclosure.plan.PlanRules;
import org.accord.disclosure.plan.WaveRules;
import org.accord.jurisdiction.Obligation;

/**
 * The JSON of what the rule packs say about a plan (ADR 0137), as JSON-ready maps in a fixed member
 * order: {@link #wave} gives a wave's {@code rules}, {@code unassessed} and {@code conflicts}, {@link
 * #plan} the plan's {@code rule_packs}, every {@code conflict}, the {@code excluded} parties and the
 * {@code rule_notes}. Every object carries a {@code text} a person reads; clients read the fields. Write
 * only: a stored plan's rules are recomputed, not read back. Stateless and thread-safe.
 */
public final class PlanRulesJson {
  private PlanRulesJson() {}

  /** The members a wave object gains: {@code rules}, {@code unassessed}, {@code conflicts} (the kinds and texts; details in the plan's list). */
  public static Map<String, Object> wave(PlanRules rules, int number) {
    Optional<WaveRules> wave = rules.wave(number);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rules", wave.map(w -> w.rules().stream().map(PlanRulesJson::rule).toList()).orElse(List.of()));
    out.put("unassessed", wave.map(w -> w.unassessed().stream().map(u -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("party", u.party());
      one.put("why", u.why());
      return one;
    }).toList()).orElse(List.of()));
    out.put("conflicts", rules.conflictsOf(number).stream().map(c -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("index", rules.conflicts().indexOf(c) + 1);
      one.put("kind", c.kind());
      one.put("text", c.text());
      return one;
    }).toList());
    return out;
  }

  /** The members a plan object gains: {@code rule_packs}, {@code conflicts}, {@code excluded}, {@code rule_notes}. */
  public static Map<String, Object> plan(PlanRules rules) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rule_packs", rules.packs());
    List<Map<String, Object>> conflicts = new java.util.ArrayList<>();
    for (int i = 0; i < rules.conflicts().size(); i++) {
      conflicts.add(conflict(i + 1, rules.conflicts().get(i)));
    }
    out.put("conflicts", conflicts);
    out.put("excluded", rules.excluded().stream().map(PlanRulesJson::excluded).toList());
    out.put("rule_notes", rules.notes());
    return out;
  }

  static Map<String, Object> rule(AppliedRule r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("party", r.party());
    out.put("country", r.country());
    out.put("pack", r.pack());
    out.put("rule", r.rule().id());
    out.put("citation", r.citation());
    out.put("trigger", r.rule().trigger().name().toLowerCase(java.util.Locale.ROOT));
    Map<String, Object> obligation = new LinkedHashMap<>();
    if (r.rule().obligation() instanceof Obligation.Notify n) {
      obligation.put("type", "notify");
      obligation.put("stage", n.stage());
      obligation.put("within", n.term().map(Object::toString).orElse(null));
      obligation.put("clock", n.clock().name().toLowerCase(java.util.Locale.ROOT));
      obligation.put("to", r.to());
    } else if (r.rule().obligation() instanceof Obligation.RestrictSharing s) {
      obligation.put("type", "restrict_sharing");
      obligation.put("countries", s.countries());
      obligation.put("except", s.except().stream().map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
    out.put("obligation", obligation);
    out.put("started", instant(r.started()));
    out.put("due", instant(r.due()));
    out.put("assumes", r.assumes().stream().map(CaseFact::label).toList());
    out.put("text", r.text());
    return out;
  }

  static Map<String, Object> conflict(int index, Conflict c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("index", index);
    out.put("kind", c.kind());
    out.put("parties", c.parties());
    out.put("waves", c.waves());
    out.put("assumes", c.assumes().stream().map(CaseFact::label).toList());
    if (c instanceof Conflict.StateFirstDeadline s) {
      out.put("rule", rule(s.rule()));
      out.put("fix_ready", instant(s.fixReady()));
      out.put("embargo_end", instant(s.embargoEnd()));
    } else if (c instanceof Conflict.SharingForbidden s) {
      out.put("rule", rule(s.rule()));
      out.put("recipient", s.recipient());
      out.put("recipient_country", s.recipientCountry());
    } else if (c instanceof Conflict.SanctionedJurisdiction s) {
      out.put("pack", s.pack());
      out.put("country", s.blocked().country());
      out.put("measure", s.blocked().source());
      out.put("deployments", s.deployments());
    } else if (c instanceof Conflict.ExploitationClock e) {
      out.put("rule", rule(e.rule()));
      out.put("exploited", e.exploited().toString());
      out.put("embargo_end", instant(e.embargoEnd()));
    }
    out.put("alternatives", c.alternatives().stream().map(PlanRulesJson::alternative).toList());
    out.put("text", c.text());
    return out;
  }

  static Map<String, Object> alternative(Alternative a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", a.kind());
    if (a instanceof Alternative.RouteViaFoundation f) {
      out.put("organization", f.foundation());
      out.put("country", f.country());
    } else if (a instanceof Alternative.RouteViaVendor v) {
      out.put("organization", v.vendor());
      out.put("country", v.country());
    } else if (a instanceof Alternative.ReportEarly r) {
      out.put("organization", r.party());
      out.put("to", r.to());
      out.put("by", r.by().toString());
    } else if (a instanceof Alternative.ShortenEmbargo s) {
      out.put("to", s.to().toString());
    } else if (a instanceof Alternative.TellAtPublication t) {
      out.put("organization", t.party());
      out.put("at", t.at().toString());
    } else if (a instanceof Alternative.CoverageGap g) {
      out.put("country", g.country());
      out.put("parties", g.parties());
      out.put("deployments", g.deployments());
    }
    out.put("text", a.text());
    return out;
  }

  static Map<String, Object> excluded(Excluded e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("organization", e.recipient().organization());
    out.put("kind", e.recipient().kind().label());
    out.put("country", e.blocked().country());
    out.put("would_be", e.wouldBe().label());
    out.put("would_be_due", e.wouldBeDue().toString());
    out.put("pack", e.pack());
    out.put("measure", e.blocked().source());
    out.put("reasons", e.recipient().reasons().stream().map(r -> r.text()).toList());
    out.put("text", e.text());
    return out;
  }

  private static String instant(Optional<Instant> value) {
    return value.map(Instant::toString).orElse(null);
  }
}
