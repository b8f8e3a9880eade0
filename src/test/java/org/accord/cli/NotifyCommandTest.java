package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord notify ...} on the data directory. */
class NotifyCommandTest {
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
  void prefsWebhookAndDeadLettersOnTheDataDirectory() {
    ok("org", "create", "Vendora", "--kind", "vendor");
    ok("member", "add", "--org", "Vendora", "--email", "alice@vendora.example");
    assertThat(ok("notify", "prefs", "--member", "alice@vendora.example", "--json").out())
        .contains("\"channels\" : [ \"email\", \"webhook\", \"inbox\" ]", "\"digest\" : \"immediate\"");
    assertThat(ok("notify", "prefs", "--member", "alice@vendora.example", "--channels", "email,inbox", "--digest", "daily").out())
        .contains("channels: [email, inbox]", "digest:   daily");
    assertThat(ok("notify", "prefs", "--member", "alice@vendora.example", "--digest", "immediate", "--json").out())
        .contains("\"channels\" : [ \"email\", \"inbox\" ]", "\"digest\" : \"immediate\"");
    CliRun bad = accord("notify", "prefs", "--member", "alice@vendora.example", "--channels", "pager");
    assertThat(bad.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(bad.all()).contains("unknown channel 'pager'");

    CliRun ftp = accord("notify", "webhook", "--org", "Vendora", "--url", "ftp://tickets.example/");
    assertThat(ftp.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(ftp.all()).contains("http or https", "url");
    assertThat(ok("notify", "webhook", "--org", "Vendora", "--url", "https://tickets.vendora.example/accord").out())
        .contains("Vendora: https://tickets.vendora.example/accord", "secret (shown once): ");
    assertThat(ok("notify", "webhook", "--org", "Vendora", "--json").out()).contains("\"url\" : \"https://tickets.vendora.example/accord\"")
        .doesNotContain("secret");
    assertThat(ok("notify", "dead-letters", "--json").out()).contains("\"dead_letters\" : [ ]", "\"total\" : 0");
    assertThat(ok("notify", "dead-letters", "--help").out()).contains("Example:", "accord notify dead-letters --json");
  }
}
