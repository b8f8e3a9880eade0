package org.accord.app;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.accord.InvalidInputException;
import org.accord.ledger.EntryBundle;
import org.accord.ledger.Hash;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.Receipt;
import org.accord.party.Actor;
import org.accord.party.Authority;
import org.accord.party.Principal;
import org.accord.store.Database;
import org.accord.store.Outbox;
import org.jdbi.v3.core.Handle;

/**
 * Where application services write their accountable events: into the {@link Outbox}, in the same
 * transaction as the change each attests, never after it (ADR 0085). The ledger writer appends them
 * and deletes their rows in one transaction, so a change and its event commit together and the event
 * reaches the log exactly once, whenever the process stops.
 *
 * <p>A service runs its transaction through {@link #inTransaction}, stages events with the {@link
 * Stager} it is handed, and after the commit may {@link Committed#await() wait} for the log index of
 * its event, as the edges report it. If the wait fails (the log is closed, the writer failed), the data
 * and its event stay consistent: the event waits in the outbox and is appended when the log runs again.
 *
 * <p>Every event carries the acting principal's {@link Principal#actor() actor} and the server's time
 * from the instance's clock, and is of a type in an {@link EventNamespace} Accord reserves. An event
 * whose actor may not be named in the open ({@link Authority#namedInPublicLog}: operators,
 * researchers, people) enters the log as a salted commitment, whatever the caller asked.
 *
 * <p>Thread-safe. Also the ledger's {@link LedgerService.OutboxListener}: it completes the waits.
 */
public final class EventOutbox implements LedgerService.OutboxListener {
  /** How long a caller waits for its event's index before it is told the event is pending. */
  private static final long WAIT_SECONDS = 120;
  /** Room in an entry for {@code "prev":"<64 hex>",}, which the writer adds. */
  private static final int PREV_ROOM = ",\"prev\":\"\"".length() + 2 * Hash.SIZE;
  /** The random bytes of a private case event's {@code nonce} (ADR 0115): 128 bits. */
  private static final int NONCE_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;
  private final Supplier<LedgerService> ledger;
  private final ConcurrentMap<Long, CompletableFuture<Receipt>> waiting = new ConcurrentHashMap<>();
  /** Told of every staged event in its transaction: notifications (ADR 0119); none until set. */
  private volatile Notifications notifications;

