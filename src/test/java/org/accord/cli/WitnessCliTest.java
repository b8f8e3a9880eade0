package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.Cosigner;
import org.accord.ledger.MerkleLog;
import org.accord.ledger.Note;
import org.accord.ledger.NoteSigner;
import org.accord.ledger.TlogProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accord witness add-log|list|key} and {@code accord verify ... --policy}. */
class WitnessCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final SecureRandom RANDOM = new SecureRandom();
  @TempDir Path dir;

  @Test
  void addsListsAndShowsTheKey() throws Exception {
    String data = dir.resolve("data").toString();
    CliRun key = CliRun.run("--data", data, "witness", "key", "--json");
    assertThat(key.exit()).as(key.all()).isZero();
    String vkey = JSON.readTree(key.out()).get("vkey").asText();
    assertThat(vkey).contains("+");
    assertThat(CliRun.run("--data", data, "witness", "key").out().strip()).as("the key is kept").isEqualTo(vkey);
    NoteSigner log = NoteSigner.generate("example.org/log", RANDOM);
    CliRun added = CliRun.run("--data", data, "witness", "add-log", log.verifier().format());
    assertThat(added.exit()).as(added.all()).isZero();
    assertThat(added.out()).contains("witnessing example.org/log");
    JsonNode list = JSON.readTree(CliRun.run("--data", data, "witness", "list", "--json").out());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("origin").asText()).isEqualTo("example.org/log");
    assertThat(list.get(0).get("size").asLong()).isZero();
    CliRun bad = CliRun.run("--data", data, "witness", "add-log", "example.org/log\nother+00000000+AQ==");
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.all()).contains("vkey");
    assertThat(JSON.readTree(CliRun.run("--data", data, "witness", "list", "--json").out())).hasSize(1);
  }

  @Test
  void verifyAcceptsACheckpointAndAReceiptOnlyWhenTheQuorumCosigned() throws Exception {
    NoteSigner log = NoteSigner.generate("example.org/log", RANDOM);
    List<Cosigner> witnesses = List.of(Cosigner.generate("de.example/w", RANDOM), Cosigner.generate("fr.example/w", RANDOM),
        Cosigner.generate("it.example/w", RANDOM));
    byte[] entry = "an entry".getBytes(StandardCharsets.UTF_8);
    String note = new Checkpoint("example.org/log", 1, MerkleLog.leafHash(entry)).sign(log);
    String text = Note.parse(note).text();
    Path policy = dir.resolve("2-of-3.policy");
    Files.writeString(policy, "log " + log.verifier().format() + "\n"
        + "witness DE " + witnesses.get(0).verifier().format() + "\nwitness FR " + witnesses.get(1).verifier().format()
        + "\nwitness IT " + witnesses.get(2).verifier().format() + "\ngroup countries 2 DE FR IT\nquorum countries\n");
    String one = note + witnesses.get(0).cosign(text, 100).line() + "\n";
    String two = one + witnesses.get(2).cosign(text, 101).line() + "\n";
    Path oneFile = Files.writeString(dir.resolve("one.txt"), one);
    Path twoFile = Files.writeString(dir.resolve("two.txt"), two);

    CliRun refused = CliRun.run("verify", "checkpoint", oneFile.toString(), "--policy", policy.toString());
    assertThat(refused.exit()).isEqualTo(Main.USER_ERROR);
    assertThat(refused.all()).contains("quorum 'countries'");
    CliRun accepted = CliRun.run("verify", "checkpoint", twoFile.toString(), "--policy", policy.toString(), "--json");
    assertThat(accepted.exit()).as(accepted.all()).isZero();
    assertThat(JSON.readTree(accepted.out()).get("cosigners").toString()).isEqualTo("[\"DE\",\"IT\"]");

    Path receiptOne = Files.writeString(dir.resolve("r1.txt"), new TlogProof(entry, 0, List.of(), one).format());
    Path receiptTwo = Files.writeString(dir.resolve("r2.txt"), new TlogProof(entry, 0, List.of(), two).format());
    assertThat(CliRun.run("verify", "receipt", receiptOne.toString(), "--policy", policy.toString()).exit()).isEqualTo(Main.USER_ERROR);
    CliRun receipt = CliRun.run("verify", "receipt", receiptTwo.toString(), "--policy", policy.toString());
    assertThat(receipt.exit()).as(receipt.all()).isZero();
    assertThat(CliRun.run("verify", "checkpoint", twoFile.toString()).all()).contains("--policy");
    Path broken = Files.writeString(dir.resolve("broken.policy"), "quorum nobody\n");
    assertThat(CliRun.run("verify", "checkpoint", twoFile.toString(), "--policy", broken.toString()).all()).contains("line 1");
  }
}
