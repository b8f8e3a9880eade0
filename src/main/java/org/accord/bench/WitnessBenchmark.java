package org.accord.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.accord.app.Accord;
import org.accord.app.LedgerAppends;
import org.accord.app.LedgerService;
import org.accord.app.witness.Witnesses;
import org.accord.ledger.AddCheckpoint;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.Hash;
import org.accord.ledger.MerkleLog;
import org.accord.ledger.NodeSource;
import org.accord.ledger.NoteSigner;
import org.accord.ledger.Prover;
import org.accord.ledger.WitnessSubmission;

/**
 * {@code accord bench witness} (ADR 0153): (1) add-checkpoint at a log size of 10 million, through
 * {@link Witnesses#addCheckpoint} on a scratch SQLite store (parse, signature check, consistency proof,
 * cosignature, compare-and-set commit), against the baseline of verifying the consistency proof alone in
 * the same run; (2) three instances on loopback, each witnessing the other two, each publishing one
 * checkpoint a second for a duration, counting the cosignatures missing at the end.
 *
 * <p>The 10-million tree is synthetic: the hashes of the complete subtrees inside the first {@code size}
 * leaves are derived from their position (no 10 million leaves are hashed); the leaves appended after
 * are real, and subtrees that straddle are hashed from their halves. A prover over it gives the same
 * proofs and roots a real tree of those subtree hashes would, so the witness does the full work a real
 * 10-million log's checkpoint costs it; only building the log is skipped.
 */
public final class WitnessBenchmark {
  private WitnessBenchmark() {}

  /** A running instance's server, for the federation part: its port and how to stop it. */
  public record Served(int port, AutoCloseable server) {}

  /**
   * @param size the log size the witness holds before the timed checkpoints
   * @param checkpoints add-checkpoint requests timed
   * @param step entries between two checkpoints
   * @param duration how long the three instances run
   */
  public record Options(long size, int checkpoints, int step, Duration duration) {}

  /**
   * The figures.
   *
   * @param addCheckpointP99Ms p99 of one add-checkpoint, proof included
   * @param verifyP99Ms p99 of verifying the consistency proof alone (the baseline)
   * @param cosignatures cosignatures expected in the federation part (2 per published checkpoint)
   * @param missed of those, how many were not collected by the end
   */
  public record Result(long size, int checkpoints, double addCheckpointP50Ms, double addCheckpointP99Ms, double verifyP50Ms,
      double verifyP99Ms, int proofHashes, long durationS, long checkpointsPublished, long cosignatures, long missed) {}

  /** Runs both parts; {@code serve} starts a web server for an instance (the bench package does not serve). */
  public static Result run(Options options, Function<Accord, Served> serve, Consumer<String> progress) throws Exception {
    Path scratch = Files.createTempDirectory("accord-bench-witness");
    try {
      double[] add = new double[4];
      int proofHashes = addCheckpoint(options, scratch.resolve("witness"), add, progress);
      long[] federation = federation(options, scratch, serve, progress);
      return new Result(options.size(), options.checkpoints(), add[0], add[1], add[2], add[3], proofHashes,
          options.duration().toSeconds(), federation[0], federation[1], federation[2]);
    } finally {
      ScratchStore.deleteTree(scratch);
    }
  }

  /** A tree whose first {@code base} leaves exist only as synthetic complete-subtree hashes. */
  static final class SyntheticTree implements NodeSource {
    private final long base;
    private final Map<Long, Hash>[] built;

    @SuppressWarnings("unchecked")
    SyntheticTree(long base) {
      this.base = base;
      this.built = new Map[64];
      for (int i = 0; i < 64; i++) {
        built[i] = new HashMap<>();
      }
    }

    @Override
    public Hash node(int level, long index) {
      long begin = index << level;
      long end = begin + (1L << level);
      if (end <= base) {
        return Hash.sha256(("synthetic " + level + " " + index).getBytes(StandardCharsets.US_ASCII));
      }
      Hash known = built[level].get(index);
      if (known != null) {
        return known;
      }
      Hash hash = level == 0
          ? MerkleLog.leafHash(("entry " + begin).getBytes(StandardCharsets.US_ASCII))
          : MerkleLog.nodeHash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
      built[level].put(index, hash);
      return hash;
    }
  }

