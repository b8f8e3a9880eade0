package org.accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.accord.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transparency-dev/merkle reference vectors: every one of the 196 inclusion and consistency cases
 * must be accepted or rejected as its {@code wantErr} says. No case is skipped.
 */
class MerkleVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EXPECTED_CASES = 196;
  private static int passed;

  static Stream<Arguments> vectors() throws IOException {
    Path root = TestData.resolve("merkle/testdata");
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> cases.add(
          Arguments.of(root.relativize(p).toString(), p)));
    }
    assertThat(cases).as("vector files under merkle/testdata").hasSize(EXPECTED_CASES);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector(String name, Path file) throws IOException {
    JsonNode vector = JSON.readTree(file.toFile());
    boolean wantErr = vector.get("wantErr").asBoolean();
    VerificationException failure = null;
    try {
      if (name.startsWith("inclusion")) {
        MerkleLog.verifyInclusion(
            vector.get("leafIdx").asLong(),
            vector.get("treeSize").asLong(),
            b64(vector.get("leafHash")),
            list(vector.get("proof")),
            b64(vector.get("root")));
      } else {
        MerkleLog.verifyConsistency(
            vector.get("size1").asLong(),
            vector.get("size2").asLong(),
            list(vector.get("proof")),
            b64(vector.get("root1")),
            b64(vector.get("root2")));
      }
    } catch (VerificationException e) {
      failure = e;
    }
    if (wantErr) {
      assertThat(failure).as(name + " (" + vector.get("desc").asText() + ") must be rejected").isNotNull();
      assertThat(failure.getMessage()).isNotBlank();
    } else {
      assertThat(failure).as(name + " (" + vector.get("desc").asText() + ") must verify").isNull();
    }
    synchronized (MerkleVectorsTest.class) {
      passed++;
    }
  }

  @AfterAll
  static void report() {
    if (passed == 0) {
      return; // nothing ran: without the test data, MissingTestDataSummary says so
    }
    System.out.println("merkle reference vectors: " + passed + "/" + EXPECTED_CASES + " passed, 0 skipped");
  }

  /** The happy-path proofs in the vectors are exactly what our prover builds over the reference tree. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void proverBuildsTheReferenceProofs(String name, Path file) throws IOException {
    JsonNode vector = JSON.readTree(file.toFile());
    if (!vector.get("desc").asText().equals("happy path")) {
      return;
    }
    List<Hash> leaves = referenceLeafHashes();
    if (name.startsWith("inclusion")) {
      long size = vector.get("treeSize").asLong();
      if (size > leaves.size()) {
        return;
      }
      Prover prover = MerkleLog.prover(size, memory(leaves));
      assertThat(prover.root().base64()).isEqualTo(vector.get("root").asText());
      assertThat(prover.inclusion(vector.get("leafIdx").asLong()).stream().map(Hash::base64).toList())
          .containsExactlyElementsOf(strings(vector.get("proof")));
    } else {
      long size2 = vector.get("size2").asLong();
      Prover prover = MerkleLog.prover(size2, memory(leaves));
      assertThat(prover.root().base64()).isEqualTo(vector.get("root2").asText());
      assertThat(prover.consistency(vector.get("size1").asLong()).stream().map(Hash::base64).toList())
          .containsExactlyElementsOf(strings(vector.get("proof")));
    }
  }

  @Test
  void referenceTreeRoots() throws IOException {
    JsonNode reference = JSON.readTree(TestData.resolve("merkle/leaves_and_roots.json").toFile());
    List<byte[]> inputs = new ArrayList<>();
    for (JsonNode hex : reference.get("leaf_inputs_hex")) {
      inputs.add(HexFormat.of().parseHex(hex.asText()));
    }
    assertThat(MerkleLog.EMPTY_ROOT.hex()).isEqualTo(reference.get("empty_root_hash_hex").asText());
    for (int i = 0; i < inputs.size(); i++) {
      assertThat(MerkleLog.leafHash(inputs.get(i)).hex()).isEqualTo(reference.get("leaf_hashes_hex").get(i).asText());
    }
    for (int size = 0; size <= inputs.size(); size++) {
      assertThat(MerkleLog.rootOf(inputs.subList(0, size)).hex())
          .as("root of size " + size)
          .isEqualTo(reference.get("root_hashes_hex").get(size).asText());
    }
  }

  @Test
  void wrongLengthProofIsNamed() {
    List<Hash> leaves = referenceLeafHashes();
    Prover prover = MerkleLog.prover(8, memory(leaves));
    List<Hash> proof = new ArrayList<>(prover.inclusion(5));
    proof.remove(proof.size() - 1);
    assertThatThrownBy(() -> MerkleLog.verifyInclusion(5, 8, leaves.get(5), proof, prover.root()))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("has 2 hashes")
        .hasMessageContaining("exactly 3");
    assertThatCode(() -> MerkleLog.verifyInclusion(5, 8, leaves.get(5), prover.inclusion(5), prover.root()))
        .doesNotThrowAnyException();
  }

  static List<Hash> referenceLeafHashes() {
    try {
      JsonNode reference = JSON.readTree(TestData.resolve("merkle/leaves_and_roots.json").toFile());
      List<Hash> leaves = new ArrayList<>();
      for (JsonNode hex : reference.get("leaf_hashes_hex")) {
        leaves.add(Hash.fromHex(hex.asText()));
      }
      return leaves;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static NodeSource memory(List<Hash> leaves) {
    return (level, index) -> {
      Hash[] row = leaves.toArray(new Hash[0]);
      for (int l = 0; l < level; l++) {
        Hash[] up = new Hash[row.length / 2];
        for (int i = 0; i < up.length; i++) {
          up[i] = MerkleLog.nodeHash(row[2 * i], row[2 * i + 1]);
        }
        row = up;
      }
      return row[Math.toIntExact(index)];
    };
  }

  private static byte[] b64(JsonNode node) {
    return Base64.getDecoder().decode(node.asText());
  }

  private static List<byte[]> list(JsonNode array) {
    List<byte[]> list = new ArrayList<>();
    for (JsonNode item : array) {
      list.add(Base64.getDecoder().decode(item.asText()));
    }
    return list;
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    for (JsonNode item : array) {
      list.add(item.asText());
    }
    return list;
  }
}
