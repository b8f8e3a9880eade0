package org.accord.app;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.disclosure.CaseCredit;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.disclosure.RevealBundle;
import org.accord.disclosure.RevealPolicy;
import org.accord.ledger.Hash;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.Receipt;
import org.accord.ledger.VerificationException;
import org.accord.ledger.Verifier;
import org.accord.party.Authority;
import org.accord.party.Principal;
import org.accord.store.Cases.CaseRow;
import org.accord.store.Cases.EventRow;
import org.accord.store.Database;
import org.jdbi.v3.core.Handle;

/**
 * Publishing a case and serving its reveal bundle (ADR 0109). Orchestration only: the bundle, what
 * it withholds and its verification are the {@code disclosure} core's ({@link RevealBundle}, {@link
 * org.accord.disclosure.CaseRevealVerifier}).
 *
 * <p>{@link #publish} runs under the lock of {@link Cases}' writes, so that no event of the case is
 * written meanwhile: it sets P (public aware) through {@link Cases#transition} when it does not hold
 * yet (which ends an embargo in force by the EM rules), waits until every private event of the case is
 * in the log, has the log publish its newest checkpoint, which then covers them all, and writes one
 * public {@code case.published} event naming the number of private events, the hash of the chain's
 * head and that checkpoint's size. Its row in the case's history is what marks the case published.
 *
 * <p>{@link #reveal} withholds what {@link RevealPolicy} says (ADR 0115): it gathers who the events may
 * name (each organization's kind, its reports' credit preference, its own {@link #credit} choice written
 * before publication) and applies the rule per event. A choice after publication is refused, so a
 * bundle, once served, never changes.
 *
 * <p>Thread-safe.
 */
public final class CasePublication {
  /** How long publication waits for the case's events to leave the outbox. */
  private static final long DRAIN_MILLIS = 30_000;
  /** The event of a participant's credit choice (ADR 0115). */
  static final String CREDIT_SET = CaseNames.CREDIT_SET;

  private final Database database;
  private final Clock clock;
  private final Cases cases;
  private final EventOutbox log;
  private final Supplier<LedgerService> ledger;
  private final CaseDocuments documents;

