package org.accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiptAndForkTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  static byte[] event(String subject, int n, Optional<Hash> previous) {
    return new LedgerEvent("sbom.ingested", subject, Instant.parse("2025-03-04T05:06:07.089Z"),
        Map.of("sha256", "ab".repeat(32), "n", n, "org", "Acme")).encode(previous);
  }

  @Test
  void eventsChainCanonicallyAndDecode() throws VerificationException {
    byte[] first = event("sbom:1", 1, Optional.empty());
    assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(
        "{\"data\":{\"n\":1,\"org\":\"Acme\",\"sha256\":\"" + "ab".repeat(32) + "\"},\"subject\":\"sbom:1\","
            + "\"time\":\"2025-03-04T05:06:07.089Z\",\"type\":\"sbom.ingested\",\"v\":1}");
    Hash firstHash = Hash.sha256(first);
    byte[] second = event("sbom:1", 2, Optional.of(firstHash));
    LedgerEvent.Decoded decoded = LedgerEvent.decode(second);
    assertThat(decoded.previous()).contains(firstHash);
    assertThat(decoded.event().subject()).isEqualTo("sbom:1");
    assertThat(decoded.event().data()).containsEntry("org", "Acme");
    byte[] spaced = new String(second, StandardCharsets.UTF_8).replace(",\"v\":1", ", \"v\":1").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> LedgerEvent.decode(spaced)).hasMessageContaining("canonical");
    assertThatThrownBy(() -> new LedgerEvent("SBOM Ingested", "s", Instant.now(), Map.of()))
        .hasMessageContaining("dotted lower-case");
    assertThatThrownBy(() -> new LedgerEvent("a.b", "s", Instant.now(), Map.of("big", 1L << 60)))
        .hasMessageContaining("data.big");
  }

  @Test
  void receiptsVerifyInBothFormsAndTamperingIsNamed() throws VerificationException {
    MemoryLog log = MemoryLog.create("accord.test/receipts");
    NoteVerifier key = log.signer.verifier();
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      entries.add(event("case:" + (i % 7), i, Optional.empty()));
    }
    List<Receipt> receipts = log.append(entries);
    for (Receipt receipt : List.of(receipts.get(0), receipts.get(255), receipts.get(299))) {
      VerifiedReceipt fromText = Verifier.verifyReceipt(receipt.tlogProof().format(), key);
      VerifiedReceipt fromJson = Verifier.verifyReceipt(receipt.toJson(), key);
      assertThat(fromText.index()).isEqualTo(receipt.index());
      assertThat(fromJson.event()).isPresent();
      assertThat(fromJson.checkpoint().size()).isEqualTo(300);
      assertThat(Receipt.parse(receipt.toJson())).isEqualTo(receipt);
    }
    Receipt receipt = receipts.get(42);
    List<Hash> shorter = receipt.proof().subList(0, receipt.proof().size() - 1);
    Receipt cut = new Receipt(42, receipt.entry(), shorter, receipt.checkpoint(), Optional.empty());
    assertThatThrownBy(() -> Verifier.verifyReceipt(cut, key)).hasMessageContaining("has 8 hashes").hasMessageContaining("exactly 9");
    Receipt moved = new Receipt(43, receipt.entry(), receipt.proof(), receipt.checkpoint(), Optional.empty());
    assertThatThrownBy(() -> Verifier.verifyReceipt(moved, key)).hasMessageContaining("does not lead to the root");
    NoteVerifier otherKey = NoteSigner.generate("accord.test/other", RANDOM).verifier();
    assertThatThrownBy(() -> Verifier.verifyReceipt(receipt, otherKey)).hasMessageContaining("wrong key name");
    String noExtra = receipt.tlogProof().format().replaceFirst("extra [^\n]*\n", "");
    assertThatThrownBy(() -> Verifier.verifyReceipt(noExtra, key)).hasMessageContaining("no 'extra' line");
    assertThatThrownBy(() -> Verifier.verifyReceipt("c2sp.org/tlog-proof@v1\nindex 01\n\nx\n", key))
        .hasMessageContaining("leading zeroes");
  }

  @Test
  void privateEventsCommitAndReveal() throws VerificationException {
    MemoryLog log = MemoryLog.create("accord.test/private");
    byte[] event = event("case:embargoed", 1, Optional.empty());
    byte[] salt = Commitment.newSalt(RANDOM);
    byte[] entry = Commitment.entry(Commitment.of(salt, event));
    assertThat(new String(entry, StandardCharsets.UTF_8)).doesNotContain("embargoed").startsWith("{\"commitment\":\"");
    Receipt bare = log.append(List.of(event("case:public", 0, Optional.empty()), entry)).get(1);
    Receipt secret = new Receipt(bare.index(), entry, bare.proof(), bare.checkpoint(), Optional.of(new Receipt.Reveal(salt, event)));
    NoteVerifier key = log.signer.verifier();
    VerifiedReceipt revealed = Verifier.verifyReceipt(secret.toJson(), key);
    assertThat(revealed.committed()).isTrue();
    assertThat(revealed.event().orElseThrow().event().subject()).isEqualTo("case:embargoed");
    VerifiedReceipt committed = Verifier.verifyReceipt(bare.tlogProof().format(), key);
    assertThat(committed.committed()).isTrue();
    assertThat(committed.event()).isEmpty();
    byte[] otherSalt = Commitment.newSalt(RANDOM);
    Receipt wrong = new Receipt(bare.index(), entry, bare.proof(), bare.checkpoint(), Optional.of(new Receipt.Reveal(otherSalt, event)));
    assertThatThrownBy(() -> Verifier.verifyReceipt(wrong, key)).hasMessageContaining("does not match the commitment");
  }

  /** A log that shows an old checkpoint's holder a different history fails every consistency check. */
  @Test
  void aForkedCheckpointFailsConsistency() throws VerificationException {
    NoteSigner signer = NoteSigner.generate("accord.test/fork", RANDOM);
    MemoryLog honest = new MemoryLog(signer);
    MemoryLog forked = new MemoryLog(signer);
    List<byte[]> shared = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      shared.add(event("case:a", i, Optional.empty()));
    }
    honest.append(shared);
    forked.append(shared.subList(0, 650));
    String oldNote = honest.checkpoint;
    List<byte[]> rewritten = new ArrayList<>();
    for (int i = 650; i < 1000; i++) {
      rewritten.add(event("case:b", i, Optional.empty()));
    }
    forked.append(rewritten);
    List<Hash> proof = forked.prover().consistency(700);
    NoteVerifier key = signer.verifier();
    assertThatThrownBy(() -> Verifier.verifyConsistency(oldNote, forked.checkpoint, proof, Optional.of(key)))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("forked");
    // The honest continuation passes the same check.
    honest.append(rewritten);
    assertThat(Verifier.verifyConsistency(oldNote, honest.checkpoint, honest.prover().consistency(700), Optional.of(key)))
        .extracting(Checkpoint::size).containsExactly(700L, 1050L);
    // Auditing the forked log against the old checkpoint names the fork; the honest one passes.
    Checkpoint old = Verifier.verifyCheckpoint(oldNote, key);
    assertThatThrownBy(() -> Verifier.verifyLog(forked, key, Optional.of(old)))
        .hasMessageContaining("the log has forked");
    assertThat(Verifier.verifyLog(honest, key, Optional.of(old)).entries()).isEqualTo(1050);
    // A proof of the wrong length is named as such.
    List<Hash> longer = new ArrayList<>(honest.prover().consistency(700));
    longer.add(MerkleLog.EMPTY_ROOT);
    assertThatThrownBy(() -> Verifier.verifyConsistency(oldNote, honest.checkpoint, longer, Optional.of(key)))
        .hasMessageContaining("exactly");
  }

  @Test
  void proofFilesParseInEachForm() throws VerificationException {
    String hash = MerkleLog.EMPTY_ROOT.base64();
    assertThat(Verifier.parseProof("{\"from\":1,\"to\":2,\"proof\":[\"" + hash + "\"]}")).hasSize(1);
    assertThat(Verifier.parseProof("[\"" + hash + "\",\"" + hash + "\"]")).hasSize(2);
    assertThat(Verifier.parseProof(hash + "\n" + hash + "\n")).hasSize(2);
    assertThat(Verifier.parseProof("")).isEmpty();
    assertThatThrownBy(() -> Verifier.parseProof("{\"proof\":[\"AAAA\"]}")).hasMessageContaining("proof hash 0");
  }
}
