package org.accord.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code accord case plan ACC-… [--strategy S] | --show | --adopt N}: the case's notification plan (ADRs
 * 0133, 0134), through the API like the other case commands (ADR 0099), or on the data directory.
 */
@Command(name = "plan", description = {"Compute, show or adopt a case's notification plan.",
    "Without --show or --adopt, computes the plan with --strategy (coordinated, the default, or immediate) and stores it as "
        + "the case's draft, replacing the previous draft; if a plan is adopted, prints what the draft changes (who was added, "
        + "removed, moved; which due times moved). --adopt N adopts draft N: its waves then go out as invitations at their "
        + "due times. An adopted plan is never rewritten. --acknowledge N records that conflict N of the adopted plan was seen. "
        + "The case owner or the coordinator may."},
    footer = {"", "Examples:", "  accord case plan ACC-2026-0001", "  accord case plan ACC-2026-0001 --strategy immediate --json",
        "  accord case plan ACC-2026-0001 --show", "  accord case plan ACC-2026-0001 --adopt 3",
        "  accord case plan ACC-2026-0001 --acknowledge 2 --json"})
final class CasePlanCommand extends CaseCommand.OnCase {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Option(names = "--strategy", paramLabel = "S", description = "coordinated (default) or immediate.")
  String strategy;

  @Option(names = "--show", description = "Show the draft and the adopted plan, with each adopted wave's sent state.")
  boolean show;

  @Option(names = "--adopt", paramLabel = "N", description = "Adopt draft N (the id computing it printed).")
  Long adopt;

  @Option(names = "--acknowledge", paramLabel = "N", description = "Acknowledge conflict N of the adopted plan (ADR 0139).")
  Integer acknowledge;

  @Override
  protected boolean createsData() {
    return !show;
  }

  /** Acknowledges conflict {@link #acknowledge} of the adopted plan; the plans as {@code --show} prints them after. */
  private Map<String, Object> acknowledged() {
    if (show || adopt != null || strategy != null) {
      throw new InvalidInputException("--acknowledge goes alone, without --show, --adopt or --strategy", "acknowledge");
    }
    return remote().isPresent()
        ? remote().get().postJson(path("/plan/conflicts/" + acknowledge + "/acknowledge"), Map.of(), Map.class)
        : context().accord().plans().acknowledge(actingAs(organization), id, String.valueOf(acknowledge));
  }

  @Override
  protected int execute() {
    if (show && adopt != null) {
      throw new InvalidInputException("--show and --adopt are separate: give one", "adopt");
    }
    if (strategy != null && (show || adopt != null)) {
      throw new InvalidInputException("--strategy computes a new draft; it goes without --show and --adopt", "strategy");
    }
    Map<String, Object> answer;
    if (acknowledge != null) {
      answer = acknowledged();
      if (json) {
        printJson(answer);
      } else {
        out().printf("Acknowledged conflict %d of the adopted plan of %s.%n", acknowledge, answer.get("case"));
      }
      return Main.OK;
    }
    if (show) {
      answer = remote().isPresent() ? remote().get().get(path("/plan"), Remote.query(), Map.class)
          : context().accord().plans().show(actingAs(organization), id);
    } else if (adopt != null) {
      answer = remote().isPresent() ? remote().get().postJson(path("/plan/adopt"), Map.of("draft", adopt), Map.class)
          : context().accord().plans().adopt(actingAs(organization), id, adopt);
    } else {
      Map<String, Object> body = new LinkedHashMap<>();
      if (strategy != null) {
        body.put("strategy", strategy);
      }
      answer = remote().isPresent() ? remote().get().postJson(path("/plan"), body, Map.class)
          : context().accord().plans().draft(actingAs(organization), id, strategy);
    }
    if (json) {
      printJson(answer);
      return Main.OK;
    }
    if (!show && adopt == null) {
      plan("Draft", answer);
      diff(answer.get("diff"));
      out().printf("Adopt it with: accord case plan %s --adopt %s%n", answer.get("case"), answer.get("id"));
      return Main.OK;
    }
    if (answer.get("adopted") instanceof Map<?, ?> adopted) {
      plan(adopt != null ? "Adopted" : "Adopted plan", cast(adopted));
    } else {
      out().printf("%s has no adopted plan.%n", answer.get("case"));
    }
    if (answer.get("draft") instanceof Map<?, ?> draft) {
      plan("Draft", cast(draft));
      diff(answer.get("diff"));
    }
    return Main.OK;
  }

