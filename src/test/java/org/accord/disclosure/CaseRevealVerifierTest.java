package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.ledger.Checkpoint;
import org.accord.ledger.Commitment;
import org.accord.ledger.Hash;
import org.accord.ledger.LedgerEvent;
import org.accord.ledger.MerkleLog;
import org.accord.ledger.NodeSource;
import org.accord.ledger.NoteSigner;
import org.accord.ledger.Prover;
import org.accord.ledger.Receipt;
import org.accord.ledger.VerificationException;
import org.junit.jupiter.api.Test;

/** {@link CaseRevealVerifier} on a log built here, with real tampering: each attack fails naming its event. */
class CaseRevealVerifierTest {
  static final SecureRandom RANDOM = new SecureRandom();
  static final CaseId ID = CaseId.parse("ACC-2026-0007");
  static final String SUBJECT = "case:ACC-2026-0007";
  static final Instant T = Instant.parse("2026-12-03T09:00:00Z");

  /** A log in memory: entries, their leaf hashes, and signed checkpoints on demand. */
  static final class Log {
    final NoteSigner signer = NoteSigner.generate("accord.test/reveal", RANDOM);
    final List<byte[]> entries = new ArrayList<>();
    final List<Hash> leaves = new ArrayList<>();

    long add(byte[] entry) {
      entries.add(entry);
      leaves.add(MerkleLog.leafHash(entry));
      return entries.size() - 1;
    }

    Prover prover(long size) {
      NodeSource nodes = (level, index) -> MerkleLog.rootOfLeafHashes(
          leaves.subList((int) (index << level), (int) ((index + 1) << level)));
      return MerkleLog.prover(size, nodes);
    }

    String checkpoint(long size) {
      return new Checkpoint(signer.name(), size, MerkleLog.rootOfLeafHashes(leaves.subList(0, (int) size))).sign(signer);
    }
  }

  /** What a case's publication left in the log, to build bundles (honest or not) from. */
  static final class World {
    final Log log = new Log();
    final List<Long> indexes = new ArrayList<>();
    final List<byte[]> salts = new ArrayList<>();
    final List<byte[]> events = new ArrayList<>();
    final List<Boolean> hidden = new ArrayList<>();
    long before;
    long publishedIndex;
    long after;

    World(int count, int withheldAt) {
      Optional<Hash> prev = Optional.empty();
      for (int i = 0; i < count; i++) {
        log.add(("other case entry " + i).getBytes()); // other subjects interleave
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("case", ID.toString());
        data.put("n", i);
        if (i == withheldAt) {
          data.put("tlp", "TLP:RED");
        }
        LedgerEvent event = new LedgerEvent(i == 0 ? "case.created" : "case.status_set", SUBJECT, T.plusSeconds(i), data);
        byte[] bytes = event.encode(prev);
        byte[] salt = Commitment.newSalt(RANDOM);
        indexes.add(log.add(Commitment.entry(Commitment.of(salt, bytes))));
        salts.add(salt);
        events.add(bytes);
        hidden.add(RevealPolicy.itemTlp(event));
        prev = Optional.of(Hash.sha256(bytes));
      }
      log.add("after the last case event".getBytes());
      before = log.entries.size();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("case", ID.toString());
      data.put("events", count);
      data.put("head", prev.get().hex());
      data.put("checkpoint", before);
      log.add("between".getBytes());
      publishedIndex = log.add(new LedgerEvent(RevealBundle.PUBLISHED, SUBJECT, T.plusSeconds(100), data).encode(Optional.empty()));
      log.add("later".getBytes());
      after = log.entries.size();
    }

    String receipt(long size) {
      return new Receipt(publishedIndex, log.entries.get((int) publishedIndex), log.prover(size).inclusion(publishedIndex),
          log.checkpoint(size), Optional.empty()).toJson();
    }

    RevealBundle.Event event(int i, long size) {
      long index = indexes.get(i);
      List<Hash> proof = log.prover(size).inclusion(index);
      byte[] entry = log.entries.get((int) index);
      return hidden.get(i) ? RevealBundle.Event.withheld(index, entry, proof, Hash.sha256(events.get(i)), RevealPolicy.Reason.ITEM_TLP)
          : RevealBundle.Event.revealed(index, entry, proof, salts.get(i), events.get(i));
    }

    List<RevealBundle.Event> events(long size) {
      List<RevealBundle.Event> out = new ArrayList<>();
      for (int i = 0; i < indexes.size(); i++) {
        out.add(event(i, size));
      }
      return out;
    }

    RevealBundle bundle() {
      return bundle(events(before));
    }

