package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.app.Accord;
import org.accord.store.ServerRecord;
import org.accord.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord report ...}, on the data directory and through a running server. */
class ReportCommandTest {
  static final String MARKDOWN = "# Heap overflow in LibraCore\nA crafted frame overflows the buffer.\n## Affected\n"
      + "- pkg:maven/org.libra/libracore [2.0,2.3.4)\n";
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
    return run.out().replaceAll("(?s).*?\"id\" : \"(RPT-[0-9a-f]{24})\".*", "$1");
  }

  @Test
  void submitValidateAcceptAndRefuseOnTheDataDirectory() throws Exception {
    ok("org", "create", "Finder Lab", "--kind", "researcher");
    Path file = Files.writeString(dir.resolve("finding.md"), MARKDOWN);
    String id = id(ok("report", "submit", file.toString(), "--org", "Finder Lab", "--json"));
    assertThat(id).matches("RPT-[0-9a-f]{24}");
    Path bad = Files.writeString(dir.resolve("bad.md"), MARKDOWN.replace("[2.0,2.3.4)", "[2.0,2.3.4"));
    CliRun refused = accord("report", "submit", bad.toString(), "--org", "Finder Lab");
    assertThat(refused.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(refused.all()).contains("line 4, field affected");
    CliRun early = accord("report", "transition", id, "accept");
    assertThat(early.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(early.all()).contains("RMB-09-001");
    ok("report", "transition", id, "validate");
    assertThat(ok("report", "transition", id, "accept").out()).contains("(accepted)", "case ACC-");
    assertThat(ok("report", "list", "--org", "Finder Lab").out()).contains(id, "accepted", "Heap overflow in LibraCore");
    assertThat(ok("report", "list").out().lines().count()).isEqualTo(1);
  }

  @Test
  void theSameCommandsThroughARunningServer() throws Exception {
    ok("org", "create", "Acme", "--kind", "vendor");
    Path data = dir.resolve("data");
    Path file = Files.writeString(dir.resolve("finding.md"), MARKDOWN);
    try (Accord accord = Accord.open(new Accord.Config(data, null));
        WebServer server = WebServer.start(accord, "127.0.0.1", 0)) {
      ServerRecord record = new ServerRecord("http://127.0.0.1:" + server.port() + "/", ProcessHandle.current().pid(), server.localToken());
      record.write(data);
      try {
        String id = id(ok("report", "submit", file.toString(), "--json"));
        assertThat(ok("report", "show", id).out()).contains("(received)");
        String caseId = accord.cases().create(accord.parties().localCoordinator(), "Existing", null, null).row().id().toString();
        assertThat(ok("report", "transition", id, "duplicate", "--case", caseId).out()).contains("(deferred)", "duplicate of " + caseId);
        CliRun closed = accord("report", "transition", id, "validate");
        assertThat(closed.exit()).isEqualTo(Main.USER_ERROR);
        assertThat(closed.all()).contains("already validated");
      } finally {
        record.delete(data);
      }
    }
  }
}
