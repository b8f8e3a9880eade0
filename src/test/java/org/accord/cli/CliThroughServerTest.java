package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.accord.app.Accord;
import org.accord.store.ServerRecord;
import org.accord.testing.Documents;
import org.accord.web.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, item 7: every data command goes through a running server's API and prints the same text
 * and JSON as when it opens the data directory itself. Each read command runs on the directory, then
 * again while a server holds it; writes run through the server and are then read back. Commands
 * that are local by nature (generate, bench, serve, demo, verify, and the offline triage and
 * advisory validate subcommands) are not data commands.
 */
class CliThroughServerTest {
  @TempDir Path dir;

  CliRun accord(Path data, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.run(all);
  }

  CliRun ok(Path data, String... args) {
    CliRun run = accord(data, args);
    assertThat(run.exit()).as(String.join(" ", args) + ": " + run.all()).isZero();
    return run;
  }

  /** Runs {@code body} while a server holds {@code data}, as 'accord serve' would. */
  void whileServed(Path data, ThrowingRunnable body) throws Exception {
    try (Accord accord = Accord.open(new Accord.Config(data, null));
        WebServer server = WebServer.start(accord, "127.0.0.1", 0)) {
      ServerRecord record = new ServerRecord("http://127.0.0.1:" + server.port() + "/", ProcessHandle.current().pid(), server.localToken());
      record.write(data);
      try {
        body.run();
      } finally {
        record.delete(data);
      }
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void everyReadCommandPrintsTheSameThroughTheServer() throws Exception {
    Path data = dir.resolve("data");
    Path sbom = write("bom.json", Documents.cycloneDx("scada-hub", "2.3.1"));
    Path osv = write("osv.json", Documents.osv("GHSA-aaaa-bbbb-cccc", "CVE-2099-0001"));
    Path secret = write("secret.json", Documents.osv("GHSA-priv-aaaa-bbbb", "CVE-2099-0002"));
    Path kev = write("kev.json", Documents.kev("2025.08.01", "CVE-2099-0001"));
    Path event = write("event.json", "{\"type\": \"test.note\", \"subject\": \"note:1\", \"data\": {\"n\": 1}}");
    ok(data, "org", "create", "GridCo", "--kind", "operator");
    ok(data, "org", "create", "AquaNet", "--kind", "operator");
    ok(data, "member", "add", "--org", "GridCo", "--email", "ada@gridco.example", "--admin");
    ok(data, "token", "create", "--org", "GridCo", "--label", "ci");
    ok(data, "ingest", "sbom", sbom.toString());
    ok(data, "ingest", "inventory", "--org", "GridCo", write("inventory-gridco.csv", Documents.inventory("scada-hub", "GridCo")).toString());
    ok(data, "ingest", "inventory", "--org", "AquaNet", write("inventory-aquanet.csv", Documents.inventory("scada-hub", "AquaNet")).toString());
    ok(data, "ingest", "advisory", osv.toString());
    ok(data, "ingest", "advisory", "--private", secret.toString());
    ok(data, "ingest", "kev", kev.toString());
    ok(data, "log", "append", "--private", event.toString());
    Path table = write("table.json", ok(data, "triage", "tables", "deployer", "--json").out());
    long last = Long.parseLong(ok(data, "log", "checkpoint", "--json").out().replaceAll("(?s).*\"size\" : (\\d+).*", "$1")) - 1;

    List<String[]> commands = List.of(
        args("advisory", "list"), args("advisory", "list", "--json"), args("advisory", "list", "--id", "CVE-2099-0001"),
        args("advisory", "show", "GHSA-aaaa-bbbb-cccc"), args("advisory", "show", "CVE-2099-0002", "--json"),
        args("advisory", "export", "GHSA-aaaa-bbbb-cccc", "--format", "osv"),
        args("advisory", "export", "CVE-2099-0001", "--format", "openvex", "--author", "Example CERT"),
        args("advisory", "export", "CVE-2099-0001", "--format", "csaf", "--namespace", "https://cert.example.org"),
        args("advisory", "export", "CVE-2099-0001", "--format", "cyclonedx-vex"),
        args("findings"), args("findings", "--json"),
        args("where-used", "pkg:maven/org.libra/libracore"), args("where-used", "pkg:maven/org.libra/libracore", "--json"),
        args("where-used", "pkg:maven/org.libra/libracore", "--csv", "deployments"),
        args("where-used", "pkg:maven/org.libra/libracore", "--shared", "--k", "5", "--json"),
        args("triage", "--advisory", "CVE-2099-0001", "--as", "deployer"),
        args("triage", "--advisory", "CVE-2099-0001", "--as", "coordinator", "--json"),
        args("triage", "--advisory", "CVE-2099-0001", "--as", "deployer", "--table-file", table.toString(), "--json"),
        args("log", "key"), args("log", "key", "--json"), args("log", "checkpoint"), args("log", "checkpoint", "--json"),
        args("log", "receipt", "0"), args("log", "receipt", "1", "--tlog-proof"), args("log", "receipt", Long.toString(last), "--reveal"),
        args("log", "proof", "--index", "0"), args("log", "proof", "--from", "1"),
        args("org", "list", "--json"), args("member", "list", "--org", "GridCo"), args("token", "list", "--json"),
        args("rules", "list"), args("rules", "list", "--json"), args("rules", "show", "eu-cra"),
        args("rules", "show", "cn-rmsv", "--json"), args("rules", "show", "xx-gone"),
        // Errors read the same too.
        args("advisory", "show", "GHSA-none-none-none"), args("log", "receipt", "99999"));
    List<CliRun> local = new ArrayList<>();
    for (String[] command : commands) {
      local.add(accord(data, command));
    }
    whileServed(data, () -> {
      for (int i = 0; i < commands.size(); i++) {
        CliRun served = accord(data, commands.get(i));
        String what = String.join(" ", commands.get(i));
        assertThat(served.exit()).as(what + " exit: " + served.all()).isEqualTo(local.get(i).exit());
        assertThat(exportTimeless(served.out())).as(what + " output").isEqualTo(exportTimeless(local.get(i).out()));
        assertThat(served.err()).as(what + " errors").isEqualTo(local.get(i).err());
      }
    });
    assertThat(local.get(0).out()).contains("GHSA-aaaa-bbbb-cccc");
  }

  @Test
  void everyWriteCommandGoesThroughTheServer() throws Exception {
    Path data = dir.resolve("data");
    ok(data, "org", "create", "Seed", "--kind", "vendor"); // a store to serve
    Path event = write("event.json", "{\"data\": {\"n\": 1}}");
    whileServed(data, () -> {
      ok(data, "org", "create", "GridCo", "--kind", "operator");
      ok(data, "member", "add", "--org", "GridCo", "--email", "ada@gridco.example");
      String id = ok(data, "token", "create", "--org", "GridCo", "--json").out().replaceAll("(?s).*\"id\" : \"([^\"]+)\".*", "$1");
      ok(data, "token", "revoke", id);
      ok(data, "ingest", "sbom", write("bom.json", Documents.cycloneDx("scada-hub", "2.3.1")).toString());
      ok(data, "ingest", "inventory", "--org", "GridCo", write("inv.csv", Documents.inventory("scada-hub", "GridCo")).toString());
      ok(data, "ingest", "advisory", write("osv.json", Documents.osv("GHSA-aaaa-bbbb-cccc", "CVE-2099-0001")).toString());
      ok(data, "ingest", "kev", write("kev.json", Documents.kev("2025.08.01", "CVE-2099-0001")).toString());
      ok(data, "ingest", "epss", write("epss.csv",
          "#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z\ncve,epss,percentile\nCVE-2099-0001,0.5,0.9\n").toString());
      CliRun appended = ok(data, "log", "append", "--type", "test.note", "--subject", "note:1", "--private", event.toString());
      assertThat(appended.out()).contains("\"salt\"");
      CliRun digest = ok(data, "log", "append", "--type", "document.filed", "--subject", "case:1", "--digest", "--quiet", "--json",
          event.toString());
      assertThat(digest.out()).contains("\"appended\" : 1");
    });
    assertThat(ok(data, "token", "list", "--org", "GridCo", "--json").out()).contains("\"revoked\" : \"");
    assertThat(ok(data, "member", "list", "--org", "GridCo").out()).contains("ada@gridco.example");
    assertThat(ok(data, "findings").out()).contains("GHSA-aaaa-bbbb-cccc");
    assertThat(ok(data, "where-used", "pkg:maven/org.libra/libracore", "--json").out()).contains("Hamburg North");
  }

  /** The text with times of the last hour (an export's own timestamp, which is "now") replaced. */
  static String exportTimeless(String text) {
    java.time.Instant now = java.time.Instant.now();
    return java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z").matcher(text).replaceAll(match -> {
      java.time.Instant time = java.time.Instant.parse(match.group());
      return time.isAfter(now.minusSeconds(3600)) && !time.isAfter(now) ? "NOW" : match.group();
    });
  }

  static String[] args(String... args) {
    return args;
  }

  Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
