package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accord.app.Cases;
import org.accord.app.ListPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accord case create|list|show|invite|embargo|transition|events|vuln|suggest|plan|status|ack|calendar}: disclosure
 * cases (ADR 0104, 0107),
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
        CaseCommand.Embargo.class, CaseCommand.Transition.class, CaseCommand.Events.class, CaseCommand.Vuln.class,
        CaseCommand.Suggest.class, CasePlanCommand.class, org.accord.cli.obligation.CaseObligationsCommand.class,
        org.accord.cli.obligation.CaseFulfilCommand.class, CaseCommand.Status.class, CaseCommand.Ack.class, CaseCommand.AccessLog.class,
        CaseCommand.CalendarExport.class, CaseTermsCommand.class,
        CasePublicationCommands.Publish.class, CasePublicationCommands.Reveal.class,
        CasePublicationCommands.Credit.class, CaseMessageCommand.class})
public final class CaseCommand {
  private CaseCommand() {}

  /** The API's answer to a list of cases. */
  record Listed(List<Map<String, Object>> cases, int total, int limit, String cursor) {}

  /** A command about one case, acting for {@code --org} on the data directory. */
  public abstract static class OnCase extends AccordCommand {
    @Parameters(index = "0", paramLabel = "CASE-ID", description = "The case, such as ACC-2026-0001.")
    protected String id;

    @Option(names = "--org", paramLabel = "NAME", description = "Act for this organization (on the data directory; default: the coordinator's).")
    protected String organization;

    protected String path(String suffix) {
      return "api/v1/cases/" + Remote.segment(id) + suffix;
    }

    /**
     * An embargo decision without a body: POSTs {@code suffix} through the server, or runs {@code
     * local} on the data directory, and prints the case after it.
     */
    int decide(String suffix, java.util.function.BiFunction<Cases, org.accord.party.Principal, Cases.View> local, String done) {
      Map<String, Object> answer = remote().isPresent()
          ? remote().get().postJson(path(suffix), Map.of(), Map.class)
          : Cases.describe(local.apply(context().accord().cases(), actingAs(organization)));
      print(this, answer, done);
      return Main.OK;
    }
  }

  @Command(name = "create", description = "Open a case; your organization owns it.",
      footer = {"", "Examples:", "  accord case create 'LibraCore deserialization' --org Libra --role vendor",
          "  accord case create 'Embargoed flaw' --tlp RED --recipient lead@libra.example"})
  static final class Create extends AccordCommand {
    @Parameters(paramLabel = "TITLE", description = "The case's title.")
    String title;

    @Option(names = "--tlp", paramLabel = "LABEL", description = "TLP 2.0 label (default TLP:AMBER).")
    String tlp;

    @Option(names = "--role", paramLabel = "ROLE", description = "A further role of the owner (repeatable): finder, reporter, vendor, ...")
    List<String> roles;

