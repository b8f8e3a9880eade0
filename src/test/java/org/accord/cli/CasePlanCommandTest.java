package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.accord.app.Accord;
import org.accord.store.ServerRecord;
import org.accord.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord case plan}, on the data directory and through a running server (ADR 0134). */
class CasePlanCommandTest {
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

  @Test
  void computeShowAndAdoptOnTheDataDirectoryAndThroughAServer() throws Exception {
    ok("org", "create", "Libra", "--kind", "vendor", "--country", "DE");
    ok("org", "create", "Acme", "--kind", "vendor");
    String id = CaseCommandTest.id(ok("case", "create", "LibraCore", "--org", "Libra", "--role", "vendor", "--json"));
    ok("case", "invite", id, "Acme", "--role", "vendor", "--org", "Libra");
    ok("case", "vuln", "add", id, "--affected", "pkg:maven/org.libra/libracore [2.0,2.3.4)", "--org", "Libra");

    CliRun draft = ok("case", "plan", id, "--org", "Libra");
    assertThat(draft.out()).contains("Draft 1 of " + id + ": coordinated", "wave 1 publication", "UTC", "gate fix_ready", "TLP:CLEAR",
        "note: ", "Adopt it with: accord case plan " + id + " --adopt 1");
    CliRun bogus = accord("case", "plan", id, "--strategy", "staged", "--org", "Libra");
    assertThat(bogus.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(bogus.all()).contains("strategy", "coordinated, immediate");
    CliRun both = accord("case", "plan", id, "--show", "--adopt", "1", "--org", "Libra");
    assertThat(both.exit()).isEqualTo(Main.USER_ERROR);
    ok("case", "plan", id, "--strategy", "immediate", "--org", "Libra");
    CliRun stale = accord("case", "plan", id, "--adopt", "1", "--org", "Libra");
    assertThat(stale.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(stale.all()).contains("the current draft is 2");
    assertThat(ok("case", "plan", id, "--adopt", "2", "--org", "Libra").out()).contains("Adopted 2 of " + id + ": immediate", "not sent");

    Path data = dir.resolve("data");
    try (Accord accord = Accord.open(new Accord.Config(data, null));
        WebServer server = WebServer.start(accord, "127.0.0.1", 0)) {
      ServerRecord record = new ServerRecord("http://127.0.0.1:" + server.port() + "/", ProcessHandle.current().pid(), server.localToken());
      record.write(data);
      try {
        assertThat(ok("case", "plan", id, "--show", "--json").out()).contains("\"state\" : \"adopted\"", "\"draft\" : null",
            "\"rules\" : [ ]");
        CliRun recomputed = ok("case", "plan", id, "--strategy", "coordinated");
        assertThat(recomputed.out()).contains("Draft 3", "Changes from the adopted plan:", "publication due");
        assertThat(ok("case", "plan", id, "--show").out()).contains("Adopted plan 2", "Draft 3");
      } finally {
        record.delete(data);
      }
    }
  }
}
