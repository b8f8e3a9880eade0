package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.accord.app.Accord;
import org.accord.store.ServerRecord;
import org.accord.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord product claim|approve|reject|claims}, on the data directory and through a running server. */
class ProductCommandTest {
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
    return run.out().replaceAll("(?s).*\"id\" : \"(clm_[0-9a-f]{16})\".*", "$1");
  }

  @Test
  void claimApproveRejectAndListOnTheDataDirectory() {
    ok("org", "create", "Acme", "--kind", "vendor");
    ok("org", "create", "Borealis", "--kind", "vendor");
    String router = id(ok("product", "claim", "pkg:generic/acme/router", "--org", "Acme", "--json"));
    assertThat(router).matches("clm_[0-9a-f]{16}");
    String squat = id(ok("product", "claim", "pkg:generic/acme/router", "--org", "Borealis", "--json"));
    assertThat(ok("product", "claims").out()).contains(router + " pending", squat + " pending", "pkg:generic/acme/router");

    assertThat(ok("product", "approve", router).out()).contains("Approved " + router, "(approved)");
    CliRun overlap = accord("product", "approve", squat);
    assertThat(overlap.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(overlap.all()).contains("owned by Acme", router);
    assertThat(ok("product", "reject", squat, "--reason", "Acme makes the router").out()).contains("Rejected " + squat);
    assertThat(ok("product", "claims", "--json").out())
        .contains("\"state\" : \"approved\"", "\"state\" : \"rejected\"", "\"reason\" : \"Acme makes the router\"");

    CliRun again = accord("product", "approve", router);
    assertThat(again.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(again.all()).contains("already approved");
    CliRun versioned = accord("product", "claim", "pkg:generic/acme/router@1.0", "--org", "Acme");
    assertThat(versioned.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(versioned.all()).contains("without version");
    CliRun ecosystem = accord("product", "claim", "pkg:npm/", "--org", "Acme");
    assertThat(ecosystem.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(ecosystem.all()).contains("not a whole ecosystem");
    CliRun unknown = accord("product", "claim", "pkg:generic/acme/switch", "--org", "Nobody");
    assertThat(unknown.exit()).isNotZero();
    assertThat(unknown.all()).contains("no organization named 'Nobody'");
    assertThat(accord("product", "approve", "clm_0000000000000000").all()).contains("no claim with id clm_0000000000000000");
    assertThat(ok("product", "claims", "--json").out()).doesNotContain("pkg:generic/acme/switch");
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
        String prefix = id(ok("product", "claim", "pkg:maven/com.acme/", "--org", "Acme", "--json"));
        assertThat(ok("product", "approve", prefix, "--json").out()).contains("\"state\" : \"approved\"", "\"purl\" : \"pkg:maven/com.acme/\"");
        String other = id(ok("product", "claim", "pkg:generic/acme/hub", "--org", "Acme", "--json"));
        assertThat(ok("product", "reject", other, "--reason", "duplicate").out()).contains("Rejected " + other);
        assertThat(ok("product", "claims").out()).contains(prefix + " approved", other + " rejected");
        CliRun bad = accord("product", "claim", "not a purl", "--org", "Acme");
        assertThat(bad.exit()).isEqualTo(Main.USER_ERROR);
        assertThat(bad.all()).contains("purl");
        assertThat(accord.claims().claims(accord.parties().localCoordinator())).hasSize(2);
      } finally {
        record.delete(data);
      }
    }
  }
}
