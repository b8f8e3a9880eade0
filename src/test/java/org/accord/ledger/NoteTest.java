package org.accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoteTest {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 §7.1, tests 1 and 2: the seed-to-key derivation and the signatures are the RFC's. */
  @ParameterizedTest
  @CsvSource({
    "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
        + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,,"
        + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
        + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,72,"
        + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
  })
  void ed25519MatchesRfc8032(String seed, String publicKey, String message, String signature) throws Exception {
    KeyPair pair = Ed25519.fromSeed(HEX.parseHex(seed));
    assertThat(HEX.formatHex(Ed25519.rawPublicKey(pair.getPublic()))).isEqualTo(publicKey);
    assertThat(HEX.formatHex(Ed25519.seed(pair))).isEqualTo(seed);
    byte[] msg = message == null ? new byte[0] : HEX.parseHex(message);
    assertThat(HEX.formatHex(Ed25519.sign(pair.getPrivate(), msg))).isEqualTo(signature);
    assertThat(Ed25519.verify(Ed25519.publicKey(HEX.parseHex(publicKey)), msg, HEX.parseHex(signature))).isTrue();
  }

  /** The example key and note of golang.org/x/mod/sumdb/note, so our key format interoperates. */
  @Test
  void goNoteExampleKeyAndSignature() throws VerificationException {
    NoteSigner signer = NoteSigner.parse("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
    assertThat(signer.verifier().format()).isEqualTo("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    String text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    String note = text + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    NoteVerifier verifier = NoteVerifier.parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    verifier.verify(Note.parse(note));
    assertThat(signer.sign(text).format()).isEqualTo(note);
  }

  @Test
  void signVerifyRoundTripAndTampering() throws VerificationException {
    NoteSigner signer = NoteSigner.generate("accord.test/log", new SecureRandom());
    NoteSigner again = NoteSigner.parse(signer.format());
    assertThat(again.verifier()).isEqualTo(signer.verifier());
    Note note = Note.parse(signer.sign("accord.test/log\n3\n" + MerkleLog.EMPTY_ROOT.base64() + "\n").format());
    NoteVerifier verifier = NoteVerifier.parse(signer.verifier().format());
    verifier.verify(note);

    Note changed = new Note(note.text().replace("\n3\n", "\n4\n"), note.signatures());
    assertThatThrownBy(() -> verifier.verify(changed))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("does not verify");

    NoteSigner other = NoteSigner.generate("accord.test/log", new SecureRandom());
    assertThatThrownBy(() -> other.verifier().verify(note))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("another ID");
    NoteSigner renamed = NoteSigner.generate("elsewhere/log", new SecureRandom());
    assertThatThrownBy(() -> renamed.verifier().verify(note))
        .isInstanceOf(VerificationException.class)
        .hasMessageContaining("wrong key name")
        .hasMessageContaining("accord.test/log+");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "a\\n3|does not end with a newline",
    "a\\n3\\nroot\\n|no blank line",
    "a\\n\\n|no signature lines",
    "a\\n\\n- name AAAAAAA=\\n|em dash",
    "a\\n\\n\u2014 name\\n|no signature",
    "a\\n\\n\u2014 na+me AAAAAAA=\\n|contains a space or '+'",
    "a\\n\\n\u2014 name ***\\n|not valid base64",
    "a\\n\\n\u2014 name AAAA\\n|too short",
    "a\u0007\\n\\n\u2014 name AAAAAAA=\\n|control character U+0007 on line 1",
  })
  void malformedNotesAreNamed(String note, String reason) {
    String text = note.replace("\\n", "\n");
    assertThatThrownBy(() -> Note.parse(text)).isInstanceOf(VerificationException.class).satisfies(e ->
        assertThat(((VerificationException) e).describe()).contains(reason));
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] bytes = "a\n\n\u2014 name AAAAAAA=\n".getBytes(StandardCharsets.UTF_8);
    bytes[0] = (byte) 0xC3;
    assertThatThrownBy(() -> Note.parse(bytes)).hasMessageContaining("UTF-8");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "example.com/log+33d7b496|form",
    "example.com/log+33D7B496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx|hex digits",
    "example.com/log/testdata+00000000+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx|does not match",
    "example.com/log/testdata+33d7b496+AuHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCFkkSx|not an Ed25519 key",
    "example.com/log/testdata+33d7b496+AeHTu4Q3hEIMHNqc6fASMsq3rKNx280NI+oO5xCF|key bytes",
  })
  void malformedVerifierKeysAreNamed(String vkey, String reason) {
    assertThatThrownBy(() -> NoteVerifier.parse(vkey)).isInstanceOf(VerificationException.class).hasMessageContaining(reason);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "o\\n5\\n|needs an origin",
    "o\\n05\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\\n|leading zeroes",
    "o\\n-1\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\\n|not a decimal",
    "o\\n99999999999999999999\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\\n|too large",
    "o\\n5\\nnot-base64!\\n|not valid base64",
    "o\\n5\\nAAAA\\n|not 32",
    "o\\n5\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\\n\\n|line 4 is empty",
    "o\\n5\\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=|newline",
  })
  void malformedCheckpointsAreNamed(String text, String reason) {
    assertThatThrownBy(() -> Checkpoint.parse(text.replace("\\n", "\n"))).isInstanceOf(VerificationException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void checkpointRoundTrip() throws VerificationException {
    Checkpoint checkpoint = new Checkpoint("example.com/log", 1234, MerkleLog.EMPTY_ROOT);
    assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
    assertThatCode(() -> Checkpoint.parse("o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\next\n")).doesNotThrowAnyException();
  }
}
