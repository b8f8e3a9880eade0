package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.accord.ledger.NoteSigner;
import org.accord.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue item 9: every kind of bad input to the auditor's commands ends in exit code 1 and one line
 * naming what failed, never a stack trace.
 */
class VerifyBadInputTest {
  @TempDir static Path dir;
  static Path tesseraKey;
  static Path log;
  static NoteSigner signer;

  @BeforeAll
  static void files() throws Exception {
    log = TestData.resolve("tlog/testdata/log");
    tesseraKey = TestData.resolve("tlog/verifier_key.txt");
    signer = NoteSigner.generate("example.com/log/testdata", new SecureRandom());
    Files.writeString(dir.resolve("our.vkey"), signer.verifier().format());
    String good = Files.readString(log.resolve("checkpoint.15"));
    write("malformed-note", "example.com/log/testdata\n15\nno blank line and no signature\n");
    write("malformed-checkpoint", signer.sign("example.com/log/testdata\nfifteen\n" + good.split("\n")[2] + "\n").format());
    write("short-checkpoint", signer.sign("example.com/log/testdata\n15\n").format());
    int sig = good.lastIndexOf(' ') + 10;
    write("bad-signature", good.substring(0, sig) + (good.charAt(sig) == 'A' ? 'B' : 'A') + good.substring(sig + 1));
    write("control-character", good.replace("testdata\n15", "testdata\u0007\n15"));
    write("checkpoint.3", Files.readString(log.resolve("checkpoint.3")));
    write("checkpoint.15", good);
    // A consistency proof from 3 to 15 is 5 hashes; give 4.
    write("short-proof", "{\"proof\":[" + String.join(",", java.util.Collections.nCopies(4, "\"" + "A".repeat(43) + "=\"")) + "]}");
    write("garbage-proof", "{\"proof\":[\"not base64!\"]}");
    write("garbage-receipt", "this is not a receipt\n");
    write("receipt-bad-index", "c2sp.org/tlog-proof@v1\nextra b25l\nindex -3\n\n" + good);
    write("receipt-wrong-proof", "c2sp.org/tlog-proof@v1\nextra b25l\nindex 0\n" + "A".repeat(43) + "=\n\n" + good);
    // A copy of the Tessera log with a truncated level-0 tile.
    Path truncated = dir.resolve("truncated-log");
    Files.createDirectories(truncated.resolve("tile/0/000.p"));
    Files.createDirectories(truncated.resolve("tile/entries/000.p"));
    Files.copy(log.resolve("checkpoint"), truncated.resolve("checkpoint"));
    Files.copy(log.resolve("tile/entries/000.p/15"), truncated.resolve("tile/entries/000.p/15"));
    byte[] tile = Files.readAllBytes(log.resolve("tile/0/000.p/15"));
    Files.write(truncated.resolve("tile/0/000.p/15"), java.util.Arrays.copyOf(tile, tile.length - 7));
  }

  private static void write(String name, String content) throws Exception {
    Files.writeString(dir.resolve(name), content);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("malformed note", args("verify", "checkpoint", "@malformed-note", "--key", "@tessera"), "no blank line"),
        Arguments.of("malformed checkpoint", args("verify", "checkpoint", "@malformed-checkpoint", "--key", "@our.vkey"), "tree size 'fifteen'"),
        Arguments.of("checkpoint without root", args("verify", "checkpoint", "@short-checkpoint", "--key", "@our.vkey"), "needs an origin, a tree size and a root hash"),
        Arguments.of("bad signature", args("verify", "checkpoint", "@bad-signature", "--key", "@tessera"), "does not verify"),
        Arguments.of("control character", args("verify", "checkpoint", "@control-character", "--key", "@tessera"), "control character U+0007"),
        Arguments.of("wrong key name", args("verify", "checkpoint", "@checkpoint.15", "--key", "other.example/log+00000000+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx"), "does not match its name and key"),
        Arguments.of("wrong key", args("verify", "checkpoint", "@checkpoint.15", "--key", "@our.vkey"), "another ID"),
        Arguments.of("garbage key", args("verify", "checkpoint", "@checkpoint.15", "--key", "nonsense"), "neither a verifier key"),
        Arguments.of("truncated tile", args("verify", "log", "@truncated-log", "--key", "@tessera"), "tile/0/000.p/15: tile is truncated"),
        Arguments.of("proof of the wrong length", args("verify", "consistency", "@checkpoint.3", "@checkpoint.15", "--proof", "@short-proof", "--key", "@tessera"), "has 4 hashes; a proof for sizes 3 to 15 has exactly 5"),
        Arguments.of("malformed proof", args("verify", "consistency", "@checkpoint.3", "@checkpoint.15", "--proof", "@garbage-proof"), "proof hash 0 is malformed"),
        Arguments.of("consistency backwards", args("verify", "consistency", "@checkpoint.15", "@checkpoint.3", "--proof", "@short-proof"), "smaller than the first"),
        Arguments.of("garbage receipt", args("verify", "receipt", "@garbage-receipt", "--key", "@tessera"), "does not start with 'c2sp.org/tlog-proof@v1'"),
        Arguments.of("receipt index", args("verify", "receipt", "@receipt-bad-index", "--key", "@tessera"), "index '-3'"),
        Arguments.of("receipt proof length", args("verify", "receipt", "@receipt-wrong-proof", "--key", "@tessera"), "has 1 hashes; a proof for index 0 in a tree of size 15 has exactly 4"),
        Arguments.of("missing file", args("verify", "checkpoint", "@no-such-file", "--key", "@tessera"), "cannot read checkpoint"),
        Arguments.of("not a log", args("verify", "log", "@garbage-receipt", "--key", "@tessera"), "is not a URL, a tlog-tiles directory"));
  }

  private static String[] args(String... args) {
    return args;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsWithAClearReason(String name, String[] args, String reason) {
    String[] resolved = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      resolved[i] = args[i].equals("@tessera") ? tesseraKey.toString()
          : args[i].startsWith("@") ? dir.resolve(args[i].substring(1)).toString() : args[i];
    }
    CliRun result = CliRun.run(resolved);
    assertThat(result.exit()).as(result.all()).isEqualTo(1);
    assertThat(result.err()).startsWith("accord: ").contains(reason);
    assertThat(result.err().strip().lines().count()).as(result.err()).isEqualTo(1);
    assertThat(result.all()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
