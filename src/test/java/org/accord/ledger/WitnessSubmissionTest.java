package org.accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the log reads a witness's answers (ADR 0153). */
class WitnessSubmissionTest {
  final Cosigner witness = Cosigner.generate("example.com/w", new SecureRandom());
  final Cosigner other = Cosigner.generate("example.com/w", new SecureRandom());
  final String text = new Checkpoint("example.com/log", 5, Hash.sha256(new byte[] {1})).text();

  @Test
  void aVerifiedCosignatureIsCosignedAndAnyOtherIsARefusal() {
    String good = witness.cosign(text, 1700000000).line() + "\n";
    assertThat(WitnessSubmission.read(200, "text/plain", good, text, witness.verifier()))
        .isInstanceOf(WitnessSubmission.Cosigned.class);
    // same name, another key: not the configured witness's cosignature
    String forged = other.cosign(text, 1700000000).line() + "\n";
    assertThat(WitnessSubmission.read(200, "text/plain", forged, text, witness.verifier()))
        .isInstanceOf(WitnessSubmission.Refused.class);
    // a cosignature over another checkpoint
    String elsewhere = witness.cosign(new Checkpoint("example.com/log", 6, Hash.sha256(new byte[] {2})).text(), 1).line() + "\n";
    assertThat(WitnessSubmission.read(200, "text/plain", elsewhere, text, witness.verifier()))
        .isInstanceOf(WitnessSubmission.Refused.class);
  }

  @Test
  void sizeConflictsResendOtherRefusalsAlertAndOutagesRetry() {
    assertThat(WitnessSubmission.read(409, "text/x.tlog.size", "42\n", text, witness.verifier()))
        .isEqualTo(new WitnessSubmission.Resend(42));
    assertThat(WitnessSubmission.read(409, "text/plain; charset=utf-8", "conflicting root hash\n", text, witness.verifier()))
        .isEqualTo(new WitnessSubmission.Refused(409, "conflicting root hash"));
    assertThat(WitnessSubmission.read(422, "text/plain", "bad proof\nmore\n", text, witness.verifier()))
        .isEqualTo(new WitnessSubmission.Refused(422, "bad proof"));
    assertThat(WitnessSubmission.read(403, null, "", text, witness.verifier())).isInstanceOf(WitnessSubmission.Refused.class);
    assertThat(WitnessSubmission.read(503, null, "", text, witness.verifier())).isInstanceOf(WitnessSubmission.Retry.class);
    assertThat(WitnessSubmission.read(429, null, "", text, witness.verifier())).isInstanceOf(WitnessSubmission.Retry.class);
    assertThat(WitnessSubmission.read(409, "text/x.tlog.size", "-1", text, witness.verifier())).isInstanceOf(WitnessSubmission.Retry.class);
  }

  @Test
  void bodyAndBackoff() {
    Hash h = Hash.sha256(new byte[0]);
    assertThat(WitnessSubmission.body(3, List.of(h), "NOTE")).isEqualTo("old 3\n" + h.base64() + "\n\nNOTE");
    assertThat(WitnessSubmission.backoffMillis(0)).isZero();
    assertThat(WitnessSubmission.backoffMillis(1)).isEqualTo(1000);
    assertThat(WitnessSubmission.backoffMillis(3)).isEqualTo(4000);
    assertThat(WitnessSubmission.backoffMillis(40)).isEqualTo(WitnessSubmission.MAX_BACKOFF_MILLIS);
    assertThat(WitnessSubmission.needsProof(0, 5)).isFalse();
    assertThat(WitnessSubmission.needsProof(5, 5)).isFalse();
    assertThat(WitnessSubmission.needsProof(4, 5)).isTrue();
  }
}
