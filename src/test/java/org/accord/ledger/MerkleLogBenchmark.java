package org.accord.ledger;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Micro-benchmarks of the log's hot paths: appending a leaf to the right edge, building an inclusion
 * proof from tiles, and verifying one. Run with {@code mvn -q test-compile exec:exec -Pjmh
 * -Djmh.args=MerkleLogBenchmark}; {@code accord bench log} measures the same against a real store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MerkleLogBenchmark {
  private static final int SIZE = 1 << 20;

  private final MemoryTiles store = new MemoryTiles();
  private LogTree tree;
  private TiledNodes nodes;
  private Hash root;
  private final List<Hash> leaves = new ArrayList<>();
  private final List<List<Hash>> proofs = new ArrayList<>();
  private int next;

  @Setup
  public void build() {
    tree = LogTree.empty();
    for (int i = 0; i < SIZE; i++) {
      Hash leaf = MerkleLog.leafHash(ByteBuffer.allocate(8).putLong(i).array());
      leaves.add(leaf);
      tree.append(leaf);
    }
    store.store(tree.drainTiles());
    root = tree.root();
    nodes = new TiledNodes(store, 4096);
    Prover prover = MerkleLog.prover(SIZE, nodes);
    for (int i = 0; i < 1024; i++) {
      proofs.add(prover.inclusion((i * 7919L) % SIZE));
    }
  }

  @Benchmark
  public Hash appendLeaf() {
    tree.append(leaves.get(next++ & (SIZE - 1)));
    if ((next & 0xFFF) == 0) {
      tree.drainTiles();
    }
    return tree.size() % 1000 == 0 ? tree.root() : null;
  }

  @Benchmark
  public List<Hash> inclusionProofFromTiles() {
    long index = (next++ * 104729L) % SIZE;
    return MerkleLog.prover(SIZE, nodes).inclusion(index);
  }

  @Benchmark
  public boolean verifyInclusionProof() throws VerificationException {
    int i = next++ & 1023;
    long index = (i * 7919L) % SIZE;
    MerkleLog.verifyInclusion(index, SIZE, leaves.get((int) index), proofs.get(i), root);
    return true;
  }
}
