package org.accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** cosignature/v1 (C2SP tlog-cosignature) and tlog-policy (C2SP tlog-policy). */
class WitnessFormatsTest {
  static final SecureRandom RANDOM = new SecureRandom();
  final NoteSigner log = NoteSigner.generate("example.com/log", RANDOM);
  final String checkpoint = new Checkpoint("example.com/log", 5, MerkleLog.leafHash(new byte[] {1})).sign(log);

  @Test
  void aCosignatureVerifiesUnderTheCosignatureKeyIdAndNotOnAnotherText() throws Exception {
    Cosigner witness = Cosigner.generate("w1.example", RANDOM);
    Note note = Note.parse(checkpoint);
    Cosignature cosignature = witness.cosign(note.text(), 1679315147L);
    // key ID = SHA-256(name ‖ \n ‖ 0x04 ‖ key)[:4]: not the 0x01 ID a log key of the same name and key would have
    assertThat(witness.verifier().keyId()).isEqualTo(NoteVerifier.keyId("w1.example", (byte) 0x04, witness.verifier().publicKey()))
        .isNotEqualTo(NoteVerifier.keyId("w1.example", witness.verifier().publicKey()));
    Note cosigned = Note.parse(checkpoint + cosignature.line() + "\n");
    assertThat(witness.verifier().cosignature(cosigned)).contains(cosignature);
    assertThat(CosignatureVerifier.parse(witness.verifier().format())).isEqualTo(witness.verifier());
    assertThat(Cosigner.parse(witness.format()).verifier()).isEqualTo(witness.verifier());
    // the same line under another checkpoint text, or with another timestamp, does not verify
    String other = new Checkpoint("example.com/log", 6, MerkleLog.leafHash(new byte[] {2})).sign(log);
    assertThat(witness.verifier().cosignature(Note.parse(other + cosignature.line() + "\n"))).isEmpty();
    Cosignature retimed = new Cosignature(cosignature.keyName(), cosignature.keyId(), 1679315148L, cosignature.signature());
    assertThat(witness.verifier().cosignature(Note.parse(checkpoint + retimed.line() + "\n"))).isEmpty();
    // a log key cannot stand for a witness key, nor the reverse
    assertThatThrownBy(() -> CosignatureVerifier.parse(log.verifier().format())).isInstanceOf(VerificationException.class);
    assertThatThrownBy(() -> NoteVerifier.parse(witness.verifier().format())).isInstanceOf(VerificationException.class);
  }

