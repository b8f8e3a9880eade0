package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord key show|rotate}: the key is created once, kept private, and rotation replaces it. */
class KeyCommandTest {
  @TempDir Path dir;

  @Test
  void showIsStableAndRotateReplacesTheKey() throws Exception {
    ObjectMapper json = new ObjectMapper();
    CliRun first = CliRun.run("--data", dir.toString(), "key", "show", "--json");
    assertThat(first.exit()).as(first.err()).isZero();
    JsonNode shown = json.readTree(first.out());
    assertThat(shown.path("fingerprint").asText()).matches("[0-9A-F]{40}");
    assertThat(shown.path("public_key").asText()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    assertThat(json.readTree(CliRun.run("--data", dir.toString(), "key", "show", "--json").out()).path("fingerprint"))
        .isEqualTo(shown.path("fingerprint"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("csaf-openpgp.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    CliRun rotate = CliRun.run("--data", dir.toString(), "key", "rotate");
    assertThat(rotate.exit()).isZero();
    assertThat(rotate.out()).startsWith("rotated; new key fingerprint ").doesNotContain(shown.path("fingerprint").asText());
    assertThat(dir.resolve("csaf-openpgp.key." + shown.path("fingerprint").asText() + ".retired")).exists();
    assertThat(CliRun.run("key", "--help").out()).contains("show", "rotate");
  }
}
