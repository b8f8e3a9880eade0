package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.accord.app.Accord;
import org.accord.store.ServerRecord;
import org.accord.testing.Documents;
import org.accord.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, item 3: while a server holds the data directory, commands go through its API (found by the
 * note it leaves beside the lock) instead of failing on the lock; the others say which server holds
 * the directory.
 */
class ServerPathTest {
  @TempDir Path dir;
  Path data;
  Accord accord;
  WebServer server;
  ServerRecord record;

  @BeforeEach
  void serve() {
    data = dir.resolve("data");
    accord = Accord.open(new Accord.Config(data, null));
    server = WebServer.start(accord, "127.0.0.1", 0);
    record = new ServerRecord("http://127.0.0.1:" + server.port() + "/", ProcessHandle.current().pid(), server.localToken());
    record.write(data);
  }

  @AfterEach
  void stop() {
    record.delete(data);
    server.close();
    accord.close();
  }

  CliRun accord(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.run(all);
  }

  @Test
  void theNoteIsReadableByItsOwnerOnly() throws Exception {
    assertThat(Files.getPosixFilePermissions(ServerRecord.file(data)))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(ServerRecord.read(data)).contains(record);
  }

  @Test
  void ingestFindingsAndTokensGoThroughTheServerThatHoldsTheDirectory() throws Exception {
    Path sbom = dir.resolve("bom.json");
    Files.writeString(sbom, Documents.cycloneDx("scada-hub", "2.3.1"));
    assertThat(accord("org", "create", "Acme", "--kind", "vendor").exit()).isZero();
    CliRun ingested = accord("ingest", "sbom", "--org", "Acme", sbom.toString());
    assertThat(ingested.exit()).as(ingested.all()).isZero();
    assertThat(ingested.out()).contains("4 components, 3 edges");
    assertThat(accord.graph().stats().products()).as("the server's own graph has it").isEqualTo(1);

    CliRun findings = accord("findings", "--json");
    assertThat(findings.exit()).as(findings.all()).isZero();

    CliRun whereUsed = accord("where-used", "pkg:maven/org.libra/libracore", "--range", ">=2.0 <2.3.4");
    assertThat(whereUsed.exit()).as(whereUsed.all()).isZero();
    assertThat(whereUsed.out()).contains("1 matched versions").contains("Affected products: 1")
        .contains("pkg:generic/acme/scada-hub@1.0 -> pkg:maven/org.acme/adapter@1.0 -> pkg:maven/org.libra/libracore@2.3.1");
    CliRun csv = accord("where-used", "pkg:maven/org.libra/libracore", "--csv", "products");
    assertThat(csv.exit()).as(csv.all()).isZero();
    assertThat(csv.out()).startsWith("purl,").contains("pkg:generic/acme/scada-hub@1.0");
    CliRun unknown = accord("where-used", "pkg:maven/org.libra/libracor", "--json");
    assertThat(unknown.out()).contains("\"known\" : false").contains("pkg:maven/org.libra/libracore");
    CliRun badRange = accord("where-used", "pkg:maven/org.libra/libracore", "--range", ">=2.0 <2.3.4 @");
    assertThat(badRange.exit()).isEqualTo(1);
    assertThat(badRange.err()).startsWith("accord: ").contains("range");

    assertThat(accord("org", "create", "GridCo", "--kind", "operator").exit()).isZero();
    CliRun token = accord("token", "create", "--org", "GridCo");
    assertThat(token.exit()).as(token.all()).isZero();
    assertThat(accord.parties().authenticate(token.out().strip())).get().extracting(p -> p.organization().name()).isEqualTo("GridCo");
  }

  @Test
  void badInputKeepsItsLocationAcrossTheWire() throws Exception {
    Path sbom = dir.resolve("bad.json");
    Files.writeString(sbom, "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [");
    CliRun refused = accord("ingest", "sbom", sbom.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).startsWith("accord: ").contains("bad.json").doesNotContain("internal error");
  }

  @Test
  void commandsWithoutAnApiPathNameTheServer() {
    CliRun list = accord("advisory", "list");
    assertThat(list.exit()).isEqualTo(1);
    assertThat(list.err()).contains("the Accord server at " + record.url()).contains("stop the server");
  }

  @Test
  void aNoteLeftByADeadServerIsIgnored() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    new ServerRecord("http://127.0.0.1:9/", finished.pid(), "accord-local_x").write(other);
    assertThat(ServerRecord.read(other)).isEmpty();
    CliRun run = CliRun.run("--data", other.toString(), "where-used", "pkg:maven/org.libra/libracore");
    assertThat(run.err()).contains("no Accord data in");
  }
}