  @Test
  void theSignedMessageIsTheSpecsExample() {
    assertThat(new String(Cosignature.message(1679315147L, "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"),
        StandardCharsets.UTF_8)).isEqualTo("cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
            + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
  }

  @Test
  void theSpecsExampleCosignatureIsFramedAsOne() throws Exception {
    // C2SP tlog-cosignature publishes no key for witness.example.com/w1, so its signature cannot be checked;
    // its framing can: key ID, big-endian timestamp (the one of the spec's message example), 64 signature bytes
    Note note = Note.parse("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
        + "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
        + "— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n");
    Cosignature cosignature = Cosignature.of(note.signatures().get(1)).orElseThrow();
    assertThat(cosignature.keyId()).isEqualTo(0x8d66cf3f);
    assertThat(cosignature.timestamp()).isEqualTo(1679315147L);
    assertThat(cosignature.line()).isEqualTo(note.signatures().get(1).line());
    assertThat(Cosignature.of(note.signatures().get(0))).as("a 64-byte log signature is no cosignature").isEmpty();
  }

  String policy(Cosigner... witnesses) {
    StringBuilder text = new StringBuilder("# three CERTs\nlog ").append(log.verifier().format()).append("  https://log.example\n");
    for (int i = 0; i < witnesses.length; i++) {
      text.append("witness\tW").append(i + 1).append(' ').append(witnesses[i].verifier().format()).append('\n');
    }
    return text.append("group two 2 W1 W2 W3\nquorum two\n").toString();
  }

  @Test
  void aTwoOfThreeQuorumAcceptsTwoValidCosignaturesAndNotOne() throws Exception {
    Cosigner w1 = Cosigner.generate("w1.example", RANDOM);
    Cosigner w2 = Cosigner.generate("w2.example", RANDOM);
    Cosigner w3 = Cosigner.generate("w3.example", RANDOM);
    TlogPolicy policy = TlogPolicy.parse(policy(w1, w2, w3));
    String text = Note.parse(checkpoint).text();
    String one = checkpoint + w1.cosign(text, 10).line() + "\n";
    assertThatThrownBy(() -> policy.verify(one, Optional.empty())).isInstanceOf(VerificationException.class)
        .hasMessageContaining("quorum 'two' (2 of W1, W2, W3)").hasMessageContaining("from: W1");
    // a forged second line (w3's name and ID, w2's signature) does not count
    Cosignature forged = w2.cosign(text, 10);
    String withForgery = one + new Cosignature("w3.example", w3.verifier().keyId(), 10, forged.signature()).line() + "\n";
    assertThatThrownBy(() -> policy.verify(withForgery, Optional.empty())).isInstanceOf(VerificationException.class);
    TlogPolicy.Accepted accepted = policy.verify(one + w3.cosign(text, 11).line() + "\n", Optional.empty());
    assertThat(accepted.cosigners()).containsExactly("W1", "W3");
    // a note not signed by a listed log is refused whatever its cosignatures
    NoteSigner impostor = NoteSigner.generate("example.com/log", RANDOM);
    String forkedNote = new Checkpoint("example.com/log", 5, MerkleLog.leafHash(new byte[] {9})).sign(impostor);
    String forkedText = Note.parse(forkedNote).text();
    assertThatThrownBy(() -> policy.verify(forkedNote + w1.cosign(forkedText, 1).line() + "\n" + w2.cosign(forkedText, 1).line() + "\n",
        Optional.empty())).hasMessageContaining("not signed by a log the policy accepts");
  }

  @Test
  void nestedGroupsAllAnyAndNone() throws Exception {
    Cosigner x1 = Cosigner.generate("x1", RANDOM);
    Cosigner x2 = Cosigner.generate("x2", RANDOM);
    Cosigner y1 = Cosigner.generate("y1", RANDOM);
    TlogPolicy policy = TlogPolicy.parse("witness X1 " + x1.verifier().format() + "\nwitness X2 " + x2.verifier().format()
        + "\nwitness Y1 " + y1.verifier().format() + "\ngroup X all X1 X2\ngroup Y any Y1\ngroup XY all X Y\nquorum XY\n");
    assertThat(policy.holds("XY", Set.of("X1", "X2", "Y1"))).isTrue();
    assertThat(policy.holds("XY", Set.of("X1", "Y1"))).isFalse();
    assertThat(policy.holds("Y", Set.of("Y1"))).isTrue();
    TlogPolicy none = TlogPolicy.parse("log " + log.verifier().format() + "\nquorum none\n");
    assertThat(none.verify(checkpoint, Optional.empty()).cosigners()).isEmpty();
    // no log lines: the log key comes from context
    TlogPolicy noLogs = TlogPolicy.parse("quorum none\n");
    assertThat(noLogs.verify(checkpoint, Optional.of(log.verifier())).log()).isEqualTo(log.verifier());
    assertThatThrownBy(() -> noLogs.verify(checkpoint, Optional.empty())).isInstanceOf(VerificationException.class);
  }

  @Test
  void malformedPoliciesNameTheirLine() {
    String w = Cosigner.generate("w", RANDOM).verifier().format();
    String v = Cosigner.generate("v", RANDOM).verifier().format();
    for (String[] bad : List.of(
        new String[] {"witness A " + w + "\nquorum B\n", "line 2", "not a witness or group"},
        new String[] {"witness A " + w + "\ngroup G 2 A\nquorum G\n", "line 2", "larger than"},
        new String[] {"witness A " + w + "\ngroup G 0 A\nquorum G\n", "line 2", "threshold"},
        new String[] {"witness A " + w + "\ngroup G any A A\nquorum G\n", "line 2", "listed twice"},
        new String[] {"witness A " + w + "\ngroup G any none\nquorum G\n", "line 2", "not a witness or group"},
        new String[] {"group G any A\nwitness A " + w + "\nquorum G\n", "line 1", "earlier line"},
        new String[] {"witness A " + w + "\nwitness B " + w + "\nquorum A\n", "line 2", "listed twice"},
        new String[] {"witness A " + w + "\nwitness A " + v + "\nquorum A\n", "line 2", "defined twice"},
        new String[] {"witness none " + w + "\nquorum none\n", "line 1", "predefined"},
        new String[] {"witness A " + w + "\n", "", "no quorum"},
        new String[] {"quorum none\nquorum none\n", "line 2", "exactly one quorum"},
        new String[] {"quorum none\r\n", "line 1", "control character"},
        new String[] {"witness A " + log.verifier().format() + "\nquorum A\n", "line 1", "cosignature/v1 key"},
        new String[] {"cosigner A " + w + "\nquorum A\n", "line 1", "unknown policy line"})) {
      assertThatThrownBy(() -> TlogPolicy.parse(bad[0])).as(bad[0]).isInstanceOf(VerificationException.class)
          .hasMessageContaining(bad[2])
          .satisfies(e -> assertThat(((VerificationException) e).location()).isEqualTo(bad[1]));
    }
  }

  @Test
  void anAddCheckpointFromZeroIsCosignableAndAnOldAboveSizeIsA400() throws Exception {
    String body = "old 0\n\n" + checkpoint;
    AddCheckpoint.Request request = AddCheckpoint.parse(body.getBytes(StandardCharsets.UTF_8));
    AddCheckpoint.Decision decision = AddCheckpoint.decide(request, List.of(log.verifier()), AddCheckpoint.State.NONE);
    assertThat(decision).isInstanceOf(AddCheckpoint.Cosign.class);
    assertThat(((AddCheckpoint.Cosign) decision).next().size()).isEqualTo(5);
    AddCheckpoint.Request above = AddCheckpoint.parse(("old 6\n\n" + checkpoint).getBytes(StandardCharsets.UTF_8));
    assertThat(AddCheckpoint.decide(above, List.of(log.verifier()), AddCheckpoint.State.NONE).outcome())
        .isEqualTo(AddCheckpoint.Outcome.OLD_ABOVE_SIZE);
    assertThat(AddCheckpoint.decide(request, List.of(), AddCheckpoint.State.NONE).outcome()).isEqualTo(AddCheckpoint.Outcome.UNKNOWN_LOG);
    StringBuilder tooLong = new StringBuilder("old 1\n");
    for (int i = 0; i < 64; i++) {
      tooLong.append(Base64.getEncoder().encodeToString(new byte[32])).append('\n');
    }
    assertThatThrownBy(() -> AddCheckpoint.parse((tooLong + "\n" + checkpoint).getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("more than 63");
  }
}
