package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.app.EventNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code accord log append} refuses the event types Accord writes itself, naming the type, and appends
 * nothing (ADR 0086); the README and the API description list the same namespaces as {@link
 * EventNamespace}, the one list.
 */
class ReservedEventTypesCliTest {
  @TempDir Path dir;

  @Test
  void logAppendRefusesAccordsOwnTypes() throws Exception {
    String data = dir.resolve("data").toString();
    Path event = Files.writeString(dir.resolve("event.json"), "{\"sha256\":\"00\"}");
    CliRun forged = CliRun.run("--data", data, "log", "append", "--type", "sbom.ingested", "--subject", "product:acme", event.toString());
    assertThat(forged.exit()).as(forged.all()).isNotZero();
    assertThat(forged.all()).contains("'sbom.ingested'").contains("Accord writes itself");
    Path inline = Files.writeString(dir.resolve("inline.json"),
        "{\"type\":\"token.revoked\",\"subject\":\"token:tok_1\",\"data\":{}}");
    CliRun inlineType = CliRun.run("--data", data, "log", "append", "--type", "audit.note", "--subject", "s", inline.toString());
    assertThat(inlineType.exit()).as(inlineType.all()).isNotZero();
    assertThat(inlineType.all()).contains("'token.revoked'");
    CliRun digest = CliRun.run("--data", data, "log", "append", "--type", "case.opened", "--subject", "case:1", "--digest", event.toString());
    assertThat(digest.exit()).as(digest.all()).isNotZero();
    assertThat(digest.all()).contains("'case.opened'");
    CliRun fine = CliRun.run("--data", data, "log", "append", "--type", "audit.note", "--subject", "s", event.toString());
    assertThat(fine.exit()).as(fine.all()).isZero();
    assertThat(fine.out()).contains("\"index\":0").doesNotContain("\"index\":1");
  }

  @Test
  void theDocumentsListTheNamespacesOfTheOneList() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String openapi = Files.readString(Path.of("src/main/resources/web/openapi.json"));
    String list = String.join(", ", EventNamespace.prefixes());
    assertThat(readme).as("README lists the reserved namespaces as EventNamespace does").contains(list);
    assertThat(openapi).as("openapi.json too").contains(list);
  }
}