  /** One plan: a header, then each wave with its due time (UTC), gate, TLP, channel, and each recipient with its reasons. */
  private void plan(String what, Map<String, Object> p) {
    out().printf("%s %s of %s: %s, computed %s by %s%s%n", what, p.get("id"), id, p.get("strategy"), utc(p.get("computed_at")),
        p.get("computed_by"), p.get("adopted_at") == null ? "" : ", adopted " + utc(p.get("adopted_at")) + " by " + p.get("adopted_by"));
    for (Map<String, Object> w : CaseCommand.castList(p.get("waves"))) {
      String sent = !w.containsKey("sent_at") ? "" : w.get("sent_at") == null ? "  not sent" : "  sent " + utc(w.get("sent_at"));
      out().printf("  wave %s %-14s due %s  gate %-9s %-16s %s%s%n", w.get("number"), w.get("kind"), utc(w.get("due")),
          w.get("gate") == null ? "-" : w.get("gate"), w.get("tlp"), w.get("channel"), sent);
      for (Map<String, Object> r : CaseCommand.castList(w.get("recipients"))) {
        StringBuilder reasons = new StringBuilder();
        for (Map<String, Object> reason : CaseCommand.castList(r.get("reasons"))) {
          reasons.append(reasons.length() == 0 ? "" : "; ").append(reason.get("text"));
        }
        out().printf("    %s (%s, %s) as %s%s: %s%n", r.get("organization"), r.get("kind"), r.get("country") == null ? "no country" : r.get("country"),
            String.join("+", strings(r.get("roles"))), Boolean.TRUE.equals(r.get("participant")) ? " [participant]" : "", reasons);
      }
      PlanRulesText.wave(out(), w);
    }
    PlanRulesText.conflicts(out(), p);
    for (Map<String, Object> c : CaseCommand.castList(p.get("withheld"))) {
      out().printf("  withheld %s %s %s: %s%n", c.get("sector"), c.get("country"), c.get("criticality"), c.get("deployments") == null ? "<k" : c.get("deployments"));
    }
    if (p.get("notes") instanceof List<?> notes) {
      notes.forEach(n -> out().printf("  note: %s%n", n));
    }
  }

  private void diff(Object value) {
    if (!(value instanceof Map<?, ?> raw)) {
      return;
    }
    Map<String, Object> d = cast(raw);
    out().println("Changes from the adopted plan:");
    int lines = 0;
    for (Map<String, Object> a : CaseCommand.castList(d.get("added"))) {
      out().printf("  + %s in wave %s (%s)%n", a.get("organization"), a.get("wave"), a.get("kind"));
      lines++;
    }
    for (Map<String, Object> r : CaseCommand.castList(d.get("removed"))) {
      out().printf("  - %s was in wave %s (%s)%n", r.get("organization"), r.get("wave"), r.get("kind"));
      lines++;
    }
    for (Map<String, Object> m : CaseCommand.castList(d.get("moved"))) {
      out().printf("  ~ %s moves from wave %s (%s) to wave %s (%s)%n", m.get("organization"), m.get("from_wave"), m.get("from_kind"),
          m.get("to_wave"), m.get("to_kind"));
      lines++;
    }
    for (Map<String, Object> m : CaseCommand.castList(d.get("due_moved"))) {
      out().printf("  ~ %s due %s%s -> %s%s%n", m.get("kind"), utc(m.get("from")), Boolean.TRUE.equals(m.get("gated_before")) ? " (gated on fix_ready)" : "",
          utc(m.get("to")), Boolean.TRUE.equals(m.get("gated_now")) ? " (gated on fix_ready)" : "");
      lines++;
    }
    if (lines == 0) {
      out().println("  none");
    }
  }

  private static String utc(Object instant) {
    return instant == null ? "-" : UTC.format(Instant.parse(instant.toString()));
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
