package org.accord.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.accord.app.LedgerService;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.Hash;
import org.accord.ledger.HashTile;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.LogTree;
import org.accord.ledger.MerkleLog;
import org.accord.ledger.NoteSigner;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.Receipt;
import org.accord.ledger.VerificationException;
import org.accord.ledger.Verifier;
import org.accord.store.Database;
import org.accord.store.LedgerStore;

/**
 * {@code accord bench log}: the transparency log's append throughput, proof latency and verification
 * cost, each with a baseline measured in the same run.
 *
 * <ul>
 *   <li>Appends: events submitted as fast as the service takes them, batched into transactions, with
 *       the publisher making a checkpoint each second; baseline: one entry per transaction (each
 *       append waits for its own commit).
 *   <li>Inclusion proofs at 1M and 10M entries, from the stored tiles (a tree built by the bulk path,
 *       tiles only); baseline: the same proof recomputed from all leaf hashes.
 *   <li>Verification of one inclusion proof; baseline: recomputing the root from all 1M leaves, which
 *       is what an auditor without proofs would have to do.
 * </ul>
 *
 * <p>{@link #run} is static and uses its own fresh store and temporary files, which it removes;
 * progress lines go to the given consumer on the calling thread. Runs are not meant to overlap in one
 * JVM, since they measure time and heap.
 */
public final class LogBenchmark {
  private static final String ORIGIN = "bench.accord.invalid/log";

  /**
   * What to run.
   *
   * @param appends events in the throughput run
   * @param baselineAppends events in the one-per-transaction baseline
   * @param proofSizes tree sizes for proof latency
   * @param proofSamples timed proofs per size
   * @param pgUrl a PostgreSQL URL for the PostgreSQL append run, or null to skip it
   * @param workDir where temporary stores go
   */
  public record Options(int appends, int baselineAppends, List<Long> proofSizes, int proofSamples, String pgUrl, Path workDir) {}

  /** One append run. */
  public record AppendRun(String store, int appends, double seconds, double appendsPerS, long transactions,
      long checkpointsPublished, double baselinePerS, double ratio) {}

  /** Proof latency at one size. */
  public record ProofRun(long size, double buildS, double p50Ms, double p99Ms, double baselineMs, double ratio) {}