  private static int addCheckpoint(Options options, Path dir, double[] out, Consumer<String> progress) throws Exception {
    Files.createDirectories(dir);
    try (Accord accord = Accord.open(new Accord.Config(dir, null))) {
      Witnesses witnesses = accord.witnesses();
      NoteSigner log = NoteSigner.generate("bench.example/log", new SecureRandom());
      witnesses.addLog(accord.parties().localCoordinator(), List.of(log.verifier().format()));
      SyntheticTree tree = new SyntheticTree(options.size());
      long size = options.size();
      Hash root = MerkleLog.prover(size, tree).root();
      // the witness first cosigns the 10-million checkpoint from nothing (old 0, no proof), as a new witness would
      expect(witnesses.addCheckpoint(WitnessSubmission.body(0, List.of(), new Checkpoint(log.name(), size, root).sign(log))
          .getBytes(StandardCharsets.UTF_8)));
      progress.accept("witness holds a log of size " + size + "; timing " + options.checkpoints() + " add-checkpoint requests");
      int warmup = Math.min(200, options.checkpoints() / 5);
      long[] adds = new long[options.checkpoints()];
      long[] verifies = new long[options.checkpoints()];
      int hashes = 0;
      for (int i = -warmup; i < options.checkpoints(); i++) {
        long next = size + options.step();
        Prover prover = MerkleLog.prover(next, tree);
        List<Hash> proof = prover.consistency(size);
        Hash nextRoot = prover.root();
        byte[] body = WitnessSubmission.body(size, proof, new Checkpoint(log.name(), next, nextRoot).sign(log)).getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        MerkleLog.verifyConsistency(size, next, proof, root, nextRoot);
        long t1 = System.nanoTime();
        expect(witnesses.addCheckpoint(body));
        long t2 = System.nanoTime();
        if (i >= 0) {
          verifies[i] = t1 - t0;
          adds[i] = t2 - t1;
          hashes = Math.max(hashes, proof.size());
        }
        size = next;
        root = nextRoot;
      }
      Percentiles add = new Percentiles(adds);
      Percentiles verify = new Percentiles(verifies);
      out[0] = add.millis(50);
      out[1] = add.millis(99);
      out[2] = verify.millis(50);
      out[3] = verify.millis(99);
      return hashes;
    }
  }

  private static void expect(Witnesses.Answer answer) {
    if (answer.outcome() != AddCheckpoint.Outcome.COSIGNED) {
      throw new IllegalStateException("the witness refused a benchmark checkpoint: " + answer.status() + " " + answer.body());
    }
  }

  /** Three instances witnessing each other; returns {published checkpoints, cosignatures expected, missed}. */
  private static long[] federation(Options options, Path scratch, Function<Accord, Served> serve, Consumer<String> progress)
      throws Exception {
    List<Accord> instances = new ArrayList<>();
    List<Served> servers = new ArrayList<>();
    List<Set<Long>> published = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Path dir = scratch.resolve("instance-" + i);
        Files.createDirectories(dir);
        Accord accord = Accord.open(new Accord.Config(dir, null).withLedger(
            new LedgerService.Options(Duration.ofSeconds(1), 4096, "bench-" + i + ".example/log")));
        instances.add(accord);
        servers.add(serve.apply(accord));
        published.add(new LinkedHashSet<>());
      }
      for (int i = 0; i < 3; i++) {
        Accord accord = instances.get(i);
        for (int j = 0; j < 3; j++) {
          if (j != i) {
            Accord other = instances.get(j);
            accord.witnesses().addLog(accord.parties().localCoordinator(), List.of(other.ledger().verifierKey().format()));
            accord.logWitnessing().addWitness(accord.parties().localCoordinator(), other.witnesses().key().verifier().format(),
                "http://127.0.0.1:" + servers.get(j).port() + "/witness");
          }
        }
        accord.logWitnessing().start(Duration.ofMillis(200));
      }
      progress.accept("three instances cosigning one checkpoint a second each for " + options.duration().toSeconds() + " s");
      long end = System.nanoTime() + options.duration().toNanos();
      long tick = System.nanoTime();
      int n = 0;
      while (System.nanoTime() < end) {
        for (int i = 0; i < 3; i++) {
          Accord accord = instances.get(i);
          accord.ledger().append(LedgerAppends.event("audit.note", "audit:bench", accord.clock().instant(), Map.of("n", n), "bench"));
          published.get(i).add(accord.ledger().publish());
        }
        n++;
        tick += 1_000_000_000L;
        long wait = tick - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
      // one more second for the last checkpoint's cosignatures to arrive
      Thread.sleep(2000);
      long count = 0;
      long expected = 0;
      long missed = 0;
      for (int i = 0; i < 3; i++) {
        for (long size : published.get(i)) {
          count++;
          expected += 2;
          missed += 2 - instances.get(i).logWitnessing().cosignatures(size).size();
        }
      }
      return new long[] {count, expected, missed};
    } finally {
      for (Served served : servers) {
        served.server().close();
      }
      for (Accord accord : instances) {
        accord.close();
      }
    }
  }

}
