package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.accord.app.Accord;
import org.accord.store.ServerRecord;
import org.accord.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord case terms}, on the data directory and through a running server (ADR 0152). */
class CaseTermsCommandTest {
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
  void declareAndShowOnTheDataDirectoryAndThroughAServer() throws Exception {
    ok("org", "create", "Libra", "--kind", "maintainer");
    ok("org", "create", "Acme", "--kind", "vendor");
    String id = CaseCommandTest.id(ok("case", "create", "LibraCore", "--org", "Libra", "--role", "vendor", "--json"));
    ok("case", "invite", id, "Acme", "--role", "vendor", "--org", "Libra");

    assertThat(ok("case", "terms", id, "--org", "Libra").out()).contains("Policy: none", "Network product: not declared");
    CliRun adopted = ok("case", "terms", id, "--policy", "cert-cc", "--network-product", "yes", "--org", "Libra");
    assertThat(adopted.out()).contains("Policy: cert-cc", "45 days after the report", "Network product: yes",
        "Significant incident: not declared");
    CliRun bogus = accord("case", "terms", id, "--policy", "project-one", "--org", "Libra");
    assertThat(bogus.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(bogus.all()).contains("policy", "cert-cc, linux-distros, project-zero, zdi");
    CliRun badFact = accord("case", "terms", id, "--network-product", "maybe", "--org", "Libra");
    assertThat(badFact.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(badFact.all()).contains("yes, no or unknown");
    CliRun both = accord("case", "terms", id, "--policy", "zdi", "--no-policy", "--org", "Libra");
    assertThat(both.exit()).isEqualTo(Main.USER_ERROR);
    CliRun tooLong = accord("case", "embargo", "propose", id, "--end", "60d", "--org", "Libra");
    assertThat(tooLong.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(tooLong.all()).contains("end it by");

    Path data = dir.resolve("data");
    try (Accord accord = Accord.open(new Accord.Config(data, null));
        WebServer server = WebServer.start(accord, "127.0.0.1", 0)) {
      ServerRecord record = new ServerRecord("http://127.0.0.1:" + server.port() + "/", ProcessHandle.current().pid(), server.localToken());
      record.write(data);
      try {
        assertThat(ok("case", "terms", id, "--json").out()).contains("\"id\" : \"cert-cc\"", "\"network_product\" : true");
        CliRun cleared = ok("case", "terms", id, "--no-policy", "--network-product", "unknown");
        assertThat(cleared.out()).contains("Policy: none", "Network product: not declared");
      } finally {
        record.delete(data);
      }
    }
  }
}