  /** Everything measured. */
  public record Result(List<AppendRun> appendRuns, List<ProofRun> proofRuns, double verifyUs, double receiptVerifyUs,
      double rootRecomputeMs, double verifyRatio, double totalS) {

    /** SQLite appends per second. */
    public double appendsPerS() {
      return appendRuns.get(0).appendsPerS();
    }

    /** The worst p99 of the proof runs. */
    public double proofP99Ms() {
      return proofRuns.stream().mapToDouble(ProofRun::p99Ms).max().orElse(Double.NaN);
    }

    /** The JSON the command prints. */
    public Map<String, Object> json() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("appends_per_s", round(appendsPerS()));
      out.put("proof_p99_ms", round3(proofP99Ms()));
      out.put("verify_us", round3(verifyUs));
      out.put("appends", appendRuns.stream().map(run -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("store", run.store());
        m.put("appends", run.appends());
        m.put("seconds", round3(run.seconds()));
        m.put("appends_per_s", round(run.appendsPerS()));
        m.put("transactions", run.transactions());
        m.put("checkpoints_published", run.checkpointsPublished());
        m.put("baseline_one_per_transaction_per_s", round(run.baselinePerS()));
        m.put("ratio", round3(run.ratio()));
        return m;
      }).toList());
      out.put("proofs", proofRuns.stream().map(run -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", run.size());
        m.put("build_s", round3(run.buildS()));
        m.put("p50_ms", round3(run.p50Ms()));
        m.put("p99_ms", round3(run.p99Ms()));
        m.put("baseline_from_leaves_ms", round3(run.baselineMs()));
        m.put("ratio", round(run.ratio()));
        return m;
      }).toList());
      out.put("receipt_verify_us", round3(receiptVerifyUs));
      out.put("root_recompute_1m_ms", round3(rootRecomputeMs));
      out.put("verify_ratio", round(verifyRatio));
      out.put("total_s", round3(totalS));
      return out;
    }
  }

  private LogBenchmark() {}

  /** Runs the benchmark, reporting progress lines to {@code log}. */
  public static Result run(Options options, Consumer<String> log) throws IOException, VerificationException {
    long start = System.nanoTime();
    Files.createDirectories(options.workDir());
    Path work = Files.createTempDirectory(options.workDir(), "accord-bench-log-");
    try {
      List<AppendRun> appendRuns = new ArrayList<>();
      List<Receipt> receipts = new ArrayList<>();
      NoteVerifier[] key = new NoteVerifier[1];
      appendRuns.add(appends("sqlite", null, work.resolve("sqlite"), options, log, receipts, key));
      if (options.pgUrl() != null) {
        appendRuns.add(appends("postgresql", options.pgUrl(), work.resolve("postgresql"), options, log, new ArrayList<>(), new NoteVerifier[1]));
      }
      List<ProofRun> proofRuns = new ArrayList<>();
      for (long size : options.proofSizes()) {
        proofRuns.add(proofs(size, work.resolve("proofs-" + size), options, log));
      }
      double[] verify = verification(receipts, key[0], log);
      double totalS = (System.nanoTime() - start) / 1e9;
      return new Result(appendRuns, proofRuns, verify[0], verify[1], verify[2], verify[2] * 1000 / verify[0], totalS);
    } finally {
      ScratchStore.deleteTree(work);
    }
  }

  // ------------------------------------------------------------------ appends

  private static AppendRun appends(String store, String url, Path dir, Options options, Consumer<String> log,
      List<Receipt> keep, NoteVerifier[] key) throws VerificationException {
    List<LedgerEvent> events = events(options.appends() + options.baselineAppends());
    try (Database database = url == null ? Database.openEmbedded(dir) : Database.open(url);
        LedgerService ledger = LedgerService.start(database, dir, new LedgerService.Options(Duration.ofSeconds(1), 4096, ORIGIN))) {
      key[0] = ledger.verifierKey();
      // Warm up the code paths, then the baseline: one entry per transaction.
      ledger.appendAll(events.subList(0, 200).stream().map(LedgerService.Append::open).toList());
      int baselineCount = options.baselineAppends();
      long baselineStart = System.nanoTime();
      for (int i = 0; i < baselineCount; i++) {
        ledger.append(events.get(options.appends() + i));
      }
      double baselineS = (System.nanoTime() - baselineStart) / 1e9;
      double baselinePerS = baselineCount / baselineS;
      log.accept(String.format(java.util.Locale.ROOT, "%s baseline, one entry per transaction: %.0f appends/s (%d appends)", store, baselinePerS, baselineCount));

      long sizeBefore = ledger.size();
      List<LedgerService.Append> appends = events.subList(200, options.appends()).stream().map(LedgerService.Append::open).toList();
      long begin = System.nanoTime();
      List<CompletableFuture<List<Receipt>>> chunks = new ArrayList<>();
      for (int from = 0; from < appends.size(); from += 1000) {
        chunks.add(ledger.submitAll(appends.subList(from, Math.min(appends.size(), from + 1000))));
      }
      long count = 0;
      for (CompletableFuture<List<Receipt>> chunk : chunks) {
        List<Receipt> receipts = chunk.join();
        count += receipts.size();
        if (keep.size() < 2000) {
          keep.addAll(receipts.subList(0, Math.min(receipts.size(), 2000 - keep.size())));
        }
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      double perS = count / seconds;
      long transactions = countCheckpoints(database, sizeBefore, false);
      long published = countCheckpoints(database, sizeBefore, true);
      log.accept(String.format(java.util.Locale.ROOT,
          "%s batched: %.0f appends/s (%d appends in %.2f s, %d transactions, %d checkpoints published meanwhile); %.1fx the baseline",
          store, perS, count, seconds, transactions, published, perS / baselinePerS));
      long verifyStart = System.nanoTime();
      Verifier.verifyLog(ledger, ledger.verifierKey(), Optional.empty());
      log.accept(String.format(java.util.Locale.ROOT, "%s log of %d entries audited in %.2f s", store, ledger.size(), (System.nanoTime() - verifyStart) / 1e9));
      return new AppendRun(store, (int) count, seconds, perS, transactions, published, baselinePerS, perS / baselinePerS);
    }
  }

  private static long countCheckpoints(Database database, long after, boolean published) {
    return database.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT COUNT(*) FROM ledger_checkpoints WHERE tree_size > :after"
                + (published ? " AND published_at IS NOT NULL" : ""))
        .bind("after", after)
        .mapTo(Long.class)
        .one());
  }

  /** Events shaped like the SBOM-ingest events: a document hash, an organization, a subject per document family. */
  static List<LedgerEvent> events(int count) {
    SplittableRandom random = new SplittableRandom(42);
    Instant time = Instant.parse("2025-06-01T00:00:00Z");
    List<LedgerEvent> events = new ArrayList<>(count);
    byte[] digest = new byte[32];
    for (int i = 0; i < count; i++) {
      for (int b = 0; b < 32; b += 8) {
        long bits = random.nextLong();
        for (int k = 0; k < 8; k++) {
          digest[b + k] = (byte) (bits >>> (8 * k));
        }
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("sha256", java.util.HexFormat.of().formatHex(digest));
      data.put("org", "vendor-" + random.nextInt(500));
      data.put("format", "CycloneDX 1.6");
      events.add(new LedgerEvent("sbom.ingested", "product:" + random.nextInt(5000), time.plusMillis(i), data));
    }
    return events;
  }

  // ------------------------------------------------------------------ proofs

  private static ProofRun proofs(long size, Path dir, Options options, Consumer<String> log)
      throws VerificationException, IOException {
    long buildStart = System.nanoTime();
    try (Database database = Database.openEmbedded(dir)) {
      LedgerStore store = new LedgerStore(database);
      LogTree tree = LogTree.empty();
      List<HashTile> pending = new ArrayList<>();
      byte[] index = new byte[8];
      for (long i = 0; i < size; i++) {
        ByteBuffer.wrap(index).putLong(i);
        tree.append(MerkleLog.leafHash(index));
        if ((i & 0xFFFF) == 0xFFFF) {
          pending.addAll(tree.drainTiles());
          if (pending.size() >= 2048) {
            store.putTiles(pending);
            pending.clear();
          }
        }
      }
      pending.addAll(tree.drainTiles());
      store.putTiles(pending);
      NoteSigner signer = org.accord.ledger.NoteSigner.generate(ORIGIN, new java.security.SecureRandom());
      Files.writeString(dir.resolve("ledger.key"), signer.format() + "\n");
      Hash root = tree.root();
      long now = System.currentTimeMillis();
      store.insertCheckpoint(new LedgerStore.StoredCheckpoint(size, root, new Checkpoint(ORIGIN, size, root).sign(signer), now, OptionalLong.of(now)));
      double buildS = (System.nanoTime() - buildStart) / 1e9;
      log.accept(String.format(java.util.Locale.ROOT, "tree of %,d entries built by the bulk path (tiles only) in %.1f s", size, buildS));

      try (LedgerService ledger = LedgerService.start(database, dir, new LedgerService.Options(Duration.ofSeconds(1), 4096, ORIGIN))) {
        SplittableRandom random = new SplittableRandom(size);
        System.gc();
        for (int i = 0; i < 5000; i++) {
          ledger.inclusionProof(random.nextLong(size), size);
        }
        long[] nanos = new long[options.proofSamples()];
        for (int i = 0; i < nanos.length; i++) {
          long leaf = random.nextLong(size);
          long t0 = System.nanoTime();
          List<Hash> proof = ledger.inclusionProof(leaf, size);
          nanos[i] = System.nanoTime() - t0;
          if (proof.size() != MerkleLog.inclusionProofSize(leaf, size)) {
            throw new IllegalStateException("proof of the wrong length");
          }
        }
        Percentiles latency = new Percentiles(nanos);
        double p50 = latency.millis(50);
        double p99 = latency.millis(99);
        // Baseline: the same proof, recomputed from every leaf hash (read from the level-0 tiles).
        double baselineMs = Double.NaN;
        if (size <= 1_000_000) {
          long t0 = System.nanoTime();
          List<Hash> leaves = readLeaves(store, size);
          long leaf = random.nextLong(size);
          List<Hash> proof = MerkleLog.prover(size, new LeafNodes(leaves)).inclusion(leaf);
          baselineMs = (System.nanoTime() - t0) / 1e6;
          MerkleLog.verifyInclusion(leaf, size, leaves.get((int) leaf), proof, root);
        }
        log.accept(String.format(java.util.Locale.ROOT,
            "inclusion proof at %,d entries: p50 %.3f ms, p99 %.3f ms (%d proofs)%s", size, p50, p99, nanos.length,
            Double.isNaN(baselineMs) ? "" : String.format(java.util.Locale.ROOT,
                "; baseline from all leaves %.0f ms, %.0fx slower", baselineMs, baselineMs / p50)));
        return new ProofRun(size, buildS, p50, p99, baselineMs, baselineMs / p50);
      }
    }
  }

  private static List<Hash> readLeaves(LedgerStore store, long size) {
    List<Hash> leaves = new ArrayList<>((int) size);
    for (long t = 0; t * 256 < size; t++) {
      int width = (int) Math.min(256, size - t * 256);
      byte[] tile = store.read(0, t, width);
      for (int k = 0; k < width; k++) {
        leaves.add(new Hash(Arrays.copyOfRange(tile, k * 32, k * 32 + 32)));
      }
    }
    return leaves;
  }

  /** Complete subtrees computed bottom-up from all leaves, once: the from-scratch baseline. */
  private static final class LeafNodes implements org.accord.ledger.NodeSource {
    private final List<Hash[]> levels = new ArrayList<>();

    LeafNodes(List<Hash> leaves) {
      Hash[] row = leaves.toArray(new Hash[0]);
      levels.add(row);
      while (row.length > 1) {
        Hash[] up = new Hash[row.length / 2];
        for (int i = 0; i < up.length; i++) {
          up[i] = MerkleLog.nodeHash(row[2 * i], row[2 * i + 1]);
        }
        levels.add(up);
        row = up;
      }
    }

    @Override
    public Hash node(int level, long index) {
      return levels.get(level)[(int) index];
    }
  }

  // ------------------------------------------------------------------ verification

  /** Per-proof verification time (µs), per-receipt time with the signature (µs), and the root-from-leaves baseline (ms). */
  private static double[] verification(List<Receipt> receipts, NoteVerifier key, Consumer<String> log)
      throws VerificationException {
    long size = 1_000_000;
    LogTree tree = LogTree.empty();
    byte[] index = new byte[8];
    List<Hash> leaves = new ArrayList<>((int) size);
    for (long i = 0; i < size; i++) {
      ByteBuffer.wrap(index).putLong(i);
      Hash leaf = MerkleLog.leafHash(index);
      leaves.add(leaf);
      tree.append(leaf);
    }
    Hash root = tree.root();
    LeafNodes nodes = new LeafNodes(leaves);
    SplittableRandom random = new SplittableRandom(7);
    int samples = 20_000;
    long[] indexes = new long[samples];
    List<List<Hash>> proofs = new ArrayList<>(samples);
    org.accord.ledger.Prover prover = MerkleLog.prover(size, nodes);
    for (int i = 0; i < samples; i++) {
      indexes[i] = random.nextLong(size);
      proofs.add(prover.inclusion(indexes[i]));
    }
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < samples; i++) {
        MerkleLog.verifyInclusion(indexes[i], size, leaves.get((int) indexes[i]), proofs.get(i), root);
      }
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < samples; i++) {
      MerkleLog.verifyInclusion(indexes[i], size, leaves.get((int) indexes[i]), proofs.get(i), root);
    }
    double verifyUs = (System.nanoTime() - t0) / 1e3 / samples;
    long r0 = System.nanoTime();
    Hash recomputed = MerkleLog.rootOfLeafHashes(leaves);
    double rootMs = (System.nanoTime() - r0) / 1e6;
    if (!recomputed.equals(root)) {
      throw new IllegalStateException("root mismatch");
    }
    double receiptUs = Double.NaN;
    if (!receipts.isEmpty()) {
      for (Receipt receipt : receipts.subList(0, Math.min(200, receipts.size()))) {
        Verifier.verifyReceipt(receipt, key);
      }
      long v0 = System.nanoTime();
      for (Receipt receipt : receipts) {
        Verifier.verifyReceipt(receipt, key);
      }
      receiptUs = (System.nanoTime() - v0) / 1e3 / receipts.size();
    }
    log.accept(String.format(java.util.Locale.ROOT,
        "verify one inclusion proof (1M tree): %.2f us; a whole receipt with its Ed25519 checkpoint signature: %.0f us; "
            + "baseline, recomputing the root from all 1M leaves: %.0f ms (%.0fx)", verifyUs, receiptUs, rootMs, rootMs * 1000 / verifyUs));
    return new double[] {verifyUs, receiptUs, rootMs};
  }

  private static double round(double value) {
    return Math.round(value);
  }

  private static double round3(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
  }
}
