package org.accord.app.witness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.app.EventOutbox;
import org.accord.app.LedgerKey;
import org.accord.ledger.AddCheckpoint;
import org.accord.ledger.Cosignature;
import org.accord.ledger.Cosigner;
import org.accord.ledger.Hash;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.VerificationException;
import org.accord.party.Principal;
import org.accord.store.Database;
import org.accord.store.witness.WitnessStore;

/**
 * This instance as a C2SP tlog-witness (ADR 0144): the logs it witnesses, its cosigning key and the
 * {@code add-checkpoint} protocol. The rules are {@link AddCheckpoint}'s; this class loads the state,
 * asks the core, and stores the new state by compare-and-set on the size last cosigned (and its root),
 * committed before the cosignature is returned. When a concurrent request advanced the state first,
 * the request is decided again against the new state (usually a 409 with the new size), so two
 * requests can never both advance from the same old size.
 *
 * <p>Thread-safe.
 */
public final class Witnesses {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Witnesses.class);
  /** The witness key's file in the data directory, kept like the log key (owner-only). */
  public static final String KEY_FILE = "witness.key";
  /** The largest add-checkpoint body accepted, in bytes. */
  public static final int MAX_BODY = 16 * 1024;
  /** The content type of a 409 size answer (tlog-witness). */
  public static final String SIZE_TYPE = "text/x.tlog.size";

  private final Database database;
  private final java.time.Clock clock;
  private final EventOutbox events;
  private final Path dataDir;
  private final Supplier<String> defaultName;
  private volatile Cosigner key;

  /**
   * @param defaultName the witness name for a key created now ({@code ACCORD_WITNESS_NAME}, else the log
   *     origin with {@code /witness}); ignored once the key exists
   */
  public Witnesses(Database database, java.time.Clock clock, EventOutbox events, Path dataDir, Supplier<String> defaultName) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = Objects.requireNonNull(events, "events");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.defaultName = Objects.requireNonNull(defaultName, "defaultName");
  }

  /** The witness's cosigning key, created on first use. */
  public Cosigner key() {
    Cosigner current = key;
    if (current == null) {
      synchronized (this) {
        if (key == null) {
          String text = LedgerKey.loadOrCreateSecret(dataDir.resolve(KEY_FILE),
              () -> Cosigner.generate(defaultName.get(), new SecureRandom()).format());
          try {
            key = Cosigner.parse(text);
          } catch (IllegalArgumentException e) {
            throw new org.accord.EnvironmentException("the witness key " + dataDir.resolve(KEY_FILE) + " is not valid: " + e.getMessage(), e);
          }
        }
        current = key;
      }
    }
    return current;
  }

  /**
   * A witnessed log and what was last cosigned for it.
   *
   * @param origin the log's origin
   * @param vkeys its trusted verifier keys
   * @param originHash hex SHA-256 of the origin: {@code GET /witness/<originHash>/checkpoint}
   * @param size the size last cosigned, 0 if none
   * @param root the root last cosigned, if any
   * @param updatedAt epoch ms of the last change
   */
  public record Log(String origin, List<String> vkeys, String originHash, long size, Optional<String> root, long updatedAt) {}

  /** The answer to an add-checkpoint request: status, content type and body, and why. */
  public record Answer(AddCheckpoint.Outcome outcome, String contentType, String body) {
    public int status() {
      return outcome.status();
    }
  }

  /**
   * Adds a log to witness, or replaces the keys trusted for its origin; the coordinator only. The origin
   * is the keys' name; a {@code witness.log_added} event is staged with the change.
   *
   * @throws ForbiddenException if {@code actor} is not the coordinator
   * @throws InvalidInputException naming {@code vkey} when a key is malformed or the keys name different origins
   */
  public Log addLog(Principal actor, List<String> vkeys) {
    if (!actor.isCoordinator()) {
      throw new ForbiddenException("only the coordinator chooses the logs this instance witnesses");
    }
    if (vkeys.isEmpty()) {
      throw new InvalidInputException("name at least one verifier key of the log", "vkey");
    }
    List<String> keys = new ArrayList<>();
    String origin = null;
    for (String text : vkeys) {
      NoteVerifier key;
      try {
        key = NoteVerifier.parse(text);
      } catch (VerificationException e) {
        throw new InvalidInputException(e.getMessage(), "vkey");
      }
      if (origin != null && !origin.equals(key.name())) {
        throw new InvalidInputException("the keys name two origins, '" + origin + "' and '" + key.name() + "'; add one log at a time", "vkey");
      }
      origin = key.name();
      if (!keys.contains(key.format())) {
        keys.add(key.format());
      }
    }
    String logOrigin = origin;
    events.inTransaction((handle, log) -> {
      long now = clock.millis();
      WitnessStore.putLog(handle, logOrigin, originHash(logOrigin), keys, actor.organization().name(), now);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("origin", logOrigin);
      data.put("vkeys", keys);
      log.stage(actor, "witness.log_added", "witness:" + logOrigin, now, data, false);
      return null;
    });
    return logs().stream().filter(l -> l.origin().equals(logOrigin)).findFirst().orElseThrow();
  }

  /** Every witnessed log, by origin. */
  public List<Log> logs() {
    return database.jdbi().withHandle(WitnessStore::logs).stream().map(Witnesses::view).toList();
  }

  /** The latest checkpoint cosigned for the origin with this hex SHA-256, with its signatures and this witness's cosignature. */
  public Optional<String> checkpoint(String originHash) {
    if (!originHash.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    return database.jdbi().withHandle(handle -> WitnessStore.byOriginHash(handle, originHash)).map(WitnessStore.Row::note);
  }

  /**
   * Answers a tlog-witness {@code add-checkpoint} request. A refusal never changes the stored state; a
   * cosignature is returned only after the new state is committed.
   */
  public Answer addCheckpoint(byte[] body) {
    if (body.length > MAX_BODY) {
      return refused(new AddCheckpoint.Refuse(AddCheckpoint.Outcome.MALFORMED,
          "invalid input: the body is " + body.length + " bytes, more than the " + MAX_BODY + " accepted", 0));
    }
    AddCheckpoint.Request request;
    try {
      request = AddCheckpoint.parse(body);
    } catch (VerificationException e) {
      return refused(AddCheckpoint.malformed(e));
    }
    String origin = request.checkpoint().origin();
    while (true) {
      Optional<WitnessStore.Row> row = database.jdbi().withHandle(handle -> WitnessStore.log(handle, origin));
      AddCheckpoint.Decision decision = AddCheckpoint.decide(request, row.map(Witnesses::keys).orElse(List.of()),
          row.map(Witnesses::state).orElse(AddCheckpoint.State.NONE));
      if (decision instanceof AddCheckpoint.Refuse refusal) {
        if (refusal.outcome() == AddCheckpoint.Outcome.ROOT_CONFLICT || refusal.outcome() == AddCheckpoint.Outcome.BAD_PROOF) {
          alertFork(request, refusal);
        }
        return refused(refusal);
      }
      AddCheckpoint.Cosign cosign = (AddCheckpoint.Cosign) decision;
      Cosignature cosignature = key().cosign(cosign.noteText(), clock.instant().getEpochSecond());
      String stored = request.note().format() + cosignature.line() + "\n";
      boolean advanced = database.jdbi().inTransaction(handle -> WitnessStore.advance(handle, origin,
          cosign.expected().size(), cosign.expected().root().map(Hash::base64).orElse(null),
          cosign.next().size(), cosign.next().root().orElseThrow().base64(), stored, clock.millis()));
      if (advanced) {
        return new Answer(AddCheckpoint.Outcome.COSIGNED, "text/plain; charset=utf-8", cosignature.line() + "\n");
      }
      // another request moved this origin's state since it was read: decide again against the new state
    }
  }

  /**
   * A checkpoint signed by a trusted key of the log that does not extend what was cosigned: the trace of a
   * split view (or of a broken log), stored as a {@code fork_presented} alert and logged at ERROR (ADR 0153).
   */
  private void alertFork(AddCheckpoint.Request request, AddCheckpoint.Refuse refusal) {
    String origin = request.checkpoint().origin();
    long size = request.checkpoint().size();
    LOG.error("ALERT log {} presented a checkpoint of size {} (old {}) that does not extend what this witness cosigned: {}",
        origin, size, request.oldSize(), refusal.reason());
    long now = clock.millis();
    database.jdbi().useHandle(handle -> org.accord.store.witness.LogWitnessStore.alert(handle,
        org.accord.ledger.WitnessAlertKind.FORK_PRESENTED.label(), origin, size, refusal.outcome().status(), refusal.reason(), now));
  }

  private static Answer refused(AddCheckpoint.Refuse refusal) {
    if (refusal.outcome() == AddCheckpoint.Outcome.SIZE_MISMATCH) {
      return new Answer(refusal.outcome(), SIZE_TYPE, refusal.witnessSize() + "\n");
    }
    return new Answer(refusal.outcome(), "text/plain; charset=utf-8", refusal.reason() + "\n");
  }

  /** Hex SHA-256 of an origin, as the monitoring path names it. */
  public static String originHash(String origin) {
    return Hash.sha256(origin.getBytes(StandardCharsets.UTF_8)).hex();
  }

  private static List<NoteVerifier> keys(WitnessStore.Row row) {
    List<NoteVerifier> keys = new ArrayList<>();
    for (String vkey : row.vkeys()) {
      try {
        keys.add(NoteVerifier.parse(vkey));
      } catch (VerificationException e) {
        throw new IllegalStateException("stored witness key of '" + row.origin() + "' does not parse: " + e.getMessage(), e);
      }
    }
    return keys;
  }

  private static AddCheckpoint.State state(WitnessStore.Row row) {
    return new AddCheckpoint.State(row.size(), Optional.ofNullable(row.root()).map(Hash::fromBase64));
  }

  private static Log view(WitnessStore.Row row) {
    return new Log(row.origin(), row.vkeys(), row.originHash(), row.size(), Optional.ofNullable(row.root()), row.updatedAt());
  }
}
