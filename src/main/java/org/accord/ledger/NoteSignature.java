package org.accord.ledger;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a signed note: {@code — <key name> base64(key ID ‖ signature)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param keyName the key name, non-empty, without spaces or {@code +}
 * @param keyId the 32-bit key ID
 * @param signature the signature bytes after the key ID
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {
  public NoteSignature {
    Objects.requireNonNull(keyName, "keyName");
    Objects.requireNonNull(signature, "signature");
    signature = signature.clone();
  }

  /** A copy of the signature bytes. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The key ID as eight lower-case hex digits, as verifier keys write it. */
  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  /** The signature line without its newline. */
  public String line() {
    byte[] blob = new byte[4 + signature.length];
    blob[0] = (byte) (keyId >>> 24);
    blob[1] = (byte) (keyId >>> 16);
    blob[2] = (byte) (keyId >>> 8);
    blob[3] = (byte) keyId;
    System.arraycopy(signature, 0, blob, 4, signature.length);
    return Note.SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(blob);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoteSignature that
        && keyName.equals(that.keyName)
        && keyId == that.keyId
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "NoteSignature[" + keyName + "+" + keyIdHex() + "]";
  }
}
