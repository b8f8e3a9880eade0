package org.accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogTreeTest {

  static byte[] entry(long i) {
    return ByteBuffer.allocate(12).putInt(0xACC0).putLong(i).array();
  }

  static List<Hash> leafHashes(long n) {
    List<Hash> leaves = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      leaves.add(MerkleLog.leafHash(entry(i)));
    }
    return leaves;
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, 255, 256, 257, 511, 512, 1000, 65535, 65536, 65537, 70000})
  void rootAndTilesMatchTheReferenceAtTileBoundaries(long size) {
    MemoryTiles store = new MemoryTiles();
    LogTree tree = LogTree.empty();
    List<byte[]> batch = new ArrayList<>();
    for (long i = 0; i < size; i++) {
      batch.add(entry(i));
    }
    MemoryTiles.appendAll(tree, store, batch);
    List<Hash> leaves = leafHashes(size);
    Hash expected = MerkleLog.rootOfLeafHashes(leaves);
    assertThat(tree.size()).isEqualTo(size);
    assertThat(tree.root()).isEqualTo(expected);
    assertThat(MerkleLog.prover(size, new TiledNodes(store, 64)).root()).isEqualTo(expected);
    assertThat(LogTree.restore(size, store).root()).isEqualTo(expected);
    // The C2SP example: a tree of 70,000 has 273 full level-0 tiles, a partial of 112, one full
    // level-1 tile, a level-1 partial of 17 and a level-2 partial of 1.
    if (size == 70000) {
      assertThat(TileId.fullTiles(size, 0)).isEqualTo(273);
      assertThat(TileId.partialWidth(size, 0)).isEqualTo(112);
      assertThat(TileId.fullTiles(size, 1)).isEqualTo(1);
      assertThat(TileId.partialWidth(size, 1)).isEqualTo(17);
      assertThat(TileId.partialWidth(size, 2)).isEqualTo(1);
      assertThat(store.tiles).containsKeys("0/273", "1/0", "1/1", "2/0");
      assertThat(store.tiles.get("0/273")).hasSize(112 * 32);
      assertThat(store.tiles.get("1/1")).hasSize(17 * 32);
    }
  }

  @Test
  void randomBatchesRestoresAndProofs() throws VerificationException {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String context = "seed " + seed;
    MemoryTiles store = new MemoryTiles();
    LogTree tree = LogTree.empty();
    List<Hash> leaves = new ArrayList<>();
    for (int round = 0; round < 40; round++) {
      int count = random.nextInt(round % 5 == 0 ? 3000 : 300);
      List<byte[]> batch = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        byte[] data = new byte[random.nextInt(40)];
        random.nextBytes(data);
        batch.add(data);
        leaves.add(MerkleLog.leafHash(data));
      }
      if (random.nextBoolean()) {
        tree = LogTree.restore(tree.size(), store);
      }
      MemoryTiles.appendAll(tree, store, batch);
      long size = tree.size();
      Hash root = MerkleLog.rootOfLeafHashes(leaves);
      assertThat(tree.root()).as(context).isEqualTo(root);
      if (size == 0) {
        continue;
      }
      Prover prover = MerkleLog.prover(size, new TiledNodes(store, 8));
      assertThat(prover.root()).as(context).isEqualTo(root);
      for (int k = 0; k < 20; k++) {
        long index = (long) (random.nextDouble() * size);
        List<Hash> proof = prover.inclusion(index);
        MerkleLog.verifyInclusion(index, size, leaves.get((int) index), proof, root);
        assertThat(proof).hasSize(MerkleLog.inclusionProofSize(index, size));
        long from = 1 + (long) (random.nextDouble() * size);
        Hash oldRoot = MerkleLog.rootOfLeafHashes(leaves.subList(0, (int) from));
        MerkleLog.verifyConsistency(from, size, prover.consistency(from), oldRoot, root);
        // A changed proof hash must fail.
        if (!proof.isEmpty()) {
          List<Hash> bad = new ArrayList<>(proof);
          int at = random.nextInt(bad.size());
          byte[] flipped = bad.get(at).bytes();
          flipped[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
          bad.set(at, new Hash(flipped));
          assertThatThrownBy(() -> MerkleLog.verifyInclusion(index, size, leaves.get((int) index), bad, root))
              .as(context)
              .isInstanceOf(VerificationException.class);
        }
      }
    }
  }

  @Test
  void restoreNamesAMissingTile() {
    MemoryTiles store = new MemoryTiles();
    LogTree tree = LogTree.empty();
    List<byte[]> batch = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      batch.add(entry(i));
    }
    MemoryTiles.appendAll(tree, store, batch);
    store.tiles.remove("0/1");
    assertThatThrownBy(() -> LogTree.restore(300, store))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0/1");
  }
}
