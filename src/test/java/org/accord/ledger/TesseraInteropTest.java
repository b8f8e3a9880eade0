package org.accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with a production implementation: the 15-entry log that transparency-dev/tessera
 * wrote (C2SP tlog-tiles, checkpoints for every size 0..15) verifies with its published key.
 */
class TesseraInteropTest {
  static final List<String> ENTRIES = List.of(
      "one", "two", "three", "four", "five", "six", "seven", "eit", "nain", "ten", "ileven", "twelf",
      "threeten", "fourten", "fivten");

  @TempDir Path temp;

  static Path log() {
    return TestData.resolve("tlog/testdata/log");
  }

  static NoteVerifier key() throws IOException, VerificationException {
    return Verifier.parseKey(Files.readString(TestData.resolve("tlog/verifier_key.txt")));
  }

  static TileSource directory(Path root) {
    return path -> {
      Path file = root.resolve(path);
      return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    };
  }

  @Test
  void keyFileParses() throws Exception {
    assertThat(key().format()).isEqualTo("example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx");
  }

  @Test
  void wholeLogVerifies() throws Exception {
    LogReport report = Verifier.verifyLog(directory(log()), key(), Optional.empty());
    assertThat(report.checkpoint().size()).isEqualTo(15);
    assertThat(report.entries()).isEqualTo(15);
    System.out.println("tessera interop: log of " + report.entries() + " entries verified, "
        + report.tiles() + " resources, " + report.bytes() + " bytes");
  }

  @Test
  void everyCheckpointVerifiesAndMatchesItsEntries() throws Exception {
    List<byte[]> entries = new ArrayList<>();
    for (String entry : ENTRIES) {
      entries.add(entry.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(EntryBundle.decode(Files.readAllBytes(log().resolve("tile/entries/000.p/15"))))
        .extracting(b -> new String(b, StandardCharsets.UTF_8))
        .containsExactlyElementsOf(ENTRIES);
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (int size = 0; size <= 15; size++) {
      String note = Files.readString(log().resolve("checkpoint." + size));
      Checkpoint checkpoint = Verifier.verifyCheckpoint(note, key());
      assertThat(checkpoint.size()).isEqualTo(size);
      assertThat(checkpoint.root()).isEqualTo(MerkleLog.rootOf(entries.subList(0, size)));
      checkpoints.add(checkpoint);
      // Every older checkpoint is a prefix of this one, by a proof built from Tessera's tiles.
      Prover prover = MerkleLog.prover(size, new TiledNodes(tesseraTiles(), 4));
      assertThat(prover.root()).isEqualTo(checkpoint.root());
      for (int old = 1; old <= size; old++) {
        MerkleLog.verifyConsistency(old, size, prover.consistency(old), checkpoints.get(old).root(), checkpoint.root());
      }
      for (int index = 0; index < size; index++) {
        MerkleLog.verifyInclusion(index, size, MerkleLog.leafHash(entries.get(index)), prover.inclusion(index), checkpoint.root());
      }
    }
    assertThat(Files.readString(log().resolve("checkpoint"))).isEqualTo(Files.readString(log().resolve("checkpoint.15")));
    System.out.println("tessera interop: 16 checkpoints verified, with 120 inclusion and 120 consistency proofs");
  }

  /** Tessera's level-0 tiles as a tile reader; every width it wrote is a prefix of the widest. */
  private static TileReader tesseraTiles() {
    return (level, index, minWidth) -> {
      try {
        return Files.readAllBytes(log().resolve("tile/0/000.p/15"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  @Test
  void tamperedCopiesFailAndNameTheFirstBadPlace() throws Exception {
    NoteVerifier key = key();
    // An entry changed: named by index.
    Path changed = copy("changed");
    byte[] bundle = Files.readAllBytes(changed.resolve("tile/entries/000.p/15"));
    bundle[2 + 3 + 2 + 3 + 2] ^= 0x20; // first byte of "three"
    Files.write(changed.resolve("tile/entries/000.p/15"), bundle);
    assertAuditFails(changed, key, "entry 2", "leaf hash");

    // A leaf hash changed in the tile.
    Path leaf = copy("leaf");
    byte[] tile = Files.readAllBytes(leaf.resolve("tile/0/000.p/15"));
    tile[32 * 9 + 5] ^= 1;
    Files.write(leaf.resolve("tile/0/000.p/15"), tile);
    assertAuditFails(leaf, key, "entry 9", "hash 9");

    // A truncated tile.
    Path truncated = copy("truncated");
    Files.write(truncated.resolve("tile/0/000.p/15"), java.util.Arrays.copyOf(tile, 32 * 15 - 1));
    assertAuditFails(truncated, key, "tile/0/000.p/15", "truncated");

    // A deleted bundle.
    Path deleted = copy("deleted");
    Files.delete(deleted.resolve("tile/entries/000.p/15"));
    assertAuditFails(deleted, key, "tile/entries/000.p/15", "missing");

    // A truncated bundle.
    Path cut = copy("cut");
    Files.write(cut.resolve("tile/entries/000.p/15"), java.util.Arrays.copyOf(bundle, bundle.length - 3));
    assertAuditFails(cut, key, "tile/entries/000.p/15", "truncated");

    // A checkpoint signed by someone else.
    Path forged = copy("forged");
    NoteSigner other = NoteSigner.generate("example.com/log/testdata", new java.security.SecureRandom());
    Files.writeString(forged.resolve("checkpoint"),
        Verifier.readCheckpoint(Files.readString(forged.resolve("checkpoint"))).sign(other));
    assertAuditFails(forged, key, "", "another ID");
  }

  private void assertAuditFails(Path root, NoteVerifier key, String location, String reason) {
    assertThatThrownBy(() -> Verifier.verifyLog(directory(root), key, Optional.empty()))
        .isInstanceOf(VerificationException.class)
        .satisfies(e -> {
          VerificationException failure = (VerificationException) e;
          assertThat(failure.location()).isEqualTo(location);
          assertThat(failure.getMessage()).contains(reason);
        });
  }

  private Path copy(String name) throws IOException {
    Path target = temp.resolve(name);
    try (Stream<Path> files = Files.walk(log())) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(log().relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
    return target;
  }
}
