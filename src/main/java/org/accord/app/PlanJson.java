package org.accord.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.disclosure.Suggestion;
import org.accord.disclosure.Tlp;
import org.accord.disclosure.plan.NotificationPlan;
import org.accord.disclosure.plan.PlanDiff;
import org.accord.disclosure.plan.Recipient;
import org.accord.disclosure.plan.Wave;
import org.accord.disclosure.plan.WaveChannel;
import org.accord.disclosure.plan.WaveKind;
import org.accord.party.OrgKind;

/**
 * The JSON of a {@link NotificationPlan}, both ways (ADR 0134): what {@code case_plans.body} stores and
 * what the API answers. Each reason is an object with its {@code kind} ({@code maintains}, {@code
 * coordinates}, {@code ships}, {@code runs}, {@code national_cert}), its fields and its {@code text}
 * (read back from the fields, never from the text). Each wave carries {@code rules} and {@code conflicts}
 * (empty lists: the seam rule packs fill, ADRs 0130, 0131). Stateless and thread-safe.
 */
final class PlanJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PlanJson() {}

  /** The plan as JSON-ready maps and lists, in a fixed member order. */
  static Map<String, Object> toMap(NotificationPlan plan) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("strategy", plan.strategy());
    out.put("computed_at", plan.computedAt().toString());
    out.put("waves", plan.waves().stream().map(w -> wave(plan, w)).toList());
    out.put("withheld", plan.withheld().stream().map(PlanJson::cell).toList());
    out.put("notes", plan.notes());
    if (plan.rules() != org.accord.disclosure.plan.PlanRules.NOT_CHECKED) {
      out.putAll(PlanRulesJson.plan(plan.rules()));
    }
    return out;
  }

  /** The plan as one JSON text. */
  static String write(NotificationPlan plan) {
    try {
      return JSON.writeValueAsString(toMap(plan));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan is always JSON: " + e.getMessage(), e);
    }
  }

  /** A stored body as maps and lists, for the members {@link #read} does not bind (the rules). */
  static Map<String, Object> parse(String body) {
    try {
      return JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("case_plans.body is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The plan {@link #write} wrote.
   *
   * @throws IllegalStateException for a body that is not such a plan (a damaged store)
   */
  static NotificationPlan read(String body) {
    Map<String, Object> map;
    try {
      map = JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("case_plans.body is not JSON: " + e.getMessage(), e);
    }
    List<Wave> waves = new ArrayList<>();
    for (Map<String, Object> w : maps(map.get("waves"))) {
      List<Recipient> recipients = new ArrayList<>();
      for (Map<String, Object> r : maps(w.get("recipients"))) {
        List<Recipient.Reason> reasons = new ArrayList<>();
        for (Map<String, Object> reason : maps(r.get("reasons"))) {
          reasons.add(reason(reason));
        }
        recipients.add(new Recipient(text(r, "organization"), OrgKind.parse(text(r, "kind")), (String) r.get("country"),
            Boolean.TRUE.equals(r.get("participant")), reasons));
      }
      Object gate = w.get("gate");
      waves.add(new Wave(((Number) w.get("number")).intValue(), WaveKind.valueOf(upper(text(w, "kind"))), Instant.parse(text(w, "due")),
          gate == null ? Optional.empty() : Optional.of(Wave.Gate.valueOf(upper((String) gate))),
          WaveChannel.valueOf(upper(text(w, "channel"))), Tlp.parse(text(w, "tlp")), recipients));
    }
    List<Suggestion.DeploymentCount> withheld = maps(map.get("withheld")).stream().map(PlanJson::cell).toList();
    List<String> notes = ((List<?>) map.getOrDefault("notes", List.of())).stream().map(String::valueOf).toList();
    return new NotificationPlan(text(map, "strategy"), Instant.parse(text(map, "computed_at")), waves, withheld, notes);
  }

  /** The diff as JSON-ready maps. */
  static Map<String, Object> diff(PlanDiff diff) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("added", diff.added().stream().map(PlanJson::placed).toList());
    out.put("removed", diff.removed().stream().map(PlanJson::placed).toList());
    out.put("moved", diff.moved().stream().map(m -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("organization", m.organization());
      one.put("from_wave", m.fromWave());
      one.put("from_kind", m.from().label());
      one.put("to_wave", m.toWave());
      one.put("to_kind", m.to().label());
      return one;
    }).toList());
    out.put("due_moved", diff.dueMoved().stream().map(d -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("kind", d.kind().label());
      one.put("from", d.from().toString());
      one.put("to", d.to().toString());
      one.put("gated_before", d.gatedBefore());
      one.put("gated_now", d.gatedNow());
      return one;
    }).toList());
    return out;
  }

  private static Map<String, Object> placed(PlanDiff.Placed p) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("organization", p.organization());
    one.put("wave", p.wave());
    one.put("kind", p.kind().label());
    return one;
  }

  private static Map<String, Object> wave(NotificationPlan plan, Wave w) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("number", w.number());
    out.put("kind", w.kind().label());
    out.put("due", w.due().toString());
    out.put("gate", w.gate().map(Wave.Gate::label).orElse(null));
    out.put("channel", w.channel().label());
    out.put("tlp", w.tlp().label());
    out.put("recipients", w.recipients().stream().map(PlanJson::recipient).toList());
    // The rules that bind the wave's recipients and the conflicts found (ADR 0137); a plan read back
    // from the store has them only in its stored body (Plans overlays them from there).
    out.putAll(PlanRulesJson.wave(plan.rules(), w.number()));
    return out;
  }

  private static Map<String, Object> recipient(Recipient r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("organization", r.organization());
    out.put("kind", r.kind().label());
    out.put("country", r.country());
    out.put("participant", r.participant());
    out.put("roles", r.roles().stream().map(org.accord.disclosure.ParticipantRole::label).toList());
    out.put("reasons", r.reasons().stream().map(PlanJson::reason).toList());
    return out;
  }

  private static Map<String, Object> reason(Recipient.Reason reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (reason instanceof Recipient.Maintains m) {
      out.put("kind", "maintains");
      out.put("packages", m.packages());
    } else if (reason instanceof Recipient.Coordinates) {
      out.put("kind", "coordinates");
    } else if (reason instanceof Recipient.Ships s) {
      out.put("kind", "ships");
      out.put("product", s.path().product());
      out.put("path", s.path().path());
      out.put("direct", s.direct());
    } else if (reason instanceof Recipient.Runs r) {
      out.put("kind", "runs");
      out.put("deployments", r.deployments().stream().map(PlanJson::cell).toList());
      out.put("essential", r.essential());
    } else if (reason instanceof Recipient.NationalCert c) {
      out.put("kind", "national_cert");
      out.put("country", c.country());
      out.put("essential", c.essential());
    } else {
      throw new IllegalStateException("no JSON for the reason " + reason);
    }
    out.put("text", reason.text());
    return out;
  }

  private static Recipient.Reason reason(Map<String, Object> r) {
    String kind = text(r, "kind");
    return switch (kind) {
      case "maintains" -> new Recipient.Maintains(strings(r.get("packages")));
      case "coordinates" -> new Recipient.Coordinates();
      case "ships" -> new Recipient.Ships(new Suggestion.ProductPath(text(r, "product"), strings(r.get("path"))));
      case "runs" -> new Recipient.Runs(maps(r.get("deployments")).stream().map(PlanJson::cell).toList());
      case "national_cert" -> new Recipient.NationalCert(text(r, "country"), Boolean.TRUE.equals(r.get("essential")));
      default -> throw new IllegalStateException("a stored plan has a reason of unknown kind '" + kind + "'");
    };
  }

  /** One deployment count as the API shows it, in suggestions and plans alike. */
  static Map<String, Object> cell(Suggestion.DeploymentCount c) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("sector", c.sector());
    one.put("country", c.country());
    one.put("criticality", c.criticality());
    one.put("deployments", c.deployments());
    return one;
  }

  private static Suggestion.DeploymentCount cell(Map<String, Object> c) {
    Object n = c.get("deployments");
    return new Suggestion.DeploymentCount(text(c, "sector"), text(c, "country"), text(c, "criticality"),
        n == null ? null : ((Number) n).intValue());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  private static List<String> strings(Object value) {
    return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
  }

  private static String text(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof String s)) {
      throw new IllegalStateException("a stored plan lacks '" + key + "'");
    }
    return s;
  }

  private static String upper(String label) {
    return label.toUpperCase(java.util.Locale.ROOT);
  }
}
