package org.accord.app;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accord.EnvironmentException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.Commitment;
import org.accord.ledger.EntryBundle;
import org.accord.ledger.Hash;
import org.accord.ledger.HashTile;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.LogTree;
import org.accord.ledger.MerkleLog;
import org.accord.ledger.NoteSigner;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.Prover;
import org.accord.ledger.Receipt;
import org.accord.ledger.TileSource;
import org.accord.ledger.TiledNodes;
import org.accord.ledger.VerificationException;
import org.accord.ledger.Verifier;
import org.accord.store.Database;
import org.accord.store.LedgerStore;
import org.accord.store.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running transparency log: batched durable appends, signed checkpoints, proofs and the tiles
 * that tlog clients read.
 *
 * <p>Appends go to one writer thread, which takes everything queued (up to {@link
 * Options#maxBatch()}), assigns indexes and chain predecessors, and writes the entries, the changed
 * tiles and a checkpoint signed for the new size in one transaction; the outbox is read inside that
 * transaction, so a batch takes every event committed before it (ADR 0111, addendum 2). Only after the commit does it
 * hand out receipts, each proving inclusion against that checkpoint: an acknowledged append survives a
 * crash. A publisher thread makes the newest checkpoint the log's public one every {@link
 * Options#checkpointInterval()} while the log grows. See ADR 0020.
 *
 * <p>The writer also drains the {@link Outbox}: events that Accord's own changes wrote in their data's
 * transaction. It appends them in the same batches, and deletes their outbox rows in the transaction
 * that writes their entries, so an event is never lost nor appended twice, whenever the process stops.
 * It drains what an earlier run left at start, when {@link #wakeOutbox()} says a change committed, and
 * at least once a second; an {@link OutboxListener} hears which outbox rows reached the log (ADR 0085).
 *
 * <p>Public and private events of a subject form separate {@code prev} chains: a public entry names
 * only the subject's previous public entry, so it never reveals that a private one exists (ADR 0087).
 *
 * <p>Thread-safe. Methods that take positions throw {@link IllegalArgumentException} for positions
 * the log does not have; appends of invalid events throw it before anything is queued. Storage
 * failures reach the caller of an append as {@link IllegalStateException}.
 */
public final class LedgerService implements TileSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerService.class);
  private static final int TILE_CACHE = 2048;
  private static final int HEAD_CACHE = 100_000;

  /**
   * How the log runs.
   *
   * @param checkpointInterval how often a new checkpoint is published while there are new entries
   * @param maxBatch the most appends written in one transaction
   * @param origin the origin (and key name) for a log created now; ignored once the key exists
   */
  public record Options(Duration checkpointInterval, int maxBatch, String origin) {
    public Options {
      Objects.requireNonNull(checkpointInterval, "checkpointInterval");
      Objects.requireNonNull(origin, "origin");
      if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
        throw new IllegalArgumentException("checkpoint interval must be positive");
      }
      if (maxBatch < 1) {
        throw new IllegalArgumentException("batch size must be positive");
      }
    }

    /**
     * Defaults, overridden by {@code ACCORD_LOG_CHECKPOINT_MS} (publishing cadence, default 1000) and
     * {@code ACCORD_LOG_ORIGIN} (origin of a new log, default {@code accord.local/log/<random>}).
     *
     * @throws EnvironmentException if {@code ACCORD_LOG_CHECKPOINT_MS} is not a positive number
     */
    public static Options fromEnvironment() {
      String interval = System.getenv("ACCORD_LOG_CHECKPOINT_MS");
      String origin = System.getenv("ACCORD_LOG_ORIGIN");
      Duration cadence = Duration.ofSeconds(1);
      if (interval != null && !interval.isBlank()) {
        try {
          cadence = Duration.ofMillis(Long.parseLong(interval.strip()));
        } catch (NumberFormatException e) {
          cadence = Duration.ZERO;
        }
        if (cadence.isNegative() || cadence.isZero()) {
          throw new EnvironmentException(
              "ACCORD_LOG_CHECKPOINT_MS must be a positive number of milliseconds, not '" + interval + "'");
        }
      }
      return new Options(cadence, 4096, origin == null || origin.isBlank() ? defaultOrigin() : origin.strip());
    }

    private static String defaultOrigin() {
      byte[] suffix = new byte[4];
      new SecureRandom().nextBytes(suffix);
      return "accord.local/log/" + HexFormat.of().formatHex(suffix);
    }
  }

  /**
   * One event to append, public or as a salted commitment.
   *
   * @param event the event
   * @param committed whether the log holds only {@code SHA-256(salt ‖ event)} until it is revealed
   */
  public record Append(LedgerEvent event, boolean committed) {
    public Append {
      Objects.requireNonNull(event, "event");
    }

    /** An event the log shows. */
    public static Append open(LedgerEvent event) {
      return new Append(event, false);
    }

    /** An event the log holds as a commitment, such as anything under embargo. */
    public static Append committed(LedgerEvent event) {
      return new Append(event, true);
    }
  }

  /**
   * Hears what became of the events drained from the {@link Outbox}. Called on the writer thread,
   * after the commit that appended them (or after the last attempt failed); must not block.
   */
  public interface OutboxListener {
    /** The event staged as outbox row {@code outboxId} is in the log, with this receipt. */
    void appended(long outboxId, Receipt receipt);

    /** Appending outbox row {@code outboxId} failed this time; the row stays and is tried again later. */
    void failed(long outboxId, RuntimeException cause);

    /** The service closed: nothing more will be appended until the log is started again. */
    void closed();

    /** A listener that ignores everything. */
    OutboxListener NONE = new OutboxListener() {
      @Override
      public void appended(long outboxId, Receipt receipt) {}

      @Override
      public void failed(long outboxId, RuntimeException cause) {}

      @Override
      public void closed() {}
    };
  }

  private record Pending(Append append, CompletableFuture<Receipt> receipt) {}

  /** One entry of a batch: a direct append ({@code pending}) or an outbox row ({@code outboxId}). */
  private record Item(LedgerEvent event, boolean committed, Pending pending, long outboxId) {}

  /** A subject's chain of public, or of private, events. */
  private record Chain(String subject, boolean committed) {}

  /** Wakes the writer without an append. */
  private static final Pending WAKE = new Pending(null, null);
  /** Empty 100 ms polls of the queue after which the writer looks at the outbox anyway. */
  private static final int OUTBOX_POLLS = 10;

  private record Head(long size, Hash root, String note) {}

  private final java.time.Clock clock;
  private final LedgerStore store;
  private final NoteSigner signer;
  private final Options options;
  private final SecureRandom random = new SecureRandom();
  private final TiledNodes nodes;
  private final StoredLog tiles;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Map<Chain, Hash> headCache = new LinkedHashMap<>(1024, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Chain, Hash> eldest) {
      return size() > HEAD_CACHE;
    }
  };
  private final Thread writer;
  private final Thread publisher;
  private final Object publishLock = new Object();
  private LogTree tree;
  private volatile Head latest;
  private volatile Head published;
  private volatile boolean running = true;
  private final OutboxListener listener;
  /** Set when the outbox may hold events: at start (an earlier run's leftovers) and on each wake. */
  private final AtomicBoolean outboxDirty = new AtomicBoolean(true);
  /** For tests: runs just before a batch that drains outbox rows commits; a throw fails the batch. */
  private volatile Runnable outboxFault;
  /** Whether this replica leads the log writer (ADR 0147): only the leader drains the outbox and publishes. */
  private volatile java.util.function.BooleanSupplier leads = () -> true;
  /** The witnesses' cosignature lines per checkpoint size (ADR 0153). */
  private volatile java.util.function.LongFunction<List<String>> cosignatures = size -> List.of();

  private LedgerService(Database database, NoteSigner signer, Options options, java.time.Clock clock, OutboxListener listener) {
    this.clock = clock;
    this.listener = listener;
    this.store = new LedgerStore(database);
    this.signer = signer;
    this.options = options;
    this.nodes = new TiledNodes(store, TILE_CACHE);
    this.tiles = new StoredLog(store, this::checkpoint, this::size);
    recover();
    this.writer = new Thread(this::writeLoop, "accord-ledger-writer");
    this.publisher = new Thread(this::publishLoop, "accord-ledger-publisher");
    writer.setDaemon(true);
    publisher.setDaemon(true);
    writer.start();
    publisher.start();
  }

  /**
   * Opens the log in a store, creating the signing key in {@code dataDir} and the empty log's first
   * checkpoint if needed, and starts the writer and the publisher.
   *
   * @throws EnvironmentException if the key cannot be read or written, or the stored log was not
   *     signed by this key or does not match its tiles
   */
  public static LedgerService start(Database database, Path dataDir, Options options) {
    return start(database, dataDir, options, java.time.Clock.systemUTC());
  }

  /**
   * As {@link #start(Database, Path, Options)}, with the clock that stamps checkpoints and their
   * publication (the instance's one clock).
   */
  public static LedgerService start(Database database, Path dataDir, Options options, java.time.Clock clock) {
    return start(database, dataDir, options, clock, OutboxListener.NONE);
  }

  /**
   * As {@link #start(Database, Path, Options, java.time.Clock)}, telling {@code listener} what becomes
   * of the outbox's events. The writer drains what the outbox holds from the start.
   */
  public static LedgerService start(
      Database database, Path dataDir, Options options, java.time.Clock clock, OutboxListener listener) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
    NoteSigner signer = LedgerKey.loadOrCreate(dataDir, options.origin(), new SecureRandom());
    return new LedgerService(database, signer, options, clock, listener);
  }

  /** Restores the in-memory tree from the newest stored checkpoint and its tiles, and checks both. */
  private void recover() {
    Optional<LedgerStore.StoredCheckpoint> stored = store.latest();
    if (stored.isEmpty()) {
      String note = new Checkpoint(signer.name(), 0, MerkleLog.EMPTY_ROOT).sign(signer);
      long now = clock.millis();
      store.insertCheckpoint(new LedgerStore.StoredCheckpoint(0, MerkleLog.EMPTY_ROOT, note, now, java.util.OptionalLong.of(now)));
      tree = LogTree.empty();
      latest = new Head(0, MerkleLog.EMPTY_ROOT, note);
      synchronized (publishLock) {
        published = latest;
      }
      return;
    }
    LedgerStore.StoredCheckpoint checkpoint = stored.get();
    try {
      Verifier.verifyCheckpoint(checkpoint.note(), signer.verifier());
    } catch (VerificationException e) {
      throw new EnvironmentException(
          "the log in the database was not signed by this data directory's key " + signer.verifier().format()
              + ": " + e.getMessage(), e);
    }
    tree = LogTree.restore(checkpoint.size(), store);
    if (!tree.root().equals(checkpoint.root())) {
      throw new EnvironmentException(
          "the stored tiles do not match the newest checkpoint (size " + checkpoint.size()
              + "); run 'accord verify log' to find the damage");
    }
    latest = new Head(checkpoint.size(), checkpoint.root(), checkpoint.note());
    synchronized (publishLock) {
      published = store.latestPublished()
          .map(p -> new Head(p.size(), p.root(), p.note()))
          .orElse(latest);
    }
  }

  // ---------------------------------------------------------------- appending

  /** Appends a public event and waits for its commit. */
  public Receipt append(LedgerEvent event) {
    return await(submit(Append.open(event)));
  }

  /** Appends an event as a salted commitment and waits; the receipt carries the salt and the event. */
  public Receipt appendPrivate(LedgerEvent event) {
    return await(submit(Append.committed(event)));
  }

  /** Appends events in order and waits for all of them; receipts come in the same order. */
  public List<Receipt> appendAll(List<Append> appends) {
    return await(submitAll(appends));
  }

  /**
   * Queues one append. The future completes with the receipt after the commit, or exceptionally with
   * an {@link IllegalStateException} if the store failed.
   *
   * An event too large for a log entry (65,535 bytes) fails its future with {@link
   * InvalidInputException}, and only its own.
   *
   * @throws IllegalStateException if the service is closed
   */
  public CompletableFuture<Receipt> submit(Append append) {
    return submitAll(List.of(append)).thenApply(list -> list.get(0));
  }

  /** Queues appends in order; see {@link #submit}. */
  public CompletableFuture<List<Receipt>> submitAll(List<Append> appends) {
    List<CompletableFuture<Receipt>> futures = new ArrayList<>(appends.size());
    List<Pending> pending = new ArrayList<>(appends.size());
    for (Append append : appends) {
      Objects.requireNonNull(append, "append");
      CompletableFuture<Receipt> future = new CompletableFuture<>();
      futures.add(future);
      pending.add(new Pending(append, future));
    }
    if (!running) {
      throw new IllegalStateException("the ledger is closed");
    }
    queue.addAll(pending);
    if (!running && !writer.isAlive()) {
      failQueued();
    }
    return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
        .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the ledger", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("ledger append failed: " + cause, cause);
    }
  }

  /**
   * Tells the writer that a change committed events to the outbox, so that it drains them now rather
   * than at its next look.
   *
   * @throws IllegalStateException if the service is closed
   */
  public void wakeOutbox() {
    if (!running) {
      throw new IllegalStateException("the ledger is closed");
    }
    outboxDirty.set(true);
    queue.offer(WAKE);
  }

  /** The number of events waiting in the outbox. */
  public long outboxSize() {
    return store.outboxSize();
  }

  /** For tests: {@code fault} runs before each commit that drains outbox rows; null for none. */
  void injectOutboxFault(Runnable fault) {
    this.outboxFault = fault;
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    List<Outbox.Staged> staged = new ArrayList<>();
    int polls = 0;
    while (true) {
      boolean stopping = !running;
      staged.clear();
      try {
        Pending first = stopping ? queue.poll() : queue.poll(100, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, options.maxBatch() - 1);
          batch.removeIf(pending -> pending == WAKE);
        }
        boolean drain = false;
        if (outboxDirty.getAndSet(false) || stopping || ++polls >= OUTBOX_POLLS) {
          polls = 0;
          // A look without the write lock: a wake whose event an earlier batch already took finds nothing.
          drain = leads.getAsBoolean() && store.outboxWaiting();
        }
        if (batch.isEmpty() && !drain) {
          if (stopping && queue.isEmpty()) {
            break;
          }
          continue;
        }
        write(drain, batch, staged);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        LOG.error("ledger writer failed", e);
        for (Pending pending : batch) {
          pending.receipt().completeExceptionally(e);
        }
        for (Outbox.Staged row : staged) {
          tell(() -> listener.failed(row.id(), e));
        }
        if (stopping) {
          break;
        }
      } finally {
        batch.clear();
      }
    }
  }

  private void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("outbox listener failed: {}", e.toString());
    }
  }

  /**
   * Writes one batch of the direct appends {@code batch} and, with {@code drain}, of the outbox rows
   * it reads ({@code staged} holds them after, for the failure path); after a storage failure, reloads
   * the log's state and tries again, twice.
   */
  private void write(boolean drain, List<Pending> batch, List<Outbox.Staged> staged) {
    for (int attempt = 1; ; attempt++) {
      try {
        writeOnce(drain, batch, staged);
        return;
      } catch (RuntimeException e) {
        headCache.clear();
        nodes.clear();
        recover();
        if (attempt == 3) {
          throw new IllegalStateException("ledger append failed: " + e.getMessage(), e);
        }
        LOG.warn("ledger append failed (attempt {}), retrying with reloaded state: {}", attempt, e.toString());
      }
    }
  }

  /** A batch prepared for its transaction, and what its receipts need after the commit. */
  private record Prepared(LedgerStore.Batch batch, List<Item> accepted, List<byte[]> entryBytes) {}

  /**
   * Reads the outbox inside the batch's own transaction (ADR 0111, addendum 2): on SQLite that
   * transaction holds the write lock, so every change committed before it is in this batch, and the
   * changes that committed while the previous batch was written share this one's commit and
   * signature. Receipts go out after the commit.
   */
  private void writeOnce(boolean drain, List<Pending> batch, List<Outbox.Staged> staged) {
    Prepared[] prepared = new Prepared[1];
    store.drain(drain ? options.maxBatch() : 0, (rows, heads) -> {
      staged.clear();
      staged.addAll(rows);
      if (rows.size() == options.maxBatch()) {
        outboxDirty.set(true);
      }
      List<Item> items = new ArrayList<>(rows.size() + batch.size());
      for (Outbox.Staged row : rows) {
        items.add(new Item(row.event(), row.committed(), null, row.id()));
      }
      for (Pending pending : batch) {
        items.add(new Item(pending.append().event(), pending.append().committed(), pending, -1));
      }
      prepared[0] = prepare(items, heads);
      return Optional.ofNullable(prepared[0]).map(Prepared::batch);
    });
    if (prepared[0] != null) {
      committed(prepared[0]);
    }
  }

  /** Assigns indexes and chain predecessors, appends to the tree and signs its checkpoint; null if nothing is accepted. */
  private Prepared prepare(List<Item> batch, LedgerStore.Heads stored) {
    Map<Chain, Hash> heads = new HashMap<>();
    List<String> unknownOpen = new ArrayList<>();
    List<String> unknownCommitted = new ArrayList<>();
    for (Item item : batch) {
      Chain chain = new Chain(item.event().subject(), item.committed());
      Hash cached = headCache.get(chain);
      if (cached != null) {
        heads.put(chain, cached);
      } else if (!heads.containsKey(chain)) {
        (item.committed() ? unknownCommitted : unknownOpen).add(chain.subject());
      }
    }
    if (!unknownOpen.isEmpty()) {
      stored.of(unknownOpen, false).forEach((subject, hash) -> heads.put(new Chain(subject, false), hash));
    }
    if (!unknownCommitted.isEmpty()) {
      stored.of(unknownCommitted, true).forEach((subject, hash) -> heads.put(new Chain(subject, true), hash));
    }
    List<Item> accepted = new ArrayList<>(batch.size());
    List<LedgerStore.Entry> entries = new ArrayList<>(batch.size());
    List<byte[]> entryBytes = new ArrayList<>(batch.size());
    List<Long> drained = new ArrayList<>();
    List<Long> drainedIndexes = new ArrayList<>();
    for (Item item : batch) {
      LedgerEvent event = item.event();
      Chain chain = new Chain(event.subject(), item.committed());
      byte[] bytes = event.encode(Optional.ofNullable(heads.get(chain)));
      if (bytes.length > EntryBundle.MAX_ENTRY_SIZE) {
        InvalidInputException tooLarge = new InvalidInputException(
            "the event is " + bytes.length + " bytes as a log entry; an entry holds at most " + EntryBundle.MAX_ENTRY_SIZE);
        if (item.pending() != null) {
          item.pending().receipt().completeExceptionally(tooLarge);
        } else {
          // Staging refuses such events; one can only come from a damaged store. It stays in the outbox.
          LOG.error("outbox event {} is too large for the log and stays in the outbox: {}", item.outboxId(), tooLarge.getMessage());
        }
        continue;
      }
      Hash eventHash = Hash.sha256(bytes);
      byte[] entry = bytes;
      Optional<Receipt.Reveal> secret = Optional.empty();
      if (item.committed()) {
        byte[] salt = Commitment.newSalt(random);
        entry = Commitment.entry(Commitment.of(salt, bytes));
        secret = Optional.of(new Receipt.Reveal(salt, bytes));
      }
      long index = tree.size();
      tree.append(MerkleLog.leafHash(entry));
      entries.add(new LedgerStore.Entry(index, entry, event.subject(), eventHash, secret));
      entryBytes.add(entry);
      accepted.add(item);
      if (item.pending() == null) {
        drained.add(item.outboxId());
        drainedIndexes.add(index);
      }
      heads.put(chain, eventHash);
    }
    if (accepted.isEmpty()) {
      return null;
    }
    List<HashTile> tiles = tree.drainTiles();
    long size = tree.size();
    Hash root = tree.root();
    String note = new Checkpoint(signer.name(), size, root).sign(signer);
    Runnable fault = outboxFault;
    if (fault != null && !drained.isEmpty()) {
      fault.run();
    }
    LedgerStore.StoredCheckpoint checkpoint = new LedgerStore.StoredCheckpoint(size, root, note, clock.millis(), java.util.OptionalLong.empty());
    return new Prepared(new LedgerStore.Batch(entries, tiles, checkpoint, drained, drainedIndexes), accepted, entryBytes);
  }

  /** After the batch's commit: from here on it is durable, and its outbox rows are gone. Hands out the receipts. */
  private void committed(Prepared prepared) {
    List<LedgerStore.Entry> entries = prepared.batch().entries();
    List<Item> accepted = prepared.accepted();
    LedgerStore.StoredCheckpoint checkpoint = prepared.batch().checkpoint();
    for (HashTile tile : prepared.batch().tiles()) {
      nodes.offer(tile);
    }
    for (int i = 0; i < entries.size(); i++) {
      headCache.put(new Chain(entries.get(i).subject(), accepted.get(i).committed()), entries.get(i).eventHash());
    }
    long size = checkpoint.size();
    String note = checkpoint.note();
    latest = new Head(size, checkpoint.root(), note);
    Prover prover = MerkleLog.prover(size, nodes);
    for (int i = 0; i < accepted.size(); i++) {
      LedgerStore.Entry entry = entries.get(i);
      Item item = accepted.get(i);
      Receipt receipt;
      try {
        receipt = new Receipt(entry.index(), prepared.entryBytes().get(i), prover.inclusion(entry.index()), note, entry.secret());
      } catch (RuntimeException e) {
        if (item.pending() != null) {
          item.pending().receipt().completeExceptionally(e);
        } else {
          tell(() -> listener.failed(item.outboxId(), e));
        }
        continue;
      }
      if (item.pending() != null) {
        item.pending().receipt().complete(receipt);
      } else {
        tell(() -> listener.appended(item.outboxId(), receipt));
      }
    }
  }

  // ---------------------------------------------------------------- publishing

  private void publishLoop() {
    long interval = options.checkpointInterval().toMillis();
    while (running) {
      try {
        Thread.sleep(interval);
        if (leads.getAsBoolean()) {
          publish();
          store.forgetAppended(clock.millis() - APPENDED_KEPT_MS);
        } else {
          followStore();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("ledger checkpoint publisher failed", e);
      }
    }
  }

  /** How long the index of an appended outbox event stays readable for a waiting replica. */
  private static final long APPENDED_KEPT_MS = 3_600_000;

  /**
   * Runs the outbox drain and the publisher only while {@code leads} says this replica leads the log
   * writer (ADR 0147); direct appends are written anyway, one batch at a time across replicas.
   */
  public void leadWith(java.util.function.BooleanSupplier leads) {
    this.leads = Objects.requireNonNull(leads, "leads");
  }

  /** Tells the writer it just became the leader: it drains the outbox at once. */
  public void becameLeader() {
    wakeOutbox();
  }

  /**
   * The log index outbox event {@code outboxId} got, when a log writer on any replica appended it
   * (kept an hour); for a replica that waits for an event another replica's writer appended.
   */
  public Optional<Long> appendedIndex(long outboxId) {
    return store.appendedIndex(outboxId);
  }

  /** On a replica that does not lead the writer: takes the newest stored and published checkpoints as its heads. */
  private void followStore() {
    Optional<LedgerStore.StoredCheckpoint> stored = store.latest();
    if (stored.isPresent() && stored.get().size() > latest.size()) {
      latest = new Head(stored.get().size(), stored.get().root(), stored.get().note());
    }
    synchronized (publishLock) {
      store.latestPublished().filter(p -> p.size() > published.size())
          .ifPresent(p -> published = new Head(p.size(), p.root(), p.note()));
    }
  }

  /** Publishes the newest checkpoint now if the log grew since the last one; returns the published size. */
  public long publish() {
    synchronized (publishLock) {
      Head head = latest;
      if (head.size() > published.size()) {
        store.markPublished(head.size(), clock.millis());
        published = head;
      }
      return published.size();
    }
  }

  // ---------------------------------------------------------------- reading

  /** The log's verifier key, in the signed-note {@code vkey} form. */
  public NoteVerifier verifierKey() {
    return signer.verifier();
  }

  /** The log's origin. */
  public String origin() {
    return signer.name();
  }

  /**
   * The published checkpoint, a signed note, with the witnesses' cosignature lines collected for it
   * appended (ADR 0153).
   */
  public String checkpoint() {
    return witnessed(published);
  }

  /** The published checkpoint as this log signed it, without cosignatures: what is submitted to witnesses. */
  public String publishedNote() {
    return published.note();
  }

  /**
   * Where the cosignature lines (without newlines) collected for the checkpoint of a size come from; the
   * checkpoint and receipts served carry them. None by default.
   */
  public void cosignaturesFrom(java.util.function.LongFunction<List<String>> cosignatures) {
    this.cosignatures = Objects.requireNonNull(cosignatures, "cosignatures");
  }

  private String witnessed(Head head) {
    List<String> lines = cosignatures.apply(head.size());
    if (lines.isEmpty()) {
      return head.note();
    }
    StringBuilder note = new StringBuilder(head.note());
    for (String line : lines) {
      note.append(line).append('\n');
    }
    return note.toString();
  }

  /** The newest committed tree: what proofs can be asked about, at least as new as {@link #checkpoint()}. */
  public Checkpoint head() {
    Head head = latest;
    return new Checkpoint(signer.name(), head.size(), head.root());
  }

  /** Number of entries committed. */
  public long size() {
    return latest.size();
  }

  /**
   * The inclusion proof of entry {@code index} in the tree of {@code size} entries.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size <=} {@link #size()}
   */
  public List<Hash> inclusionProof(long index, long size) {
    long current = size();
    if (size < 1 || size > current) {
      throw new IllegalArgumentException("tree size " + size + " is not between 1 and the log's size " + current);
    }
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
    }
    return MerkleLog.prover(size, nodes).inclusion(index);
  }

  /**
   * The consistency proof from the tree of {@code from} entries to the tree of {@code to}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= from <= to <=} {@link #size()}
   */
  public List<Hash> consistencyProof(long from, long to) {
    long current = size();
    if (to < 1 || to > current) {
      throw new IllegalArgumentException("tree size " + to + " is not between 1 and the log's size " + current);
    }
    if (from < 1 || from > to) {
      throw new IllegalArgumentException(
          "a consistency proof needs 1 <= from <= to, not from = " + from + (from == 0 ? " (a proof from the empty tree proves nothing)" : ""));
    }
    return MerkleLog.prover(to, nodes).consistency(from);
  }

  /** The root of the tree of {@code size} entries. */
  public Hash root(long size) {
    if (size < 0 || size > size()) {
      throw new IllegalArgumentException("tree size " + size + " is not between 0 and the log's size " + size());
    }
    return MerkleLog.prover(size, nodes).root();
  }

  /**
   * A fresh receipt for a stored entry, proving inclusion in the published checkpoint (or the newest
   * one, if the entry is newer). With {@code withSecret}, a private entry's receipt carries its salt and
   * event: give it only to whom may see the event.
   */
  public Optional<Receipt> receipt(long index, boolean withSecret) {
    Head head = published.size() > index ? published : latest;
    if (index < 0 || index >= head.size()) {
      return Optional.empty();
    }
    Optional<byte[]> entry = store.entry(index);
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Optional<Receipt.Reveal> secret = withSecret ? store.secret(index) : Optional.empty();
    return Optional.of(new Receipt(index, entry.get(), MerkleLog.prover(head.size(), nodes).inclusion(index), witnessed(head), secret));
  }

  /** The indexes of a subject's private (with {@code committed}) or public entries, oldest first. */
  public List<Long> indexesOf(String subject, boolean committed) {
    return store.indexesOf(subject, committed);
  }

  /** The checkpoint note signed for the tree of {@code size} entries, if one was (one is per appended batch). */
  public Optional<String> signedCheckpoint(long size) {
    return store.checkpoint(size).map(LedgerStore.StoredCheckpoint::note);
  }

  /** The salt and event of a private entry, for revealing it after publication. */
  public Optional<Receipt.Reveal> secret(long index) {
    return store.secret(index);
  }

  /**
   * A resource of the tlog-tiles layout: {@code checkpoint} (the published one), a hash tile or an
   * entry bundle; empty if the log does not have it.
   *
   * @throws IllegalArgumentException if the path is not a canonical tile path
   */
  @Override
  public Optional<byte[]> fetch(String path) {
    return tiles.fetch(path);
  }

  /**
   * The log stored in a database, read as it is without starting a service or checking it: for
   * auditing a data directory whose log may be damaged. Its checkpoint is the newest published one.
   *
   * @throws NotFoundException if the database holds no log
   */
  public static TileSource stored(Database database) {
    LedgerStore store = new LedgerStore(database);
    LedgerStore.StoredCheckpoint checkpoint = store.latestPublished().or(store::latest)
        .orElseThrow(() -> new NotFoundException("this database holds no transparency log yet"));
    return new StoredLog(store, checkpoint::note, checkpoint::size);
  }

  /**
   * The verifier key of the log whose signing key is in {@code dataDir}, if there is one.
   *
   * @throws EnvironmentException if the key file exists but cannot be read or is not valid
   */
  public static Optional<NoteVerifier> storedKey(Path dataDir) {
    return LedgerKey.load(dataDir).map(NoteSigner::verifier);
  }

  /** The entry at {@code index}, if the log has it. */
  public Optional<byte[]> entry(long index) {
    return index < 0 || index >= size() ? Optional.empty() : store.entry(index);
  }

  /**
   * Stops taking appends, writes what is queued and what the outbox holds, publishes the newest
   * checkpoint and stops the threads. Idempotent.
   */
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publisher.interrupt();
    try {
      publisher.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      publish();
    } catch (RuntimeException e) {
      LOG.warn("could not publish the final checkpoint: {}", e.toString());
    }
    failQueued();
    tell(listener::closed);
  }

  private void failQueued() {
    Pending pending;
    while ((pending = queue.poll()) != null) {
      if (pending == WAKE) {
        continue;
      }
      pending.receipt().completeExceptionally(new IllegalStateException("the ledger closed before this append"));
    }
  }
}
