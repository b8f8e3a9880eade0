package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.app.Cases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accord case create|list|show|invite|embargo|transition|events}: disclosure cases (ADR 0104),
 * on the data directory (as the local coordinator acting for {@code --org}) or through {@code --server}.
 */
@Command(
    name = "case",
    description = {
      "Open and coordinate disclosure cases.",
      "",
      "A case has participants (organizations with roles), one embargo negotiated by proposals (the shortest "
          + "wins), and a case state (VFDPXA). Only participants see a case. An illegal transition exits 1 with "
          + "the reason."
    },
    subcommands = {CaseCommand.Create.class, CaseCommand.ListCases.class, CaseCommand.Show.class, CaseCommand.Invite.class,
        CaseCommand.Embargo.class, CaseCommand.Transition.class, CaseCommand.Events.class})
final class CaseCommand {
  private CaseCommand() {}

  /** The API's answer to a list of cases. */
  record Listed(List<Map<String, Object>> cases) {}

  /** A command about one case, acting for {@code --org} on the data directory. */
  abstract static class OnCase extends AccordCommand {
    @Parameters(index = "0", paramLabel = "CASE-ID", description = "The case, such as ACC-2026-0001.")
    String id;

    @Option(names = "--org", paramLabel = "NAME", description = "Act for this organization (on the data directory; default: the coordinator's).")
    String organization;

    String path(String suffix) {
      return "api/v1/cases/" + Remote.segment(id) + suffix;
    }
  }

  @Command(name = "create", description = "Open a case; your organization owns it.",
      footer = {"", "Example:", "  accord case create 'LibraCore deserialization' --org Libra --role vendor"})
  static final class Create extends AccordCommand {
    @Parameters(paramLabel = "TITLE", description = "The case's title.")
    String title;

    @Option(names = "--tlp", paramLabel = "LABEL", description = "TLP 2.0 label (default TLP:AMBER).")
    String tlp;

    @Option(names = "--role", paramLabel = "ROLE", description = "A further role of the owner (repeatable): finder, reporter, vendor, ...")
    List<String> roles;