    @Option(names = "--recipient", paramLabel = "EMAIL",
        description = "TLP:RED only: a person (member e-mail) who may see the case; members invited later join them besides you (repeatable).")
    List<String> recipients;

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
        if (recipients != null) {
          body.put("recipients", recipients);
        }
        answer = remote().get().postJson("api/v1/cases", body, Map.class);
      } else {
        answer = Cases.describe(context().accord().cases().create(actingAs(organization), title, tlp, roles, recipients));
      }
      print(this, answer, "Opened");
      return Main.OK;
    }
  }

  @Command(name = "list", description = {"List the cases you take part in, a page at a time.",
      "Each with its TLP, EM state, embargo end, your roles and its participant count; `case show` has the participants."},
      footer = {"", "Example:", "  accord case list --limit 20", "  accord case list --cursor <the cursor printed by the previous page>"})
  static final class ListCases extends AccordCommand {
    @Option(names = "--org", paramLabel = "NAME", description = "As this organization (on the data directory).")
    String organization;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Cases per page (1 to 500). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--cursor", paramLabel = "C", description = "The cursor of the previous page.")
    String cursor;

    @Override
    protected int execute() {
      Listed page;
      if (remote().isPresent()) {
        Remote.Query query = Remote.query("limit", Integer.toString(limit));
        if (cursor != null) {
          query.add("cursor", cursor);
        }
        page = remote().get().get("api/v1/cases", query, Listed.class);
      } else {
        ListPage<Cases.Summary> found = context().accord().cases().list(actingAs(organization), limit, cursor);
        page = new Listed(found.items().stream().map(Cases::describe).toList(), found.total(), found.limit(), found.cursor());
      }
      if (json) {
        printJson(page);
        return Main.OK;
      }
      if (page.cases().isEmpty()) {
        out().println(cursor == null ? "No case you take part in or may see. Open one: accord case create 'TITLE'"
            : "No more cases after this cursor.");
      }
      for (Map<String, Object> c : page.cases()) {
        out().printf("%-14s %-16s %-8s %5s  %s%n", c.get("id"), c.get("tlp"), c.get("em"), c.get("participant_count"), c.get("title"));
      }
      if (page.cursor() != null) {
        out().printf("%d of %d; next page: --cursor %s%n", page.cases().size(), page.total(), page.cursor());
      }
      return Main.OK;
    }
  }

  @Command(name = "show", description = {"Show one case.", "The embargo's end is shown in UTC and in your time zone, named."},
      footer = {"", "Example:", "  accord case show ACC-2026-0001 --tz Europe/Zurich"})
  static final class Show extends OnCase {
    @Option(names = "--tz", paramLabel = "ZONE",
        description = "Show the embargo's end in this time zone (IANA name or offset; default: this machine's, ${DEFAULT-VALUE}).")
    String zone = java.time.ZoneId.systemDefault().getId();

    @Override
    protected int execute() {
      Map<String, Object> answer;
      List<Map<String, Object>> vulnerabilities;
      java.time.ZoneId tz = Cases.zone(zone, "--tz");
      if (remote().isPresent()) {
        answer = new LinkedHashMap<String, Object>(remote().get().get(path(""), Remote.query("tz", tz.getId()), Map.class));
        vulnerabilities = castList(remote().get().get(path("/vulnerabilities"), Remote.query(), Map.class).get("vulnerabilities"));
      } else {
        answer = new LinkedHashMap<>(Cases.describe(context().accord().cases().show(actingAs(organization), id), tz));
        vulnerabilities = context().accord().cases().vulnerabilities(actingAs(organization), id);
      }
      answer.put("vulnerabilities", vulnerabilities);
      print(this, answer, "Case");
      if (!json) {
        printVulnerabilities(this, vulnerabilities);
      }
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
      return decide("/embargo/accept", (cases, actor) -> cases.accept(actor, id), "Accepted the embargo of");
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
      return decide("/embargo/reject", (cases, actor) -> cases.reject(actor, id), "Rejected the embargo proposals of");
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
      return decide("/embargo/terminate", (cases, actor) -> cases.terminate(actor, id), "Ended the embargo of");
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
  }

  private static void print(AccordCommand command, Map<String, Object> c, String verb) {
    if (command.json) {
      command.printJson(c);
      return;
    }
    command.out().printf("%s %s: %s (%s, embargo %s, state %s)%n", verb, c.get("id"), c.get("title"), c.get("tlp"), c.get("em"),
        c.get("state") instanceof Map<?, ?> s ? s.get("pxa") : "");
    if (c.get("embargo") instanceof Map<?, ?> e) {
      command.out().printf("  embargo ends %s%s%n", e.get("end_utc"), e.get("end_local") == null ? "" : " = " + e.get("end_local"));
    }
    if (c.get("alert") != null) {
      command.out().printf("  ALERT: %s%n", c.get("alert"));
    }
    if (c.get("participants") instanceof List<?> ps) {
      for (Object p : ps) {
        if (p instanceof Map<?, ?> m) {
          command.out().printf("  %-24s %-30s consent %s%s%s%s%n", m.get("organization"), m.get("roles"), m.get("consent"),
              m.get("revision") == null ? "" : ", revision " + m.get("revision"),
              m.get("vfd") == null ? "" : ", " + m.get("vfd"),
              m.get("rsvp_deadline") == null ? "" : ", answer by "
                  + (m.get("rsvp_deadline_local") == null ? m.get("rsvp_deadline") : m.get("rsvp_deadline_local")));
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> castList(Object value) {
    return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
  }

  private static void printVulnerabilities(AccordCommand command, List<Map<String, Object>> vulnerabilities) {
    for (Map<String, Object> v : vulnerabilities) {
      StringBuilder affected = new StringBuilder();
      for (Map<String, Object> p : castList(v.get("affected"))) {
        affected.append(affected.length() == 0 ? "" : ", ").append(p.get("purl")).append(' ').append(p.get("range"));
      }
      command.out().printf("  vulnerability %s %-16s %s %s%s%n", v.get("id"), v.get("alias") == null ? "(no alias)" : v.get("alias"),
          v.get("tlp"), affected, v.get("cvss") == null ? "" : "  " + v.get("cvss"));
    }
  }

  @Command(name = "vuln", description = "A case's vulnerabilities (ADR 0107).", subcommands = {VulnAdd.class, VulnList.class})
  static final class Vuln {}

  @Command(name = "add", description = {"Add a vulnerability to a case.", "The case owner or the coordinator may."},
      footer = {"", "Example:", "  accord case vuln add ACC-2026-0001 --alias CVE-2026-1234 \\",
          "      --affected 'pkg:maven/org.libra/libracore [2.0,2.3.4)'"})
  static final class VulnAdd extends OnCase {
    @Option(names = "--alias", paramLabel = "ID", description = "A CVE id or another alias.")
    String alias;

    @Option(names = "--affected", required = true, paramLabel = "'PURL RANGE'", description = "An affected package and range (repeatable).")
    List<String> affected;

    @Option(names = "--cvss", paramLabel = "VECTOR", description = "A CVSS 3.x or 4.0 vector.")
    String cvss;

    @Option(names = "--tlp", paramLabel = "LABEL", description = "The item's TLP label (default: the case's; never below it).")
    String tlp;

    @Option(names = "--recipient", paramLabel = "EMAIL",
        description = "TLP:RED only: a person (member e-mail) who may see it besides you (repeatable).")
    List<String> recipients;

    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      List<Map<String, Object>> list;
      if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (alias != null) {
          body.put("alias", alias);
        }
        body.put("affected", affected);
        if (cvss != null) {
          body.put("cvss", cvss);
        }
        if (tlp != null) {
          body.put("tlp", tlp);
        }
        if (recipients != null) {
          body.put("recipients", recipients);
        }
        list = castList(remote().get().postJson(path("/vulnerabilities"), body, Map.class).get("vulnerabilities"));
      } else {
        list = context().accord().cases().addVulnerability(actingAs(organization), id, alias, affected, cvss, tlp, recipients);
      }
      if (json) {
        printJson(Map.of("case", id, "vulnerabilities", list));
        return Main.OK;
      }
      out().printf("Added a vulnerability to %s%n", id);
      printVulnerabilities(this, list);
      return Main.OK;
    }
  }

  @Command(name = "list", description = "The case's vulnerabilities you may see.")
  static final class VulnList extends OnCase {
    @Override
    protected int execute() {
      List<Map<String, Object>> list = remote().isPresent()
          ? castList(remote().get().get(path("/vulnerabilities"), Remote.query(), Map.class).get("vulnerabilities"))
          : context().accord().cases().vulnerabilities(actingAs(organization), id);
      if (json) {
        printJson(Map.of("case", id, "vulnerabilities", list));
        return Main.OK;
      }
      printVulnerabilities(this, list);
      return Main.OK;
    }
  }

  @Command(name = "suggest", description = {"Participants suggested from the case's affected packages.",
      "Organizations already taking part are marked. Invite one with accord case invite ID ORG --role ROLE."})
  static final class Suggest extends OnCase {
    @Override
    protected int execute() {
      Map<String, Object> answer = remote().isPresent()
          ? remote().get().get(path("/suggestions"), Remote.query(), Map.class)
          : context().accord().cases().suggest(actingAs(organization), id, context().accord().suggestions());
      if (json) {
        printJson(answer);
        return Main.OK;
      }
      for (Map<String, Object> s : castList(answer.get("suggestions"))) {
        out().printf("%-11s %-28s %-20s %s%s%n", s.get("kind"), s.get("organization"), s.get("roles"), s.get("reason"),
            Boolean.TRUE.equals(s.get("participant")) ? "  [participant]" : "");
      }
      for (Map<String, Object> w : castList(answer.get("withheld"))) {
        out().printf("withheld    %s %s %s: %s%n", w.get("sector"), w.get("country"), w.get("criticality"),
            w.get("deployments") == null ? "<k" : w.get("deployments"));
      }
      if (answer.get("notes") instanceof List<?> notes) {
        notes.forEach(n -> out().printf("note: %s%n", n));
      }
      return Main.OK;
    }
  }

  @Command(name = "status", description = {"Set or list statuses per participant and product.",
      "With --product, sets your participant's status (the coordinator names one with --for); without, lists them. "
          + "not_yet_checked (the default) is not not_affected."},
      footer = {"", "Examples:", "  accord case status ACC-2026-0001 --product pkg:generic/acme/router \\",
          "      --status not_affected --justification vulnerable_code_not_present", "  accord case status ACC-2026-0001"})
  static final class Status extends OnCase {
    @Option(names = "--product", paramLabel = "PURL", description = "The product.")
    String product;

    @Option(names = "--status", paramLabel = "VEX", description = "not_yet_checked, not_affected, affected, fixed, under_investigation.")
    String status;

    @Option(names = "--justification", paramLabel = "LABEL", description = "With not_affected.")
    String justification;

    @Option(names = "--involvement", paramLabel = "LABEL", description = "not_contacted, contact_attempted, open (default), in_progress, completed, disputed.")
    String involvement;

    @Option(names = "--for", paramLabel = "ORG", description = "The participant (the coordinator only).")
    String participant;

    @Option(names = "--tlp", paramLabel = "LABEL", description = "The item's TLP label (default: the case's; never below it).")
    String tlp;

    @Option(names = "--recipient", paramLabel = "EMAIL",
        description = "TLP:RED only: a person (member e-mail) who may see the status besides you (repeatable).")
    List<String> recipients;

    @Override
    protected boolean createsData() {
      return product != null;
    }

    @Override
    protected int execute() {
      List<Map<String, Object>> list;
      if (product == null) {
        if (status != null || justification != null || involvement != null || participant != null || tlp != null || recipients != null) {
          throw new UserException("--status, --justification, --involvement, --for, --tlp and --recipient need --product");
        }
        list = remote().isPresent()
            ? castList(remote().get().get(path("/statuses"), Remote.query(), Map.class).get("statuses"))
            : context().accord().cases().statuses(actingAs(organization), id);
      } else if (remote().isPresent()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("product", product);
        body.put("status", status);
        body.put("justification", justification);
        body.put("involvement", involvement);
        body.put("organization", participant);
        body.put("tlp", tlp);
        body.put("recipients", recipients);
        body.values().removeIf(java.util.Objects::isNull);
        list = castList(remote().get().postJson(path("/statuses"), body, Map.class).get("statuses"));
      } else {
        list = context().accord().cases().setStatus(actingAs(organization), id, participant, product, status, justification,
            involvement, tlp, recipients);
      }
      if (json) {
        printJson(Map.of("case", id, "statuses", list));
        return Main.OK;
      }
      for (Map<String, Object> s : list) {
        out().printf("%-24s %-40s %-20s %-14s viewed %s, acknowledged %s%n", s.get("organization"), s.get("product"),
            Boolean.TRUE.equals(s.get("checked")) ? s.get("vexStatus") : "not yet checked", s.get("involvement"),
            s.get("firstViewed") == null ? "never" : s.get("firstViewed"), s.get("acknowledged") == null ? "no" : s.get("acknowledged"));
      }
      return Main.OK;
    }
  }

  @Command(name = "ack", description = "Acknowledge a case for your participant.")
  static final class Ack extends OnCase {
    @Override
    protected boolean createsData() {
      return true;
    }

    @Override
    protected int execute() {
      Map<String, Object> answer = remote().isPresent()
          ? remote().get().postJson(path("/acknowledge"), Map.of(), Map.class)
          : Cases.describe(context().accord().cases().acknowledge(actingAs(organization), id));
      print(this, answer, "Acknowledged");
      return Main.OK;
    }
  }

  @Command(name = "access-log", description = {"Who viewed what of a case, oldest first (ADR 0113).",
      "The case owner's admins or the coordinator may. Views are written about once a second; one row counts a viewer's"
          + " repeated views of one thing in that window."},
      footer = {"", "Example:", "  accord case access-log ACC-2026-0001 --json"})
  static final class AccessLog extends OnCase {
    @Override
    protected int execute() {
      List<Map<String, Object>> entries = remote().isPresent()
          ? castList(remote().get().get(path("/access-log"), Remote.query(), Map.class).get("entries"))
          : context().accord().cases().accessLog(actingAs(organization), id);
      if (json) {
        printJson(Map.of("case", id, "entries", entries));
        return Main.OK;
      }
      for (Map<String, Object> e : entries) {
        Object who = e.get("organization") == null ? "(unrecorded views)"
            : e.get("organization") + (e.get("member") == null ? "" : " / " + e.get("member"));
        out().printf("%s  %-44s %-16s %5s view(s), last %s%n", e.get("first"), who, e.get("what"), e.get("views"), e.get("last"));
      }
      return Main.OK;
    }
  }

  @Command(name = "calendar", description = {"Export your deadlines of a case as iCalendar (ADR 0132).",
      "An RFC 5545 file: the embargo's end (TENTATIVE while only proposed), a proposed revision's end, and your organization's RSVP deadline"
          + " (every participant's for the case owner), each with an alarm a day before. Events name the case id and the"
          + " kind only, and link to the case under ACCORD_PUBLIC_URL; importing the file again updates the events."},
      footer = {"", "Example:", "  accord case calendar ACC-2026-0001 --out acc-2026-0001.ics"})
  static final class CalendarExport extends OnCase {
    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the calendar here (default: standard output).")
    java.nio.file.Path output;

    @Override
    protected int execute() {
      String text = remote().isPresent()
          ? remote().get().getText(path("/calendar.ics"), Remote.query())
          : context().accord().calendars().calendar(actingAs(organization), id, org.accord.app.CaseCalendars.publicUrl());
      int events;
      try {
        events = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(text)).getComponents("VEVENT").size();
      } catch (java.io.IOException | net.fortuna.ical4j.data.ParserException e) {
        throw new UserException("the calendar of " + id + " does not read as iCalendar: " + e.getMessage());
      }
      if (output != null) {
        try {
          java.nio.file.Files.writeString(output, text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
          throw new UserException("cannot write " + output + ": " + e.getMessage());
        }
      }
      if (json) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("case", id);
        answer.put("events", events);
        if (output != null) {
          answer.put("file", output.toString());
        } else {
          answer.put("calendar", text);
        }
        printJson(answer);
      } else if (output != null) {
        out().printf("Wrote %d deadline(s) of %s to %s%n", events, id, output);
      } else {
        out().print(text);
      }
      return Main.OK;
    }
  }
}