    RevealBundle bundle(List<RevealBundle.Event> events) {
      return new RevealBundle(ID, log.signer.name(), log.checkpoint(before), events, receipt(after),
          log.prover(after).consistency(before));
    }

    CaseRevealVerifier.Result verify(RevealBundle bundle) throws VerificationException {
      return CaseRevealVerifier.verify(bundle, ID, log.signer.verifier(), Optional.empty());
    }
  }

  @Test
  void anHonestBundleVerifiesAndSurvivesItsJsonForm() throws Exception {
    World world = new World(6, 3);
    RevealBundle written = world.bundle();
    RevealBundle bundle = RevealBundle.parse(written.toJson());
    assertThat(bundle).isEqualTo(written);
    CaseRevealVerifier.Result result = world.verify(bundle);
    assertThat(result.events()).isEqualTo(6);
    assertThat(result.withheld()).containsExactly(world.indexes.get(3));
    assertThat(result.publishedIndex()).isEqualTo(world.publishedIndex);
    assertThat(result.checkpoint().size()).isEqualTo(world.before);
    assertThat(result.latest().size()).isEqualTo(world.after);
    // The auditor's own copy of the later checkpoint is the tree the bundle's consistency proof reaches.
    CaseRevealVerifier.verify(bundle, ID, world.log.signer.verifier(), Optional.of(world.log.checkpoint(world.after)));
    // The withheld item's content is not in the bundle.
    assertThat(bundle.toJson()).doesNotContain(java.util.Base64.getEncoder().encodeToString(world.events.get(3)));
  }

  @Test
  void anAlteredEventByteFailsAtItsIndex() {
    World world = new World(5, -1);
    List<RevealBundle.Event> events = world.events(world.before);
    byte[] altered = world.events.get(2).clone();
    altered[altered.length - 3] ^= 1;
    events.set(2, RevealBundle.Event.revealed(world.indexes.get(2), events.get(2).entry(), events.get(2).proof(), world.salts.get(2), altered));
    assertFails(world, events, "event at index " + world.indexes.get(2), "does not match the commitment");
  }

  @Test
  void aDroppedEventBreaksTheChainAtTheNextOne() {
    World world = new World(5, -1);
    List<RevealBundle.Event> events = world.events(world.before);
    events.remove(2);
    assertFails(world, events, "event at index " + world.indexes.get(3), "an event is missing");
  }

  @Test
  void reorderedEventsFail() {
    World world = new World(5, -1);
    List<RevealBundle.Event> events = world.events(world.before);
    events.set(1, world.event(2, world.before));
    events.set(2, world.event(1, world.before));
    // The later event now comes first: its prev is not the hash of the event before it.
    assertFails(world, events, "event at index " + world.indexes.get(2), "out of order");
    // An event given twice (replayed) is caught by the log order.
    List<RevealBundle.Event> replayed = world.events(world.before);
    replayed.add(2, replayed.get(1));
    assertFails(world, replayed, "event at index " + world.indexes.get(1), "not in log order");
  }

  @Test
  void aSwappedSaltFails() {
    World world = new World(5, -1);
    List<RevealBundle.Event> events = world.events(world.before);
    events.set(1, RevealBundle.Event.revealed(world.indexes.get(1), events.get(1).entry(), events.get(1).proof(), world.salts.get(2),
        world.events.get(1)));
    assertFails(world, events, "event at index " + world.indexes.get(1), "does not match the commitment");
  }

  @Test
  void aTruncatedChainDoesNotReachTheHead() {
    World world = new World(5, -1);
    List<RevealBundle.Event> events = world.events(world.before);
    events.remove(4);
    assertFails(world, events, "case.published at index " + world.publishedIndex, "the publication counts 5");
  }

  @Test
  void anotherCasesEventFails() {
    World world = new World(3, -1);
    RevealBundle bundle = world.bundle();
    assertThatThrownBy(() -> CaseRevealVerifier.verify(bundle, CaseId.parse("ACC-2026-0008"), world.log.signer.verifier(), Optional.empty()))
        .isInstanceOf(VerificationException.class).hasMessageContaining("the bundle is for ACC-2026-0007");
  }

  @Test
  void theWrongKeyFailsAtTheCheckpoint() {
    World world = new World(3, -1);
    NoteSigner other = NoteSigner.generate("accord.test/reveal", RANDOM);
    assertThatThrownBy(() -> CaseRevealVerifier.verify(world.bundle(), ID, other.verifier(), Optional.empty()))
        .isInstanceOf(VerificationException.class)
        .satisfies(e -> assertThat(((VerificationException) e).location()).startsWith("checkpoint"));
  }