    @Option(names = "--org", paramLabel = "NAME", description = "Open it for this organization (on the data directory).")
    String organization;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> answer;
      if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        if (tlp != null) {
          body.put("tlp", tlp);
        }
        if (roles != null) {
          body.put("roles", roles);
        }
        answer = remote().get().postJson("api/v1/cases", body, Map.class);
      } else {
        answer = Cases.describe(context().accord().cases().create(actingAs(organization), title, tlp, roles));
      }
      print(this, answer, "Opened");
      return Main.OK;
    }
  }

  @Command(name = "list", description = "List the cases you take part in.")
  static final class ListCases extends AccordCommand {
    @Option(names = "--org", paramLabel = "NAME", description = "As this organization (on the data directory).")
    String organization;

    @Override
    protected int execute() {
      List<Map<String, Object>> cases = remote().isPresent()
          ? remote().get().get("api/v1/cases", Remote.query(), Listed.class).cases()
          : context().accord().cases().list(actingAs(organization)).stream().map(Cases::describe).toList();
      if (json) {
        printJson(Map.of("cases", cases));
        return Main.OK;
      }
      for (Map<String, Object> c : cases) {
        out().printf("%-14s %-16s %-8s %s%n", c.get("id"), c.get("tlp"), c.get("em"), c.get("title"));
      }
      return Main.OK;
    }
  }

  @Command(name = "show", description = "Show one case.")
  static final class Show extends OnCase {
    @Override
    protected int execute() {
      Map<String, Object> answer = remote().isPresent()
          ? remote().get().get(path(""), Remote.query(), Map.class)
          : Cases.describe(context().accord().cases().show(actingAs(organization), id));
      print(this, answer, "Case");
      return Main.OK;
    }
  }

  @Command(name = "invite", description = {"Invite an organization to a case.", "The case owner or the coordinator may."},
      footer = {"", "Example:", "  accord case invite ACC-2026-0001 Libra --role vendor"})
  static final class Invite extends OnCase {
    @Parameters(index = "1", paramLabel = "ORGANIZATION", description = "The organization to invite.")
    String invited;

    @Option(names = "--role", paramLabel = "ROLE", required = true, description = "Its role (repeatable).")
    List<String> roles;

    @Option(names = "--member", paramLabel = "EMAIL", description = "Only this member of it takes part.")
    String member;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> answer;
      if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", invited);
        body.put("roles", roles);
        if (member != null) {
          body.put("member", member);
        }
        answer = remote().get().postJson(path("/participants"), body, Map.class);
      } else {
        answer = Cases.describe(context().accord().cases().invite(actingAs(organization), id, invited, roles, member));
      }
      print(this, answer, "Invited " + invited + " to");
      return Main.OK;
    }
  }

  @Command(name = "embargo", description = "Negotiate a case's embargo.",
      subcommands = {Propose.class, Accept.class, Reject.class, Terminate.class})
  static final class Embargo {}

  @Command(name = "propose", description = {"Propose embargo terms.", "The shortest open proposal wins when the case owner accepts."
      + " More than 90 days needs --justification; more than a year is refused."},
      footer = {"", "Examples:", "  accord case embargo propose ACC-2026-0001 --end 45d", "  accord case embargo propose ACC-2026-0001 --end 2027-03-01T00:00:00Z"})
  static final class Propose extends OnCase {
    @Option(names = "--end", required = true, paramLabel = "WHEN", description = "An instant in UTC (2027-03-01T00:00:00Z) or days from now (45d).")
    String end;

    @Option(names = "--justification", paramLabel = "TEXT", description = "Why more than 90 days.")
    String justification;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> answer;
      if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("end", end);
        if (justification != null) {
          body.put("justification", justification);
        }
        answer = remote().get().postJson(path("/embargo"), body, Map.class);
      } else {
        answer = Cases.describe(context().accord().cases().propose(actingAs(organization), id, end, justification));
      }
      print(this, answer, "Proposed an embargo for");
      return Main.OK;
    }
  }

  @Command(name = "accept", description = {"Accept the open embargo proposals.", "The case owner puts the shortest in force; others consent to it."})
  static final class Accept extends OnCase {
    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> answer = remote().isPresent()
          ? remote().get().postJson(path("/embargo/accept"), Map.of(), Map.class)
          : Cases.describe(context().accord().cases().accept(actingAs(organization), id));
      print(this, answer, "Accepted the embargo of");
      return Main.OK;
    }
  }

  @Command(name = "reject", description = {"Reject the open embargo proposals.", "The case owner drops them; others decline."})
  static final class Reject extends OnCase {
    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> answer = remote().isPresent()
          ? remote().get().postJson(path("/embargo/reject"), Map.of(), Map.class)
          : Cases.describe(context().accord().cases().reject(actingAs(organization), id));
      print(this, answer, "Rejected the embargo proposals of");
      return Main.OK;
    }
  }

  @Command(name = "terminate", description = {"End the embargo in force.", "The case owner or the coordinator may."})
  static final class Terminate extends OnCase {
    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> answer = remote().isPresent()
          ? remote().get().postJson(path("/embargo/terminate"), Map.of(), Map.class)
          : Cases.describe(context().accord().cases().terminate(actingAs(organization), id));
      print(this, answer, "Ended the embargo of");
      return Main.OK;
    }
  }

  @Command(name = "transition", description = {"Record a case state (VFDPXA) event.",
      "vendor_aware, fix_ready and fix_deployed name --vendor; public_aware and exploit_public end the embargo; "
          + "attacks_observed under an embargo raises an alert."},
      footer = {"", "Examples:", "  accord case transition ACC-2026-0001 vendor_aware --vendor Libra",
          "  accord case transition ACC-2026-0001 exploit_public"})
  static final class Transition extends OnCase {
    @Parameters(index = "1", paramLabel = "EVENT", description = "The event, or its Vultron letter (V, F, D, P, X, A).")
    String event;

    @Option(names = "--vendor", paramLabel = "NAME", description = "The vendor participant, for V, F and D.")
    String vendor;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> answer;
      if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        if (vendor != null) {
          body.put("vendor", vendor);
        }
        answer = remote().get().postJson(path("/transitions"), body, Map.class);
      } else {
        answer = Cases.describe(context().accord().cases().transition(actingAs(organization), id, event, vendor));
      }
      print(this, answer, "Recorded " + event + " on");
      return Main.OK;
    }
  }

  @Command(name = "events", description = "The case's events, oldest first.")
  static final class Events extends OnCase {
    @Override
    protected int execute() {
      List<Map<String, Object>> events;
      if (remote().isPresent()) {
        events = remote().get().get(path("/events"), Remote.query(), Map.class) instanceof Map<?, ?> m
            ? castList(m.get("events")) : List.of();
      } else {
        events = context().accord().cases().events(actingAs(organization), id);
      }
      if (json) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("case", id);
        answer.put("events", events);
        printJson(answer);
        return Main.OK;
      }
      for (Map<String, Object> e : events) {
        out().printf("%4s  %s  %-26s %s%n", e.get("seq"), e.get("at"), e.get("type"), e.get("data"));
      }
      return Main.OK;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object value) {
      return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
  }

  private static void print(AccordCommand command, Map<String, Object> c, String verb) {
    if (command.json) {
      command.printJson(c);
      return;
    }
    command.out().printf("%s %s: %s (%s, embargo %s, state %s)%n", verb, c.get("id"), c.get("title"), c.get("tlp"), c.get("em"),
        c.get("state") instanceof Map<?, ?> s ? s.get("pxa") : "");
    if (c.get("embargo") instanceof Map<?, ?> e) {
      command.out().printf("  embargo ends %s%n", e.get("end_utc"));
    }
    if (c.get("alert") != null) {
      command.out().printf("  ALERT: %s%n", c.get("alert"));
    }
    if (c.get("participants") instanceof List<?> ps) {
      for (Object p : ps) {
        if (p instanceof Map<?, ?> m) {
          command.out().printf("  %-24s %-30s consent %s%s%n", m.get("organization"), m.get("roles"), m.get("consent"),
              m.get("vfd") == null ? "" : ", " + m.get("vfd"));
        }
      }
    }
  }
}
