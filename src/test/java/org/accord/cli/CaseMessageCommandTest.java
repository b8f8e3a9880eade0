package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.app.Accord;
import org.accord.store.ServerRecord;
import org.accord.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord case message ...}, on the data directory and through a running server. */
class CaseMessageCommandTest {
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

  static String field(CliRun run, String name, String pattern) {
    return run.out().replaceAll("(?s).*?\"" + name + "\" : \"(" + pattern + ")\".*", "$1");
  }

  @Test
  void postListReadEditAndSearchOnTheDataDirectoryAndThroughAServer() throws Exception {
    ok("org", "create", "Libra", "--kind", "vendor");
    ok("org", "create", "Acme", "--kind", "vendor");
    ok("org", "create", "Beta", "--kind", "vendor");
    String id = field(ok("case", "create", "Messages", "--org", "Libra", "--json"), "id", "ACC-[0-9]{4}-[0-9]{4,}");
    ok("case", "invite", id, "Acme", "--role", "vendor", "--org", "Libra");
    ok("case", "invite", id, "Beta", "--role", "vendor", "--org", "Libra");
    Path note = Files.writeString(dir.resolve("note.txt"), "a plain note\n");
    CliRun posted = ok("case", "message", "post", id, "--org", "Libra", "--thread", "vendor:Acme", "--to", "Acme",
        "--body", "Patch *ready* for Acme", "--attach", note.toString(), "--json");
    String message = field(posted, "id", "m[a-z2-7]{16}");
    assertThat(posted.out()).contains("\"html\" : \"<p>Patch <em>ready</em> for Acme</p>\\n\"", "\"type\" : \"text\"");
    assertThat(ok("case", "message", "list", id, "--org", "Acme").out()).contains("vendor", "Acme", "1 unread");
    assertThat(ok("case", "message", "list", id, "--org", "Beta").out()).as("Beta is not in the audience").doesNotContain("vendor");
    assertThat(ok("case", "message", "search", id, "patch", "--org", "Beta").out()).startsWith("0 hits");
    assertThat(ok("case", "message", "read", id, message, "--org", "Acme").out()).contains("Patch *ready* for Acme", "seen by Acme");
    assertThat(ok("case", "message", "list", id, "--org", "Acme").out()).contains("0 unread");
    ok("case", "message", "edit", id, message, "--org", "Libra", "--body", "Patch ready in 2.3.5");
    CliRun hijack = accord("case", "message", "edit", id, message, "--org", "Acme", "--body", "mine now");
    assertThat(hijack.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(hijack.all()).contains("only the author edits a message");
    Path fake = Files.write(dir.resolve("shot.png"), new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0});
    CliRun refused = accord("case", "message", "post", id, "--org", "Libra", "--body", "x", "--attach", fake.toString());
    assertThat(refused.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(refused.all()).contains("attachments[0].content", "none of the allowed types");
    CliRun outside = accord("case", "message", "post", id, "--org", "Libra", "--body", "x", "--to", "Nobody");
    assertThat(outside.all()).contains("audience[0]");

    Path data = dir.resolve("data");
    try (Accord accord = Accord.open(new Accord.Config(data, null));
        WebServer server = WebServer.start(accord, "127.0.0.1", 0)) {
      ServerRecord record = new ServerRecord("http://127.0.0.1:" + server.port() + "/", ProcessHandle.current().pid(), server.localToken());
      record.write(data);
      try {
        CliRun remote = ok("case", "message", "post", id, "--body", "From the coordinator", "--attach", note.toString(), "--json");
        assertThat(remote.out()).contains("\"sha256\" : \"" + org.accord.ledger.Hash.sha256(Files.readAllBytes(note)).hex() + "\"");
        assertThat(ok("case", "message", "search", id, "coordinator", "--json").out()).contains("\"total\" : 1");
        assertThat(ok("case", "message", "list", id).out()).contains("general");
        CliRun bad = accord("case", "message", "post", id, "--body", "x", "--attach", fake.toString());
        assertThat(bad.exit()).isEqualTo(Main.USER_ERROR);
        assertThat(bad.all()).contains("attachments[0].content");
      } finally {
        record.delete(data);
      }
    }
  }
}