  @Test
  void aCheckpointSignedAfterPublicationFails() {
    World world = new World(4, -1);
    // Every proof is honest, but against the tree that already holds the publication entry.
    RevealBundle late = new RevealBundle(ID, world.log.signer.name(), world.log.checkpoint(world.after), world.events(world.after),
        world.receipt(world.after), List.of());
    assertThatThrownBy(() -> world.verify(late)).isInstanceOf(VerificationException.class)
        .hasMessageContaining("was not signed before the publication entry at index " + world.publishedIndex);
  }

  @Test
  void aForeignLaterCheckpointFails() {
    World world = new World(3, -1);
    World other = new World(3, -1);
    assertThatThrownBy(() -> CaseRevealVerifier.verify(world.bundle(), ID, world.log.signer.verifier(),
        Optional.of(world.log.checkpoint(world.after - 1))))
        .isInstanceOf(VerificationException.class).hasMessageContaining("your checkpoint is of size " + (world.after - 1));
    assertThatThrownBy(() -> CaseRevealVerifier.verify(world.bundle(), ID, world.log.signer.verifier(),
        Optional.of(other.log.checkpoint(other.after))))
        .isInstanceOf(VerificationException.class)
        .satisfies(e -> assertThat(((VerificationException) e).location()).startsWith("--checkpoint"));
  }

  @Test
  void aWithheldEventStillLinksAndAForgedHashBreaksTheLink() {
    World world = new World(4, 1);
    List<RevealBundle.Event> events = world.events(world.before);
    RevealBundle.Event hidden = events.get(1);
    events.set(1, RevealBundle.Event.withheld(hidden.index(), hidden.entry(), hidden.proof(), Hash.sha256("forged".getBytes()),
        RevealPolicy.Reason.ITEM_TLP));
    assertFails(world, events, "event at index " + world.indexes.get(2), "an event is missing");
  }

  @Test
  void withheldEventsAreCountedByTheReasonTheBundleGives() throws Exception {
    World world = new World(5, 1);
    List<RevealBundle.Event> events = world.events(world.before);
    RevealBundle.Event person = events.get(3);
    events.set(3, RevealBundle.Event.withheld(person.index(), person.entry(), person.proof(), person.eventHash(),
        RevealPolicy.Reason.PERSON));
    RevealBundle.Event party = events.get(4);
    events.set(4, RevealBundle.Event.withheld(party.index(), party.entry(), party.proof(), party.eventHash(),
        RevealPolicy.Reason.UNNAMED_PARTY));
    String json = world.bundle(events).toJson();
    assertThat(json).contains("\"withheld\":\"person\"", "\"withheld\":\"unnamed_party\"", "\"withheld\":\"item_tlp\"");
    CaseRevealVerifier.Result result = world.verify(RevealBundle.parse(json));
    assertThat(result.withheld()).containsExactly(world.indexes.get(1), world.indexes.get(3), world.indexes.get(4));
    assertThat(result.reasons()).containsExactly(Map.entry(RevealPolicy.Reason.ITEM_TLP, 1), Map.entry(RevealPolicy.Reason.MESSAGE, 0),
        Map.entry(RevealPolicy.Reason.PERSON, 1), Map.entry(RevealPolicy.Reason.UNNAMED_PARTY, 1));
    // A bundle written before the reasons says true, which withheld items only; anything else is refused.
    CaseRevealVerifier.Result legacy = world.verify(RevealBundle.parse(json.replace("\"withheld\":\"person\"", "\"withheld\":true")));
    assertThat(legacy.reasons().get(RevealPolicy.Reason.ITEM_TLP)).isEqualTo(2);
    assertThatThrownBy(() -> RevealBundle.parse(json.replace("\"withheld\":\"person\"", "\"withheld\":\"Finder Lab\"")))
        .isInstanceOf(VerificationException.class).hasMessageContaining("not a reason");
  }

  @Test
  void malformedBundlesNameTheMember() {
    assertThatThrownBy(() -> RevealBundle.parse("[]")).isInstanceOf(VerificationException.class).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> RevealBundle.parse("{\"v\":1,\"case\":\"ACC-2026-0001\",\"events\":[{\"index\":-1}]}"))
        .isInstanceOf(VerificationException.class).hasMessageContaining("\"index\"");
  }

  private static void assertFails(World world, List<RevealBundle.Event> events, String location, String reason) {
    assertThatThrownBy(() -> world.verify(world.bundle(events)))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(((VerificationException) e).location()).startsWith(location));
  }
}
