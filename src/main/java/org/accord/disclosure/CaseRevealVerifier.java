package org.accord.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.Commitment;
import org.accord.ledger.Hash;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.MerkleLog;
import org.accord.ledger.NoteVerifier;
import org.accord.ledger.Receipt;
import org.accord.ledger.VerificationException;
import org.accord.ledger.VerifiedReceipt;
import org.accord.ledger.Verifier;

/**
 * The auditor's offline check of a published case (ADR 0109): a {@link RevealBundle} against the log's
 * verifier key and, optionally, a later checkpoint the auditor holds. Trusts nothing but the key.
 *
 * <p>It checks, in this order, and stops at the first failure with a {@link VerificationException}
 * whose location names the event's log index ({@code "event at index 12"}) or the part at fault:
 *
 * <ol>
 *   <li>the bundle's checkpoint is signed by the key and is of the key's log;
 *   <li>the {@code case.published} receipt verifies (signed checkpoint, inclusion), is a public event of
 *       the case's subject, and names the bundle's checkpoint size, which must not exceed the
 *       publication entry's index: the checkpoint was signed before the case was published;
 *   <li>the consistency proof from the bundle's checkpoint to the receipt's checkpoint: one log;
 *   <li>each event in order: its index follows the previous one's, its commitment entry is included at
 *       its index in the bundle's checkpoint, and, when revealed, the salt and event open the
 *       commitment ({@link Commitment#verify}), the event is canonical, of the case's subject and a
 *       {@code case.*} type; the first names no {@code prev}, every later one names the hash of the one
 *       before it (a withheld event is linked by the hash the bundle gives for it);
 *   <li>the chain ends at the head {@code case.published} names, and has the number of events it names;
 *   <li>with a later checkpoint: it is signed by the key and is the tree the consistency proof reaches.
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
public final class CaseRevealVerifier {
  private CaseRevealVerifier() {}

  /**
   * What verified.
   *
   * @param caseId the case
   * @param checkpoint the pre-publication checkpoint the events are in
   * @param publishedIndex the log index of {@code case.published}
   * @param latest the checkpoint the publication receipt proves against
   * @param events the number of private events in the chain
   * @param withheld the indexes of events that stay hidden (their content is not checked)
   * @param head the hash of the chain's last event
   */
  public record Result(CaseId caseId, Checkpoint checkpoint, long publishedIndex, Checkpoint latest, int events, List<Long> withheld,
      Hash head) {
    public Result {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(checkpoint, "checkpoint");
      Objects.requireNonNull(latest, "latest");
      Objects.requireNonNull(head, "head");
      withheld = List.copyOf(withheld);
    }
  }

  /**
   * Verifies a bundle for {@code expected} (the case the auditor asked about).
   *
   * @param later a checkpoint note the auditor holds, signed after publication; empty for none
   * @throws VerificationException naming what failed and where
   */
  public static Result verify(RevealBundle bundle, CaseId expected, NoteVerifier key, Optional<String> later)
      throws VerificationException {
    if (!bundle.caseId().equals(expected)) {
      throw new VerificationException("the bundle is for " + bundle.caseId() + ", not " + expected);
    }
    String subject = RevealBundle.subject(expected);
    Checkpoint checkpoint = located(() -> Verifier.verifyCheckpoint(bundle.checkpoint(), key), "checkpoint");
    if (!checkpoint.origin().equals(bundle.origin())) {
      throw new VerificationException("the checkpoint is of log '" + checkpoint.origin() + "', the bundle names '" + bundle.origin() + "'",
          "checkpoint");
    }

    // The publication entry: public, the case's, naming the chain and the checkpoint.
    String where = "case.published";
    Receipt receipt = located(() -> Receipt.parse(bundle.published()), where);
    VerifiedReceipt published = located(() -> Verifier.verifyReceipt(receipt, key), where);
    where = "case.published at index " + published.index();
    if (published.committed() || published.event().isEmpty()) {
      throw new VerificationException("the publication entry is not a public event", where);
    }
    LedgerEvent event = published.event().get().event();
    if (!event.type().equals(RevealBundle.PUBLISHED) || !event.subject().equals(subject)) {
      throw new VerificationException("the entry is " + event.type() + " of " + event.subject() + ", not " + RevealBundle.PUBLISHED
          + " of " + subject, where);
    }
    Map<String, Object> data = event.data();
    if (!expected.toString().equals(data.get("case"))) {
      throw new VerificationException("the publication names case " + data.get("case") + ", not " + expected, where);
    }
    long count = number(data, "events", where);
    long size = number(data, "checkpoint", where);
    Hash head;
    try {
      head = Hash.fromHex(String.valueOf(data.get("head")));
    } catch (IllegalArgumentException e) {
      throw new VerificationException("the publication's \"head\" is not a hex hash", where);
    }
    if (checkpoint.size() > published.index()) {
      throw new VerificationException("the bundle's checkpoint (size " + checkpoint.size() + ") was not signed before the publication "
          + "entry at index " + published.index() + ": it covers the publication itself", "checkpoint");
    }
    if (checkpoint.size() != size) {
      throw new VerificationException("the bundle's checkpoint is of size " + checkpoint.size() + ", but the publication names the "
          + "checkpoint of size " + size, "checkpoint");
    }
    located(() -> Verifier.verifyConsistency(bundle.checkpoint(), receipt.checkpoint(), bundle.consistency(), Optional.of(key)),
        "consistency");

    // The private chain.
    Optional<Hash> previous = Optional.empty();
    long previousIndex = -1;
    List<Long> withheld = new ArrayList<>();
    for (RevealBundle.Event e : bundle.events()) {
      String at = "event at index " + e.index();
      if (e.index() <= previousIndex) {
        throw new VerificationException("the events are not in log order: index " + e.index() + " follows index " + previousIndex, at);
      }
      byte[] entry = e.entry();
      long index = e.index();
      holds(() -> MerkleLog.verifyInclusion(index, checkpoint.size(), MerkleLog.leafHash(entry), e.proof(), checkpoint.root()), at);
      if (Commitment.parseEntry(entry).isEmpty()) {
        throw new VerificationException("the log entry is not a commitment: the case's private events are logged as commitments", at);
      }
      Hash hash = e.eventHash();
      if (e.reveal().isPresent()) {
        Receipt.Reveal reveal = e.reveal().get();
        holds(() -> Commitment.verify(entry, reveal.salt(), reveal.event()), at);
        LedgerEvent.Decoded decoded = located(() -> LedgerEvent.decode(reveal.event()), at);
        if (!decoded.event().subject().equals(subject)) {
          throw new VerificationException("the event is of " + decoded.event().subject() + ", not " + subject, at);
        }
        if (!decoded.event().type().startsWith("case.")) {
          throw new VerificationException("the event is a " + decoded.event().type() + ", not a case event", at);
        }
        hash = Hash.sha256(reveal.event());
        if (!hash.equals(e.eventHash())) {
          throw new VerificationException("the bundle's event_hash is not the hash of the revealed event", at);
        }
        if (previous.isEmpty() && previousIndex < 0 && decoded.previous().isPresent()) {
          throw new VerificationException("the first event names a prev " + decoded.previous().get().hex()
              + ": an earlier event of the case is missing", at);
        }
        if (previousIndex >= 0 && !decoded.previous().equals(previous)) {
          throw new VerificationException("the event names prev " + decoded.previous().map(Hash::hex).orElse("(none)")
              + ", but the event before it (index " + previousIndex + ") hashes to " + previous.get().hex()
              + ": an event is missing, added or out of order", at);
        }
      } else {
        withheld.add(e.index());
      }
      previous = Optional.of(hash);
      previousIndex = e.index();
    }
    if (bundle.events().size() != count) {
      throw new VerificationException("the bundle has " + bundle.events().size() + " events, the publication counts " + count, where);
    }
    if (previous.isEmpty() || !previous.get().equals(head)) {
      throw new VerificationException("the chain ends at " + previous.map(Hash::hex).orElse("(no event)") + ", the publication names the head "
          + head.hex(), previousIndex < 0 ? where : "event at index " + previousIndex);
    }

    Checkpoint latest = published.checkpoint();
    if (later.isPresent()) {
      Checkpoint mine = located(() -> Verifier.verifyCheckpoint(later.get(), key), "--checkpoint");
      if (mine.size() != latest.size()) {
        throw new VerificationException("the bundle proves consistency up to size " + latest.size() + ", your checkpoint is of size "
            + mine.size() + ": fetch the bundle again, or check the two with 'accord verify consistency'", "--checkpoint");
      }
      if (!mine.root().equals(latest.root())) {
        throw new VerificationException("your checkpoint and the bundle's are both of size " + mine.size()
            + " with different roots: the log shows different histories (a fork)", "--checkpoint");
      }
    }
    return new Result(expected, checkpoint, published.index(), latest, bundle.events().size(), withheld, head);
  }

  private static long number(Map<String, Object> data, String name, String where) throws VerificationException {
    try {
      return ((BigDecimal) data.get(name)).longValueExact();
    } catch (ClassCastException | NullPointerException | ArithmeticException e) {
      throw new VerificationException("the publication's \"" + name + "\" is not a whole number", where);
    }
  }

  @FunctionalInterface
  private interface Check<T> {
    T run() throws VerificationException;
  }

  @FunctionalInterface
  private interface Step {
    void run() throws VerificationException;
  }

  private static <T> T located(Check<T> check, String where) throws VerificationException {
    try {
      return check.run();
    } catch (VerificationException e) {
      throw new VerificationException(e.getMessage(), e.location().isEmpty() ? where : where + ", " + e.location());
    }
  }

  private static void holds(Step step, String where) throws VerificationException {
    located(() -> {
      step.run();
      return null;
    }, where);
  }
}
