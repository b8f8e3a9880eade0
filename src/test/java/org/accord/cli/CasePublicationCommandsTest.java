package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord case publish}, then {@code accord case reveal}, then {@code accord verify case}, and tampering caught. */
class CasePublicationCommandsTest {
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
  void publishRevealAndVerifyOffline() throws Exception {
    ok("org", "create", "Libra", "--kind", "vendor");
    ok("org", "create", "Acme", "--kind", "vendor");
    String id = ok("case", "create", "LibraCore", "--org", "Libra", "--role", "vendor", "--json").out()
        .replaceAll("(?s).*?\"id\" : \"(ACC-[0-9]{4}-[0-9]{4,})\".*", "$1");
    ok("case", "invite", id, "Acme", "--role", "vendor", "--org", "Libra");
    ok("case", "embargo", "propose", id, "--end", "45d", "--org", "Libra");
    ok("case", "embargo", "accept", id, "--org", "Libra");
    Path bundle = dir.resolve("bundle.json");
    CliRun early = accord("case", "reveal", id, "-o", bundle.toString());
    assertThat(early.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(early.all()).contains("no case " + id);

    assertThat(ok("case", "publish", id, "--org", "Libra", "--json").out()).contains("\"case\" : \"" + id + "\"", "\"events\" : 6"); // P and its alert to the signatory (ADR 0114)
    CliRun twice = accord("case", "publish", id, "--org", "Libra");
    assertThat(twice.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(twice.all()).contains("was published");
    assertThat(ok("case", "show", id, "--org", "Libra", "--json").out()).contains("\"em\" : \"exited\"", "\"public_aware\" : true");

    assertThat(ok("case", "reveal", id, "-o", bundle.toString()).out()).contains("6 events, 0 withheld");
    Path key = dir.resolve("key.txt");
    Files.writeString(key, ok("log", "key").out());
    Path latest = dir.resolve("latest.txt");
    String text = Files.readString(bundle);
    // The bundle's later checkpoint is the one the publication receipt proves against; the auditor holds it.
    String receiptNote = text.replaceAll("(?s).*\"tlog_proof\":\"(.*?)\".*", "$1");
    Files.writeString(latest, unescape(receiptNote.substring(receiptNote.indexOf("\\n\\n") + 4)));

    CliRun verified = ok("verify", "case", id, "--bundle", bundle.toString(), "--key", key.toString());
    assertThat(verified.out()).contains("OK: " + id + ": 6 events chain unbroken");
    assertThat(ok("verify", "case", id, "--bundle", bundle.toString(), "--key", key.toString(), "--checkpoint", latest.toString(), "--json")
        .out()).contains("\"verified\" : true", "\"latest_checked\" : true");

    // One changed byte in one revealed event: exit 1 naming that event's index.
    String event = text.replaceAll("(?s).*?\"event\":\"([A-Za-z0-9+/=]+)\".*", "$1");
    byte[] bytes = Base64.getDecoder().decode(event);
    String original = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    byte[] changed = original.replace("LibraCore", "LibraCorf").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(changed).isNotEqualTo(bytes);
    Path tampered = dir.resolve("tampered.json");
    Files.writeString(tampered, text.replace(event, Base64.getEncoder().encodeToString(changed)));
    CliRun failed = accord("verify", "case", id, "--bundle", tampered.toString(), "--key", key.toString());
    assertThat(failed.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(failed.all()).contains("verification failed: event at index", "does not match the commitment");
    CliRun failedJson = accord("verify", "case", id, "--bundle", tampered.toString(), "--key", key.toString(), "--json");
    assertThat(failedJson.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(failedJson.out()).contains("\"verified\" : false", "\"location\" : \"event at index");
    CliRun bad = accord("verify", "case", "nope", "--bundle", bundle.toString(), "--key", key.toString());
    assertThat(bad.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(bad.all()).contains("CASE-ID");
  }

  @Test
  void throughARunningServerTheBundleIsPublicOnlyOncePublished() throws Exception {
    ok("org", "create", "Acme", "--kind", "vendor");
    Path data = dir.resolve("data");
    try (org.accord.app.Accord accord = org.accord.app.Accord.open(new org.accord.app.Accord.Config(data, null));
        org.accord.web.WebServer server = org.accord.web.WebServer.start(accord, "127.0.0.1", 0)) {
      new org.accord.store.ServerRecord("http://127.0.0.1:" + server.port() + "/", ProcessHandle.current().pid(), server.localToken())
          .write(data);
      String id = ok("case", "create", "Remote case", "--json").out().replaceAll("(?s).*?\"id\" : \"(ACC-[0-9]{4}-[0-9]{4,})\".*", "$1");
      ok("case", "invite", id, "Acme", "--role", "vendor");
      var http = java.net.http.HttpClient.newHttpClient();
      var anonymous = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/v1/cases/" + id + "/reveal")).build();
      var missing = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/v1/cases/ACC-2099-0999/reveal")).build();
      var before = http.send(anonymous, java.net.http.HttpResponse.BodyHandlers.ofString());
      var absent = http.send(missing, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(before.statusCode()).isEqualTo(404);
      assertThat(before.body()).isEqualTo(absent.body().replace("ACC-2099-0999", id));

      // The route behind 'case credit': the local organization owns the case and chooses for itself.
      assertThat(ok("case", "credit", id, "--public", "--json").out()).contains("\"credit\" : \"public\"", "\"index\"");
      assertThat(ok("case", "publish", id).out()).contains("Published " + id + ": 4 private events");
      var after = http.send(anonymous, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(after.statusCode()).isEqualTo(200);
      Path bundle = dir.resolve("remote.json");
      assertThat(ok("case", "reveal", id, "-o", bundle.toString(), "--json").out()).contains("\"events\" : 4");
      Path key = dir.resolve("key.txt");
      Files.writeString(key, accord.ledger().verifierKey().format() + "\n");
      assertThat(ok("verify", "case", id, "--bundle", bundle.toString(), "--key", key.toString()).out()).contains("OK: " + id);
    }
  }

  @Test
  void anOperatorsChoiceKeepsItOutOfTheBundleAndVerifyCountsWhy() throws Exception {
    ok("org", "create", "Libra", "--kind", "vendor");
    ok("org", "create", "Grid Power", "--kind", "operator");
    String id = ok("case", "create", "LibraCore", "--org", "Libra", "--role", "vendor", "--json").out()
        .replaceAll("(?s).*?\"id\" : \"(ACC-[0-9]{4}-[0-9]{4,})\".*", "$1");
    ok("case", "invite", id, "Grid Power", "--role", "deployer");
    assertThat(ok("case", "credit", id, "--public", "--org", "Grid Power").out())
        .contains(id + ": Grid Power is credited public when the case is published");
    assertThat(ok("case", "credit", id, "--anonymous", "--org", "Grid Power", "--json").out()).contains("\"credit\" : \"anonymous\"");
    CliRun neither = accord("case", "credit", id, "--org", "Grid Power");
    assertThat(neither.exit()).isEqualTo(Main.USAGE);
    CliRun both = accord("case", "credit", id, "--public", "--anonymous", "--org", "Grid Power");
    assertThat(both.exit()).isEqualTo(Main.USAGE);
    assertThat(ok("case", "credit", "--help").out()).contains("Example:", "--public", "--anonymous", "--json");

    ok("case", "publish", id, "--org", "Libra");
    CliRun late = accord("case", "credit", id, "--public", "--org", "Grid Power");
    assertThat(late.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(late.all()).contains("was published");
    Path bundle = dir.resolve("bundle.json");
    assertThat(ok("case", "reveal", id, "-o", bundle.toString()).out()).contains("5 events, 3 withheld");
    assertThat(Files.readString(bundle)).doesNotContain("Grid Power");
    Path key = dir.resolve("key.txt");
    Files.writeString(key, ok("log", "key").out());
    // The invitation and both choices name the operator, whose last choice is anonymous.
    assertThat(ok("verify", "case", id, "--bundle", bundle.toString(), "--key", key.toString()).out())
        .contains("OK: " + id + ": 5 events", "3 withheld (unnamed_party 3)");
    assertThat(ok("verify", "case", id, "--bundle", bundle.toString(), "--key", key.toString(), "--json").out())
        .contains("\"withheld_reasons\" : {", "\"item_tlp\" : 0", "\"person\" : 0", "\"unnamed_party\" : 3");
  }

  private static String unescape(String json) {
    return json.replace("\\n", "\n").replace("\\u2014", "\u2014");
  }
}