  CasePublication(Database database, Clock clock, Cases cases, EventOutbox log, Supplier<LedgerService> ledger, CaseDocuments documents) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cases = Objects.requireNonNull(cases, "cases");
    this.log = Objects.requireNonNull(log, "log");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.documents = Objects.requireNonNull(documents, "documents");
  }

  /**
   * Publishes a case: the case owner or the coordinator may.
   *
   * @return the case id, the number of private events, the chain's head, the checkpoint size and the
   *     log index of {@code case.published}
   * @throws NotFoundException for a hidden or missing case (the same message)
   * @throws ForbiddenException for another participant, or an organization the public log may not name
   * @throws IllegalTransitionException if the case is already published
   */
  public Map<String, Object> publish(Principal actor, String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    String subject = RevealBundle.subject(caseId);
    return cases.locked(() -> {
      Cases.View view = database.jdbi().withHandle(handle -> cases.load(handle, actor, caseId));
      if (!Cases.owns(view, actor) && !actor.isCoordinator()) {
        throw new ForbiddenException("only the case owner or the coordinator publishes " + caseId);
      }
      // The public entry names the organization that published, never a person (ADR 0109, ADR 0115).
      if (!Authority.namedInPublicLog(new Principal.OrgMember(actor.organization(), null, null))) {
        throw new ForbiddenException("the public log does not name " + actor.organization().name()
            + " (a " + actor.organization().kind().label() + "); the coordinator publishes " + caseId);
      }
      Optional<EventRow> earlier = database.jdbi().withHandle(handle -> publication(handle, view.row()));
      if (earlier.isPresent()) {
        throw new IllegalTransitionException(IllegalTransitionException.Machine.CS, view.row().pxa().code(), "PUBLISH",
            caseId + " was published at " + earlier.get().at());
      }
      if (!view.row().pxa().publicAware()) {
        cases.transition(actor, caseId.toString(), "public_aware", null);
      }
      int count = database.jdbi().withHandle(handle -> org.accord.store.Cases.events(handle, view.row().pk()).size());
      LedgerService service = ledger.get();
      List<Long> indexes = drained(service, subject, count);
      long last = indexes.get(indexes.size() - 1);
      Hash head = Hash.sha256(service.secret(last)
          .orElseThrow(() -> new IllegalStateException("the log has no secret for private entry " + last)).event());
      // The checkpoint the auditor checks the events against: public before case.published is logged.
      long size = service.publish();
      if (size <= last) {
        throw new IllegalStateException("the published checkpoint (size " + size + ") does not cover entry " + last);
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("case", caseId.toString());
      data.put("events", count);
      data.put("head", head.hex());
      data.put("checkpoint", size);
      EventOutbox.Committed<Void> committed = log.inTransaction((handle, events) -> {
        long now = clock.millis();
        org.accord.store.Cases.addEvent(handle, view.row().pk(), RevealBundle.PUBLISHED, now, actor.organization().name(),
            actor.member() == null ? null : actor.member().email(), data);
        events.stageCaseEvent(actor, RevealBundle.PUBLISHED, subject, now, data, false);
        documents.write(handle, view.row(), now); // CSAF, OSV and VEX, with the publication or not at all (ADR 0121)
        // The adopted plan's publication wave goes out with the publication itself (ADR 0134).
        org.accord.store.CasePlans.markPublished(handle, view.row().pk(), java.time.Instant.ofEpochMilli(now));
        return null;
      });
      Map<String, Object> answer = new LinkedHashMap<>(data);
      answer.put("index", committed.await());
      return answer;
    });
  }

  /**
   * Records a participant's own choice of whether the published case may name it (ADR 0115): the case
   * event {@code case.credit_set}. Only the participant itself chooses, any member of it; the last
   * choice before publication counts.
   *
   * @return the case, the organization and its choice, with the event's log index
   * @throws NotFoundException for a hidden or missing case (the same message)
   * @throws ForbiddenException if {@code actor}'s organization does not take part (the coordinator too)
   * @throws InvalidInputException for an unknown choice (location {@code credit})
   * @throws IllegalTransitionException if the case is published: what it reveals is fixed then
   */
  public Map<String, Object> credit(Principal actor, String id, String choice) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    CaseCredit credit = CaseCredit.parse(choice);
    EventOutbox.Committed<Map<String, Object>> committed = cases.locked(() -> log.inTransaction((handle, events) -> {
      Cases.View view = cases.load(handle, actor, caseId);
      if (view.participants().stream().noneMatch(p -> p.participant().organization() == actor.organization().id())) {
        throw new ForbiddenException("only a participant chooses its own credit; " + actor.organization().name()
            + " does not take part in " + caseId);
      }
      Optional<EventRow> earlier = publication(handle, view.row());
      if (earlier.isPresent()) {
        throw new IllegalTransitionException(IllegalTransitionException.Machine.CS, view.row().pxa().code(), "CREDIT",
            caseId + " was published at " + earlier.get().at() + "; what it reveals is fixed");
      }
      long now = clock.millis();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("case", caseId.toString());
      data.put("organization", actor.organization().name());
      data.put("credit", credit.label());
      org.accord.store.Cases.addEvent(handle, view.row().pk(), CREDIT_SET, now, actor.organization().name(),
          actor.member() == null ? null : actor.member().email(), data);
      events.stageCaseEvent(actor, CREDIT_SET, RevealBundle.subject(caseId), now, data, true);
      return data;
    }));
    Map<String, Object> answer = new LinkedHashMap<>(committed.value());
    answer.put("index", committed.await());
    return answer;
  }

  /**
   * The reveal bundle of a published case; anyone may read it.
   *
   * @throws NotFoundException for a case that is not published, exactly as for a missing one
   */
  public RevealBundle reveal(String id) {
    CaseId caseId = CaseId.parse(id == null ? "" : id.strip());
    String subject = RevealBundle.subject(caseId);
    Published published = database.jdbi().withHandle(handle -> org.accord.store.Cases.byId(handle, caseId)
            .flatMap(row -> publication(handle, row).map(event -> new Published(row, event))))
        .orElseThrow(() -> new NotFoundException("no case " + caseId));
    Map<String, Object> data = published.event().data();
    int count = Math.toIntExact(number(data.get("events")));
    long size = number(data.get("checkpoint"));
    LedgerService service = ledger.get();
    long index = publishedIndex(service, subject);
    List<Long> indexes = service.indexesOf(subject, true);
    if (indexes.size() < count) {
      throw new IllegalStateException(caseId + " has " + indexes.size() + " private entries in the log, its publication counts " + count);
    }
    String checkpoint = service.signedCheckpoint(size)
        .orElseThrow(() -> new IllegalStateException("the log has no checkpoint of size " + size));
    List<Receipt.Reveal> secrets = new ArrayList<>(count);
    List<Optional<LedgerEvent>> decoded = new ArrayList<>(count);
    for (long at : indexes.subList(0, count)) {
      Receipt.Reveal secret = service.secret(at).orElseThrow(() -> new IllegalStateException("the log has no secret for entry " + at));
      secrets.add(secret);
      decoded.add(decode(secret.event()));
    }
    RevealPolicy policy = database.jdbi().withHandle(handle -> policy(handle, published, decoded));
    List<RevealBundle.Event> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long at = indexes.get(i);
      byte[] entry = service.entry(at).orElseThrow(() -> new IllegalStateException("the log has no entry " + at));
      Receipt.Reveal secret = secrets.get(i);
      List<Hash> proof = service.inclusionProof(at, size);
      // The log's own event should decode; if not, nothing of it is revealed.
      Optional<RevealPolicy.Reason> withheld = decoded.get(i).isEmpty() ? Optional.of(RevealPolicy.Reason.ITEM_TLP)
          : policy.withholds(decoded.get(i).get());
      events.add(withheld.isPresent()
          ? RevealBundle.Event.withheld(at, entry, proof, Hash.sha256(secret.event()), withheld.get())
          : RevealBundle.Event.revealed(at, entry, proof, secret.salt(), secret.event()));
    }
    Receipt receipt = service.receipt(index, false).orElseThrow(() -> new IllegalStateException("the log has no entry " + index));
    long latest;
    try {
      latest = Verifier.readCheckpoint(receipt.checkpoint()).size();
    } catch (VerificationException e) {
      throw new IllegalStateException("the log's own checkpoint does not parse: " + e.getMessage(), e);
    }
    return new RevealBundle(caseId, service.origin(), checkpoint, events, receipt.toJson(), service.consistencyProof(size, latest));
  }

  private static Optional<LedgerEvent> decode(byte[] event) {
    try {
      return Optional.of(LedgerEvent.decode(event).event());
    } catch (VerificationException e) {
      return Optional.empty();
    }
  }

  /** A published case and its {@code case.published} row. */
  private record Published(CaseRow row, EventRow event) {}

  /**
   * Who the published history may name (ADR 0115, ADR 0124): every organization the events name or that
   * takes part, decided as the documents decide ({@link CaseNames}), with the choices before publication.
   */
  private static RevealPolicy policy(Handle handle, Published published, List<Optional<LedgerEvent>> events) {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    events.forEach(e -> e.ifPresent(event -> names.addAll(RevealPolicy.organizations(event))));
    return new RevealPolicy(CaseNames.of(handle, published.row().pk(), published.event().seq(), names));
  }

  /** The case's {@code case.published} row, if it was published. */
  static Optional<EventRow> publication(Handle handle, CaseRow row) {
    return org.accord.store.Cases.events(handle, row.pk()).stream()
        .filter(e -> e.type().equals(RevealBundle.PUBLISHED))
        .findFirst();
  }

  /** The log index of the case's {@code case.published} entry. */
  private static long publishedIndex(LedgerService service, String subject) {
    for (long at : service.indexesOf(subject, false)) {
      byte[] entry = service.entry(at).orElseThrow();
      try {
        if (LedgerEvent.decode(entry).event().type().equals(RevealBundle.PUBLISHED)) {
          return at;
        }
      } catch (VerificationException e) {
        // not an event; keep looking
      }
    }
    throw new IllegalStateException(subject + " is published but its case.published event is not in the log yet; try again shortly");
  }

  /** The indexes of the subject's {@code count} private entries, once they have all left the outbox. */
  private static List<Long> drained(LedgerService service, String subject, int count) {
    long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000;
    while (true) {
      List<Long> indexes = service.indexesOf(subject, true);
      // the stored index of the last entry can be read before the log's head moves past it (the head
      // updates just after the batch commits): wait for both, so the checkpoint published next covers it
      if (indexes.size() >= count && service.size() > indexes.get(count - 1)) {
        return indexes.subList(0, count);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(subject + " has " + count + " events, " + indexes.size()
            + " of them in the log; the rest wait in the outbox: publish again once the log runs");
      }
      service.wakeOutbox();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the log", e);
      }
    }
  }

  private static long number(Object value) {
    return value instanceof BigDecimal d ? d.longValueExact() : ((Number) value).longValue();
  }
}
