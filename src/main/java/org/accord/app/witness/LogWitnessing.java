package org.accord.app.witness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.app.EventOutbox;
import org.accord.app.LedgerService;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.CosignatureVerifier;
import org.accord.ledger.Hash;
import org.accord.ledger.VerificationException;
import org.accord.ledger.WitnessAlertKind;
import org.accord.ledger.WitnessSubmission;
import org.accord.party.Principal;
import org.accord.store.Database;
import org.accord.store.witness.LogWitnessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This log, witnessed (ADR 0153): submits each published checkpoint to the configured C2SP witnesses,
 * collects their cosignatures durably and hands them to the {@link LedgerService}, which appends them to
 * the checkpoint and the receipts it serves.
 *
 * <p>Per witness it sends {@code old <size the witness cosigned last>} with the consistency proof from
 * there; on 409 {@code text/x.tlog.size} it resends from the size named; failures wait {@link
 * WitnessSubmission#backoffMillis} (1 s doubling to a minute). A refusal ({@link
 * WitnessSubmission.Refused}) is a {@link WitnessAlertKind#REFUSED_BY_WITNESS} alert, stored, logged at
 * ERROR and served by the status route, never a silent gap. Submission runs only while this replica
 * leads {@code Job.WITNESS} (ADR 0147).
 *
 * <p>Thread-safe.
 */
public final class LogWitnessing implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LogWitnessing.class);
  /** How long a non-leading replica serves cosignature lines read from the store before reading again. */
  private static final long CACHE_MILLIS = 1000;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** Resends after a 409 size answer within one attempt, at most. */
  private static final int RESENDS = 3;

  private final Database database;
  private final java.time.Clock clock;
  private final EventOutbox events;
  private final Supplier<LedgerService> ledger;
  private final BooleanSupplier leads;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  /** Submissions to different witnesses run at once, on threads of their own (not the common pool, one thread on 2 cores). */
  private final java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "accord-witness-sender");
    t.setDaemon(true);
    return t;
  });
  /** The size each witness has cosigned, as far as this process collected: skips witnesses that are done. */
  private final Map<String, Long> done = new ConcurrentHashMap<>();
  private volatile Cached cached = new Cached(-1, List.of(), 0);
  private volatile Thread thread;
  private volatile boolean running;

  private record Cached(long size, List<String> lines, long at) {}

  /** A witness and where submission to it stands, as the status route and the CLI show it. */
  public record Status(String name, String vkey, String url, long cosignedSize, int failures, Optional<Integer> lastStatus,
      Optional<String> lastError, Optional<Long> lastAt) {}

  public LogWitnessing(Database database, java.time.Clock clock, EventOutbox events, Supplier<LedgerService> ledger, BooleanSupplier leads) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = Objects.requireNonNull(events, "events");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.leads = Objects.requireNonNull(leads, "leads");
  }

  /**
   * Adds a witness of this log, or replaces the URL of a known one; the coordinator only. Staged as a
   * public {@code witness.witness_added} event with the change.
   *
   * @param vkey the witness's cosignature/v1 verifier key; its name is the witness's name
   * @param url the witness's submission prefix: requests go to {@code <url>/add-checkpoint}
   * @throws ForbiddenException if {@code actor} is not the coordinator
   * @throws InvalidInputException naming {@code vkey} or {@code url}
   */
  public Status addWitness(Principal actor, String vkey, String url) {
    if (!actor.isCoordinator()) {
      throw new ForbiddenException("only the coordinator chooses the witnesses of this log");
    }
    CosignatureVerifier key;
    try {
      key = CosignatureVerifier.parse(vkey == null ? "" : vkey.strip());
    } catch (VerificationException e) {
      throw new InvalidInputException("not a cosignature/v1 witness key: " + e.getMessage(), "vkey");
    }
    String prefix = prefix(url);
    events.inTransaction((handle, log) -> {
      long now = clock.millis();
      LogWitnessStore.put(handle, key.name(), key.format(), prefix, actor.organization().name(), now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("name", key.name());
      data.put("vkey", key.format());
      data.put("url", prefix);
      log.stage(actor, "witness.witness_added", "witness:" + key.name(), now, data, false);
      return null;
    });
    return witnesses().stream().filter(w -> w.name().equals(key.name())).findFirst().orElseThrow();
  }

  private static String prefix(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.strip());
    } catch (java.net.URISyntaxException e) {
      throw new InvalidInputException("not a URL: " + e.getMessage(), "url");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidInputException("the witness URL must be an http(s) submission prefix without query or fragment, such as"
          + " https://witness.example/witness", "url");
    }
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** Every witness of this log, by name. */
  public List<Status> witnesses() {
    return database.jdbi().withHandle(LogWitnessStore::witnesses).stream()
        .map(w -> new Status(w.name(), w.vkey(), w.url(), w.witnessSize(), w.failures(), Optional.ofNullable(w.lastStatus()),
            Optional.ofNullable(w.lastError()), Optional.ofNullable(w.lastAt())))
        .toList();
  }

  /** The newest alerts, on both sides (refused by a witness; a fork presented to this witness), newest first. */
  public List<LogWitnessStore.Alert> alerts(int limit) {
    return database.jdbi().withHandle(handle -> LogWitnessStore.alerts(handle, limit));
  }

  /**
   * The cosignature lines (without newlines) collected for the checkpoint of {@code size}. Read from the
   * store, so every replica serves what the leader collected; kept a second.
   */
  public List<String> cosignatures(long size) {
    Cached current = cached;
    long now = System.nanoTime() / 1_000_000; // a cache age, not a time of record: the monotonic clock
    if (current.size() == size && now - current.at() < CACHE_MILLIS) {
      return current.lines();
    }
    List<String> lines = List.copyOf(database.jdbi().withHandle(handle -> LogWitnessStore.cosignatures(handle, size)));
    cached = new Cached(size, lines, now);
    return lines;
  }

  /** Starts submitting in the background, looking for work every {@code poll}. Idempotent. */
  public synchronized void start(Duration poll) {
    if (thread != null) {
      return;
    }
    running = true;
    long millis = Math.max(10, poll.toMillis());
    thread = new Thread(() -> {
      while (running) {
        try {
          Thread.sleep(millis);
          if (leads.getAsBoolean()) {
            submitOnce();
          }
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          LOG.error("witness submitter failed", e);
        }
      }
    }, "accord-witness-submitter");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Submits the published checkpoint to every witness that has not cosigned it and whose backoff has
   * passed, in parallel, and waits for the answers; returns how many witnesses cosigned it by now.
   */
  public int submitOnce() {
    List<LogWitnessStore.Witness> witnesses = database.jdbi().withHandle(LogWitnessStore::witnesses);
    if (witnesses.isEmpty()) {
      return 0;
    }
    LedgerService log = ledger.get();
    String note = log.publishedNote();
    Checkpoint checkpoint;
    try {
      checkpoint = org.accord.ledger.Verifier.readCheckpoint(note);
    } catch (VerificationException e) {
      throw new IllegalStateException("the published checkpoint does not parse: " + e.getMessage(), e);
    }
    long size = checkpoint.size();
    if (size == 0) {
      return 0;
    }
    long now = clock.millis();
    List<CompletableFuture<Void>> attempts = new ArrayList<>();
    for (LogWitnessStore.Witness witness : witnesses) {
      boolean cosigned = done.getOrDefault(witness.name(), -1L) >= size;
      boolean waiting = witness.lastAt() != null && now < witness.lastAt() + WitnessSubmission.backoffMillis(witness.failures());
      if (!cosigned && !waiting) {
        attempts.add(CompletableFuture.runAsync(() -> submit(log, witness, note, checkpoint), senders));
      }
    }
    attempts.forEach(CompletableFuture::join);
    return (int) witnesses.stream().filter(w -> done.getOrDefault(w.name(), -1L) >= size).count();
  }

  private void submit(LedgerService log, LogWitnessStore.Witness witness, String note, Checkpoint checkpoint) {
    CosignatureVerifier key;
    try {
      key = CosignatureVerifier.parse(witness.vkey());
    } catch (VerificationException e) {
      throw new IllegalStateException("stored witness key of '" + witness.name() + "' does not parse", e);
    }
    long size = checkpoint.size();
    long old = witness.witnessSize();
    String noteText;
    try {
      noteText = org.accord.ledger.Note.parse(note).text();
    } catch (VerificationException e) {
      throw new IllegalStateException("the published checkpoint note does not parse", e);
    }
    for (int attempt = 0; attempt <= RESENDS; attempt++) {
      if (old > size) {
        // the witness cosigned more than this log published: wait for the log to publish that far
        record(witness, Optional.of(old), witness.failures() + 1, 409, "the witness cosigned size " + old
            + ", beyond the published " + size);
        return;
      }
      List<Hash> proof = WitnessSubmission.needsProof(old, size) ? log.consistencyProof(old, size) : List.of();
      WitnessSubmission.Reply reply;
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(witness.url() + "/add-checkpoint"))
                .timeout(TIMEOUT).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(WitnessSubmission.body(old, proof, note), StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        reply = WitnessSubmission.read(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
            response.body(), noteText, key);
      } catch (java.io.IOException e) {
        reply = new WitnessSubmission.Retry(0, "cannot reach the witness: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (reply instanceof WitnessSubmission.Cosigned c) {
        long now = clock.millis();
        database.jdbi().useTransaction(handle -> {
          LogWitnessStore.cosigned(handle, size, witness.name(), c.cosignature().line(), now);
          LogWitnessStore.attempted(handle, witness.name(), Optional.of(size), 0, 200, null, now);
        });
        done.merge(witness.name(), size, Math::max);
        cached = new Cached(-1, List.of(), 0);
        return;
      } else if (reply instanceof WitnessSubmission.Resend r) {
        if (r.witnessSize() == old && attempt > 0) {
          record(witness, Optional.of(old), witness.failures() + 1, 409, "the witness answered 409 with the size just sent, " + old);
          return;
        }
        old = r.witnessSize();
      } else if (reply instanceof WitnessSubmission.Refused r) {
        long now = clock.millis();
        LOG.error("ALERT witness {} refused this log's checkpoint of size {} (old {}): {} {}", witness.name(), size, old,
            r.status(), r.reason());
        database.jdbi().useTransaction(handle -> {
          LogWitnessStore.attempted(handle, witness.name(), Optional.empty(), witness.failures() + 1, r.status(), r.reason(), now);
          LogWitnessStore.alert(handle, WitnessAlertKind.REFUSED_BY_WITNESS.label(), witness.name(), size, r.status(), r.reason(), now);
        });
        return;
      } else if (reply instanceof WitnessSubmission.Retry r) {
        LOG.warn("witness {} did not cosign size {}: {} {}; trying again later", witness.name(), size, r.status(), r.reason());
        record(witness, Optional.of(old), witness.failures() + 1, r.status() == 0 ? null : r.status(), r.reason());
        return;
      }
    }
    record(witness, Optional.of(old), witness.failures() + 1, 409, "the witness kept naming other sizes");
  }

  private void record(LogWitnessStore.Witness witness, Optional<Long> size, int failures, Integer status, String error) {
    long now = clock.millis();
    database.jdbi().useHandle(handle -> LogWitnessStore.attempted(handle, witness.name(), size, failures, status, error, now));
  }

  /** Stops the background submitter. Idempotent. */
  @Override
  public void close() {
    running = false;
    Thread current = thread;
    if (current != null) {
      current.interrupt();
      try {
        current.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    senders.shutdownNow(); // after the submitter stopped handing it work
  }
}