  /**
   * @param ledger the running log, started on first use; the outbox wakes it after each commit
   */
  EventOutbox(Database database, Supplier<LedgerService> ledger) {
    this.database = Objects.requireNonNull(database, "database");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  /** Stages events in the transaction it belongs to. */
  public interface Stager {
    /**
     * Writes an event into the outbox in this transaction. The data gets the member {@code actor}
     * ({@code actor}'s organization and member); the event's time is {@code now}, the server time
     * the change was stamped with.
     *
     * @param privately whether the event enters the log only as a salted commitment (it does anyway
     *     when {@link Authority#namedInPublicLog} says the actor may not be named in the open)
     * @throws IllegalArgumentException if the type is not in a namespace Accord reserves, or the event
     *     is not valid
     * @throws InvalidInputException if the event would be too large for a log entry (the transaction,
     *     and so the change, is rolled back)
     */
    void stage(Principal actor, String type, String subject, long now, Map<String, Object> data, boolean privately);

    /**
     * Writes a case event ({@code case.*} only) that names the acting organization and not the person
     * (ADR 0115): its {@code actor} member is {@code {"organization": …}}, so that publishing the case
     * may reveal it; the person stays in the case's own history ({@code case_events}), which its
     * participants read. A private event also gets a random {@code nonce} member, so that the hash of
     * an event withheld at publication cannot be confirmed by guessing its few possible contents.
     *
     * @param privately as for {@link #stage}; the event is a commitment anyway when the organization
     *     may not be named in the open
     * @throws IllegalArgumentException if the type is not a {@code case.*} type, or the event is not valid
     * @throws InvalidInputException as for {@link #stage}
     */
    void stageCaseEvent(Principal actor, String type, String subject, long now, Map<String, Object> data, boolean privately);
  }

  /** What a transaction returned, with the events it staged. */
  public final class Committed<T> {
    private final T value;
    private final List<CompletableFuture<Receipt>> events;
    private final List<Long> ids;

    private Committed(T value, List<CompletableFuture<Receipt>> events, List<Long> ids) {
      this.value = value;
      this.events = events;
      this.ids = ids;
    }

    /** What the transaction returned. */
    public T value() {
      return value;
    }

    /** Whether the transaction staged any event. */
    public boolean staged() {
      return !events.isEmpty();
    }

    /**
     * Waits until the events are in the log and returns the index of the last one, or -1 if none was
     * staged.
     *
     * @throws IllegalStateException if the log did not take them; they stay in the outbox and are
     *     appended when the log runs again (the message says so)
     */
    public long await() {
      if (events.isEmpty()) {
        return -1;
      }
      try {
        ledger.get().wakeOutbox();
        long index = -1;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        for (int i = 0; i < events.size(); i++) {
          index = indexOf(events.get(i), ids.get(i), until);
        }
        return index;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw pending(e);
      } catch (ExecutionException e) {
        throw pending(e.getCause());
      } catch (TimeoutException | RuntimeException e) {
        throw pending(e);
      } finally {
        waiting.values().removeAll(events);
      }
    }
  }

  /**
   * The index of one event: from this replica's writer, or, when another replica leads the log writer
   * (ADR 0147), from the store, where that writer records it.
   */
  private long indexOf(CompletableFuture<Receipt> event, long outboxId, long until)
      throws InterruptedException, ExecutionException, TimeoutException {
    while (true) {
      try {
        return event.get(APPENDED_POLL_MS, TimeUnit.MILLISECONDS).index();
      } catch (TimeoutException notHere) {
        Optional<Long> elsewhere = ledger.get().appendedIndex(outboxId);
        if (elsewhere.isPresent()) {
          return elsewhere.get();
        }
        if (System.nanoTime() > until) {
          throw notHere;
        }
      }
    }
  }

  /** How often a waiting caller looks in the store for an index another replica's writer recorded. */
  private static final long APPENDED_POLL_MS = 50;

  private static IllegalStateException pending(Throwable cause) {
    return new IllegalStateException(
        "the change is stored, but its transparency-log event is not appended yet (" + cause.getMessage()
            + "); the event waits in the outbox and is appended when the log runs again", cause);
  }

  /**
   * Runs {@code work} in one transaction; the events it stages commit with its changes or not at all.
   *
   * @throws RuntimeException whatever {@code work} or the commit threw; nothing is stored then
   */
  public <T> Committed<T> inTransaction(Work<T> work) {
    List<Long> ids = new ArrayList<>();
    List<CompletableFuture<Receipt>> events = new ArrayList<>();
    try {
      T value = database.jdbi().inTransaction(handle -> work.run(handle, new Stager() {
        @Override
        public void stage(Principal actor, String type, String subject, long now, Map<String, Object> data, boolean privately) {
          Objects.requireNonNull(actor, "actor");
          // An event that would name a hidden party or a person in the open is a commitment (ADR 0085).
          long id = EventOutbox.stage(handle, actor.actor(), type, subject, now, data, privately || !Authority.namedInPublicLog(actor));
          enqueueNotifications(handle, actor, type, id, now, data); // in the event's own transaction (ADR 0119)
          staged(id);
        }

        @Override
        public void stageCaseEvent(Principal actor, String type, String subject, long now, Map<String, Object> data,
            boolean privately) {
          if (EventNamespace.of(type).orElse(null) != EventNamespace.CASE || !type.startsWith(EventNamespace.CASE.prefix() + ".")) {
            throw new IllegalArgumentException("only case.* events are staged without their person, not '" + type + "'");
          }
          Objects.requireNonNull(actor, "actor");
          Map<String, Object> blinded = data;
          boolean commitment = privately || !Authority.namedInPublicLog(new Principal.OrgMember(actor.organization(), null, null));
          if (commitment) {
            blinded = new LinkedHashMap<>(data);
            blinded.put("nonce", nonce());
          }
          long id = EventOutbox.stage(handle, new Actor(actor.organization().name(), null), type, subject, now, blinded, commitment);
          enqueueNotifications(handle, actor, type, id, now, data);
          staged(id);
        }

        private void staged(long id) {
          CompletableFuture<Receipt> event = new CompletableFuture<>();
          // Registered before the commit: the writer cannot see the row, and so complete it, before.
          waiting.put(id, event);
          ids.add(id);
          events.add(event);
        }
      }));
      return new Committed<>(value, events, ids);
    } catch (RuntimeException e) {
      ids.forEach(waiting::remove);
      throw e;
    }
  }

  /**
   * Has {@code notifications} write the notifications of each staged event in the event's own
   * transaction (ADR 0119): a change, its event and its notifications commit together.
   */
  void notifyThrough(Notifications notifications) {
    this.notifications = notifications;
  }

  private void enqueueNotifications(Handle handle, Principal actor, String type, long id, long now, Map<String, Object> data) {
    Notifications listener = notifications;
    if (listener != null) {
      listener.staged(handle, actor, type, id, now, data);
    }
  }

  /** A transaction's work: changes through {@code handle}, their events through {@code log}. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Handle handle, Stager log);
  }

  /** Stages one event naming {@code named} as its actor; a salted commitment when {@code commitment}. */
  private static long stage(Handle handle, Actor named, String type, String subject, long now, Map<String, Object> data,
      boolean commitment) {
    if (EventNamespace.of(type).isEmpty()) {
      throw new IllegalArgumentException("event type '" + type + "' is not in a namespace Accord writes " + EventNamespace.prefixes());
    }
    Map<String, Object> withActor = new LinkedHashMap<>(data);
    withActor.put("actor", named.toData());
    LedgerEvent event = new LedgerEvent(type, subject, Instant.ofEpochMilli(now), withActor);
    int size = event.encode(Optional.empty()).length + PREV_ROOM;
    if (size > EntryBundle.MAX_ENTRY_SIZE) {
      throw new InvalidInputException(
          "the " + type + " event would be " + size + " bytes as a log entry; an entry holds at most " + EntryBundle.MAX_ENTRY_SIZE);
    }
    return Outbox.add(handle, event, commitment, now);
  }

  private static String nonce() {
    byte[] bytes = new byte[NONCE_BYTES];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void appended(long outboxId, Receipt receipt) {
    CompletableFuture<Receipt> event = waiting.remove(outboxId);
    if (event != null) {
      event.complete(receipt);
    }
  }

  @Override
  public void failed(long outboxId, RuntimeException cause) {
    CompletableFuture<Receipt> event = waiting.remove(outboxId);
    if (event != null) {
      event.completeExceptionally(cause);
    }
  }

  @Override
  public void closed() {
    IllegalStateException closed = new IllegalStateException("the ledger closed");
    for (Long id : List.copyOf(waiting.keySet())) {
      failed(id, closed);
    }
  }
}
