package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.accord.app.Accord;
import org.accord.store.ServerRecord;
import org.accord.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord case ...}, on the data directory and through a running server. */
class CaseCommandTest {
  @TempDir Path dir;

  CliRun accord(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.resolve("data").toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.run(all);
  }

  CliRun ok(String... args) {
    CliRun run = accord(args);
    assertThat(run.exit()).as(String.join(" ", args) + ": " + run.all()).isZero();
    return run;
  }

  static String id(CliRun run) {
    return run.out().replaceAll("(?s).*?\"id\" : \"(ACC-[0-9]{4}-[0-9]{4,})\".*", "$1");
  }

  @Test
  void aCaseFromCreationToAPublicExploitOnTheDataDirectory() {
    ok("org", "create", "Libra", "--kind", "vendor");
    ok("org", "create", "Acme", "--kind", "vendor");
    ok("org", "create", "Outsider", "--kind", "vendor");
    assertThat(ok("case", "list", "--org", "Libra").out()).as("an empty list says so").startsWith("No case you take part in");
    String id = id(ok("case", "create", "LibraCore deserialization", "--org", "Libra", "--role", "vendor", "--json"));
    assertThat(id).matches("ACC-20[0-9]{2}-0001");
    assertThat(ok("case", "invite", id, "Acme", "--role", "vendor", "--org", "Libra").out()).contains("Invited Acme to " + id, "Acme");
    ok("case", "embargo", "propose", id, "--end", "45d", "--org", "Libra");
    ok("case", "embargo", "propose", id, "--end", "90d", "--org", "Acme");
    assertThat(ok("case", "embargo", "accept", id, "--org", "Libra", "--json").out()).contains("\"em\" : \"active\"", "\"proposed_by\" : \"Libra\"");
    assertThat(ok("case", "list", "--org", "Acme").out()).contains(id, "active", "LibraCore deserialization");
    // Acme proposed longer terms than those in force, so it has not consented to them (ADR 0123): its
    // RSVP deadline shows, in the zone asked for; the owner, which signed its own terms, has none.
    String shown = ok("case", "show", id, "--org", "Acme", "--tz", "Asia/Tokyo").out();
    assertThat(shown).containsPattern("Acme .*consent invited.*, answer by 20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9:]+ Asia/Tokyo \\(UTC\\+09:00\\)");
    assertThat(shown.lines().filter(l -> l.contains("Libra ") && l.contains("consent"))).singleElement().asString()
        .doesNotContain("answer by");
    assertThat(ok("case", "show", id, "--org", "Acme", "--json").out()).containsPattern("\"rsvp_deadline\" : \"20[0-9-]+T[0-9:.]+Z\"");
    // The data directory's user is the instance coordinator (acting for --org): it sees AMBER cases.
    CliRun missing = accord("case", "show", "ACC-2026-9999", "--org", "Outsider");
    assertThat(missing.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(missing.all()).contains("no case ACC-2026-9999");

    CliRun illegal = accord("case", "transition", id, "fix_ready", "--vendor", "Acme", "--org", "Acme");
    assertThat(illegal.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(illegal.all()).contains("CS: cannot FIX_READY", "F implies V");
    assertThat(ok("case", "transition", id, "X", "--org", "Acme").out()).contains("embargo exited", "PXa");
    CliRun ended = accord("case", "embargo", "terminate", id, "--org", "Libra");
    assertThat(ended.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(ended.all()).contains("EM: cannot TERMINATE from EXITED");
    assertThat(ok("case", "events", id, "--org", "Acme").out()).contains("case.created", "case.embargo_accepted", "case.state_changed");
    assertThat(ok("case", "events", id, "--org", "Acme", "--json").out()).contains("\"type\" : \"case.participant_invited\"");
  }

  @Test
  void aCaseCalendarOnTheDataDirectory() throws Exception {
    ok("org", "create", "Libra", "--kind", "vendor");
    ok("org", "create", "Acme", "--kind", "vendor");
    String id = id(ok("case", "create", "LibraCore calendar", "--org", "Libra", "--role", "vendor", "--json"));
    ok("case", "invite", id, "Acme", "--role", "vendor", "--org", "Libra");
    ok("case", "embargo", "propose", id, "--end", "45d", "--org", "Libra");
    Path file = dir.resolve("acme.ics");
    assertThat(ok("case", "calendar", id, "--org", "Acme", "--out", file.toString()).out())
        .isEqualTo("Wrote 2 deadline(s) of " + id + " to " + file + System.lineSeparator());
    var calendar = new net.fortuna.ical4j.data.CalendarBuilder().build(java.nio.file.Files.newBufferedReader(file));
    assertThat(calendar.validate().hasErrors()).isFalse();
    assertThat(calendar.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT"))
        .extracting(e -> e.getProperty("UID").orElseThrow().getValue())
        .containsExactlyInAnyOrder(id + "/embargo-end@localhost:8080", id + "/rsvp/participant-"
            + java.nio.file.Files.readString(file).replaceAll("(?s).*/rsvp/participant-([0-9]+)@.*", "$1") + "@localhost:8080");
    assertThat(java.nio.file.Files.readString(file)).contains("STATUS:TENTATIVE").doesNotContain("LibraCore", "Acme");
    assertThat(ok("case", "calendar", id, "--org", "Libra", "--out", file.toString(), "--json").out())
        .contains("\"events\" : 2", "\"file\" : ");
    CliRun missing = accord("case", "calendar", "ACC-2026-9999", "--org", "Acme");
    assertThat(missing.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(missing.all()).contains("no case ACC-2026-9999");
    CliRun unwritable = accord("case", "calendar", id, "--org", "Acme", "--out", dir.resolve("no/such/dir/x.ics").toString());
    assertThat(unwritable.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(unwritable.all()).contains("cannot write");
  }

  @Test
  void theSameCommandsThroughARunningServer() throws Exception {
    ok("org", "create", "Acme", "--kind", "vendor");
    Path data = dir.resolve("data");
    try (Accord accord = Accord.open(new Accord.Config(data, null));
        WebServer server = WebServer.start(accord, "127.0.0.1", 0)) {
      ServerRecord record = new ServerRecord("http://127.0.0.1:" + server.port() + "/", ProcessHandle.current().pid(), server.localToken());
      record.write(data);
      try {
        String id = id(ok("case", "create", "Remote case", "--tlp", "TLP:GREEN", "--json"));
        ok("case", "invite", id, "Acme", "--role", "vendor");
        ok("case", "embargo", "propose", id, "--end", "30d");
        assertThat(ok("case", "embargo", "accept", id).out()).contains("embargo active");
        ok("case", "transition", id, "vendor_aware", "--vendor", "Acme");
        assertThat(ok("case", "transition", id, "attacks_observed").out()).contains("ALERT");
        CliRun illegal = accord("case", "transition", id, "vendor_aware", "--vendor", "Acme");
        assertThat(illegal.exit()).isEqualTo(Main.USER_ERROR);
        assertThat(illegal.all()).contains("already aware");
        assertThat(ok("case", "show", id, "--json").out()).contains("\"tlp\" : \"TLP:GREEN\"", "\"vfd\" : \"Vfd\"");
        // A alerts but does not end the embargo: its end shows in UTC and in the zone asked for, named
        assertThat(ok("case", "show", id, "--tz", "Asia/Tokyo").out()).containsPattern("embargo ends .* UTC = .* Asia/Tokyo \\(UTC\\+09:00\\)");
        CliRun badZone = accord("case", "show", id, "--tz", "Nowhere/Land");
        assertThat(badZone.exit()).isEqualTo(Main.USER_ERROR);
        assertThat(badZone.all()).contains("unknown time zone 'Nowhere/Land'");
        assertThat(ok("case", "events", id).out()).contains("case.state_changed");
        assertThat(accord.cases().list(accord.parties().localCoordinator())).hasSize(1);
        // The calendar through the server is the route's text/calendar (ADR 0132).
        String calendar = ok("case", "calendar", id).out();
        assertThat(calendar).startsWith("BEGIN:VCALENDAR").contains("UID:" + id + "/embargo-end@127.0.0.1:" + server.port(),
            "STATUS:CONFIRMED");
        assertThat(ok("case", "calendar", id, "--json").out()).contains("\"case\" : \"" + id + "\"", "\"calendar\" : \"BEGIN:VCALENDAR");
      } finally {
        record.delete(data);
      }
    }
  }

  @Test
  void vulnerabilitiesStatusesAndSuggestionsOnTheDataDirectoryAndThroughAServer() throws Exception {
    ok("org", "create", "Libra", "--kind", "vendor");
    ok("org", "create", "Acme", "--kind", "vendor");
    String id = id(ok("case", "create", "LibraCore", "--org", "Libra", "--role", "vendor", "--json"));
    ok("case", "invite", id, "Acme", "--role", "vendor", "--org", "Libra");
    assertThat(ok("case", "vuln", "add", id, "--alias", "CVE-2026-1234", "--affected", "pkg:maven/org.libra/libracore [2.0,2.3.4)",
        "--cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "--org", "Libra").out())
        .contains("CVE-2026-1234", "pkg:maven/org.libra/libracore vers:maven/");
    CliRun bad = accord("case", "vuln", "add", id, "--affected", "pkg:maven/org.libra/libracore", "--org", "Libra");
    assertThat(bad.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(bad.all()).contains("affected[0]");
    assertThat(ok("case", "show", id, "--org", "Acme").out()).contains("vulnerability 1 CVE-2026-1234");
    ok("case", "status", id, "--product", "pkg:generic/acme/router", "--org", "Acme");
    ok("case", "status", id, "--product", "pkg:generic/acme/hub", "--status", "not_affected", "--justification",
        "component_not_present", "--org", "Acme");
    assertThat(ok("case", "status", id, "--org", "Libra").out()).contains("not yet checked", "not_affected");
    assertThat(ok("case", "status", id, "--org", "Libra", "--json").out()).contains("\"vexStatus\" : null", "\"checked\" : false",
        "\"vexStatus\" : \"not_affected\"");
    ok("case", "ack", id, "--org", "Acme");
    assertThat(ok("case", "suggest", id, "--org", "Libra", "--json").out()).contains("\"suggestions\"", "\"notes\"");

    Path data = dir.resolve("data");
    try (Accord accord = Accord.open(new Accord.Config(data, null));
        WebServer server = WebServer.start(accord, "127.0.0.1", 0)) {
      ServerRecord record = new ServerRecord("http://127.0.0.1:" + server.port() + "/", ProcessHandle.current().pid(), server.localToken());
      record.write(data);
      try {
        assertThat(ok("case", "vuln", "list", id, "--json").out()).contains("\"alias\" : \"CVE-2026-1234\"");
        CliRun lower = accord("case", "vuln", "add", id, "--affected", "pkg:npm/left-pad vers:npm/>=1.0.0|<1.3.0", "--tlp", "TLP:GREEN");
        assertThat(lower.exit()).as("an item below the case's TLP:AMBER").isEqualTo(Main.USER_ERROR);
        assertThat(lower.all()).contains("tlp", "TLP:AMBER");
        CliRun stranger = accord("case", "vuln", "add", id, "--affected", "pkg:npm/left-pad vers:npm/>=1.0.0|<1.3.0", "--tlp", "RED",
            "--recipient", "nobody@nowhere.example");
        assertThat(stranger.exit()).isEqualTo(Main.USER_ERROR);
        assertThat(stranger.all()).contains("recipients[0]", "nobody@nowhere.example");
        ok("case", "vuln", "add", id, "--affected", "pkg:npm/left-pad vers:npm/>=1.0.0|<1.3.0", "--tlp", "TLP:AMBER+STRICT");
        assertThat(ok("case", "show", id).out()).contains("(no alias)", "pkg:npm/left-pad");
        assertThat(ok("case", "access-log", id, "--json").out()).contains("\"what\" : \"case\"", "\"what\" : \"vulnerabilities\"",
            "\"what\" : \"access_log\"");
        assertThat(ok("case", "access-log", id).out()).contains("access_log", "view(s)");
        assertThat(ok("case", "status", id, "--product", "pkg:generic/libra/app", "--for", "Libra", "--status", "affected").out())
            .contains("affected");
        assertThat(ok("case", "suggest", id, "--json").out()).contains("\"case\" : \"" + id + "\"");
      } finally {
        record.delete(data);
      }
    }
  }
}
