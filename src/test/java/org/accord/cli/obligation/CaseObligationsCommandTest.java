package org.accord.cli.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.accord.app.Accord;
import org.accord.cli.CliRun;
import org.accord.cli.Main;
import org.accord.store.ServerRecord;
import org.accord.testing.LibraCorePlanWorld;
import org.accord.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code accord case obligations}, {@code accord case fulfil} and {@code accord case plan --acknowledge}
 * (ADRs 0138, 0139) on the LibraCore world, on the data directory and through a running server.
 */
class CaseObligationsCommandTest {
  @TempDir Path dir;

  CliRun accord(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.run(all);
  }

  CliRun ok(String... args) {
    CliRun run = accord(args);
    assertThat(run.exit()).as(String.join(" ", args) + ": " + run.all()).isZero();
    return run;
  }

  @Test
  void listFulfilAndAcknowledgeOnTheDataDirectoryAndThroughAServer() throws Exception {
    String id;
    String warning;
    String miit;
    LibraCorePlanWorld world = LibraCorePlanWorld.open(dir, "sqlite");
    try (Accord accord = world.accord()) {
      id = world.caseId();
      var coordinator = org.accord.TestPrincipals.coordinator(accord, "Coordination Center");
      accord.plans().adopt(coordinator, id, ((Number) accord.plans().draft(coordinator, id, null).get("id")).longValue());
      accord.planWaves().sweep();
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> all = (List<Map<String, Object>>) accord.obligations().list(coordinator, id).get("obligations");
      warning = (String) all.stream().filter(o -> o.get("rule").equals("cra-14-early-warning")).findFirst().orElseThrow().get("id");
      miit = (String) all.stream().filter(o -> o.get("rule").equals("rmsv-7-report")).findFirst().orElseThrow().get("id");
    }

    // on the data directory the command line is the instance's coordinator (acting for --org): it sees every obligation,
    // and still records only those of the organization it acts for
    assertThat(ok("case", "obligations", id, "--org", "Berlin Devices").out()).contains(warning, "Berlin Devices must send its early warning",
        "ENISA", miit);
    CliRun forged = accord("case", "fulfil", id, warning, "--reference", "forged", "--org", "Shenzhen Gridware");
    assertThat(forged.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(forged.all()).contains("only Berlin Devices records its own obligation " + warning);
    assertThat(accord("case", "fulfil", id, warning, "--org", "Berlin Devices").exit()).as("--reference is required").isEqualTo(2);
    assertThat(ok("case", "fulfil", id, warning, "--reference", "ENISA-2027-0042", "--org", "Berlin Devices").out())
        .contains("Recorded " + warning + " as ");
    assertThat(ok("case", "plan", id, "--acknowledge", "1").out()).contains("Acknowledged conflict 1 of the adopted plan of " + id);
    assertThat(accord("case", "plan", id, "--acknowledge", "1").exit()).isEqualTo(Main.USER_ERROR);
    assertThat(ok("case", "fulfil", id, miit, "--reference", "MIIT-7", "--org", "Shenzhen Gridware").out()).contains("Recorded " + miit);

    try (Accord accord = Accord.open(new Accord.Config(dir, null));
        WebServer server = WebServer.start(accord, "127.0.0.1", 0)) {
      ServerRecord record = new ServerRecord("http://127.0.0.1:" + server.port() + "/", ProcessHandle.current().pid(), server.localToken());
      record.write(dir);
      try {
        assertThat(ok("case", "obligations", id, "--json").out()).contains("\"reference\" : \"ENISA-2027-0042\"", miit);
        assertThat(ok("case", "plan", id, "--acknowledge", "2", "--json").out()).contains("\"acknowledged_by\" : \"local\"");
        CliRun twice = accord("case", "fulfil", id, miit, "--reference", "again");
        assertThat(twice.exit()).isEqualTo(Main.USER_ERROR);
      } finally {
        record.delete(dir);
      }
    }
  }

  @Test
  void helpShowsExamples() {
    assertThat(CliRun.run("case", "obligations", "--help").out()).contains("Examples:", "accord case obligations ACC-", "--json");
    assertThat(CliRun.run("case", "fulfil", "--help").out()).contains("Examples:", "--reference", "--done-at", "--json");
  }
}
