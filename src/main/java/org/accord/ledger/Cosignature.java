package org.accord.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A C2SP {@code cosignature/v1}: a witness's timestamped Ed25519 signature over a checkpoint [1].
 *
 * <p>On a note signature line it is {@code — <witness name> base64(key ID ‖ timestamp ‖ signature)}:
 * a 4-byte key ID (SHA-256 of the name, a newline, the type byte {@code 0x04} and the public key), an
 * 8-byte big-endian POSIX timestamp and a 64-byte Ed25519 signature over {@link #message}: the line
 * {@code cosignature/v1}, the line {@code time <timestamp>}, then the whole checkpoint note body
 * (extension lines included, signatures excluded).
 *
 * <p>Immutable and thread-safe.
 *
 * <p>[1] C2SP tlog-cosignature, https://c2sp.org/tlog-cosignature, "Format" and "Ed25519 signed message".
 *
 * @param keyName the cosigner's name
 * @param keyId the key ID
 * @param timestamp seconds since the epoch, at most 2^63-1
 * @param signature the 64-byte Ed25519 signature
 */
public record Cosignature(String keyName, int keyId, long timestamp, byte[] signature) {
  /** The signature type byte of Ed25519 cosignatures in vkeys and key IDs. */
  public static final byte TYPE = 0x04;
  /** The header line of the signed message, without its newline. */
  public static final String HEADER = "cosignature/v1";
  private static final int BLOB = 8 + Ed25519.SIGNATURE_SIZE;

  public Cosignature {
    Objects.requireNonNull(keyName, "keyName");
    signature = signature.clone();
    if (timestamp < 0) {
      throw new IllegalArgumentException("a cosignature timestamp is at most 2^63-1");
    }
    if (signature.length != Ed25519.SIGNATURE_SIZE) {
      throw new IllegalArgumentException("an Ed25519 cosignature is 64 bytes, not " + signature.length);
    }
  }

  /** A copy of the signature bytes. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The message a cosigner signs for {@code noteText} (the checkpoint body, ending in a newline) at {@code timestamp}. */
  public static byte[] message(long timestamp, String noteText) {
    return (HEADER + "\ntime " + Long.toUnsignedString(timestamp) + "\n" + noteText).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The cosignature a note signature line carries, if it has the shape of one (76 bytes after the key
   * ID, a timestamp below 2^63); whether it verifies is {@link CosignatureVerifier}'s question.
   */
  public static Optional<Cosignature> of(NoteSignature line) {
    byte[] blob = line.signature();
    if (blob.length != BLOB) {
      return Optional.empty();
    }
    long timestamp = ByteBuffer.wrap(blob, 0, 8).getLong();
    if (timestamp < 0) {
      return Optional.empty();
    }
    return Optional.of(new Cosignature(line.keyName(), line.keyId(), timestamp, Arrays.copyOfRange(blob, 8, BLOB)));
  }

  /** This cosignature as a note signature. */
  public NoteSignature noteSignature() {
    return new NoteSignature(keyName, keyId, ByteBuffer.allocate(BLOB).putLong(timestamp).put(signature).array());
  }

  /** The signature line, {@code — name base64}, without its newline. */
  public String line() {
    return noteSignature().line();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cosignature that
        && keyName.equals(that.keyName) && keyId == that.keyId && timestamp == that.timestamp
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyName, keyId, timestamp, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "Cosignature[" + keyName + "+" + String.format("%08x", keyId) + " at " + timestamp + "]";
  }
}
