package org.accord.ledger;

import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A witness's public key for {@code cosignature/v1}, as a vkey {@code <name>+<key ID hex>+<base64(0x04 ‖
 * public key)>} [1], and the check that a note carries a valid cosignature by it.
 *
 * <p>Following the spec, lines by other keys are ignored, and so is a line with this name and key ID
 * that does not verify: a client counts only the cosignatures that do.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>[1] C2SP tlog-cosignature, https://c2sp.org/tlog-cosignature, "Format"; C2SP signed-note, "Verifier keys".
 */
public final class CosignatureVerifier {
  private final String name;
  private final byte[] rawKey;
  private final PublicKey publicKey;
  private final int keyId;

  CosignatureVerifier(String name, byte[] rawKey) throws InvalidKeyException {
    this.name = name;
    this.rawKey = rawKey.clone();
    this.publicKey = Ed25519.publicKey(rawKey);
    this.keyId = NoteVerifier.keyId(name, Cosignature.TYPE, rawKey);
  }

  /**
   * Parses a cosigner vkey.
   *
   * @throws VerificationException naming the part that is malformed, or a key ID that does not match
   */
  public static CosignatureVerifier parse(String vkey) throws VerificationException {
    Objects.requireNonNull(vkey, "vkey");
    String[] parts = vkey.strip().split("\\+", 3);
    if (parts.length != 3) {
      throw new VerificationException("witness key must have the form <name>+<key id>+<base64 key>");
    }
    Note.checkKeyName(parts[0], "witness key");
    if (!parts[1].matches("[0-9a-f]{8}")) {
      throw new VerificationException("witness key ID '" + parts[1] + "' is not eight lower-case hex digits");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new VerificationException("witness key for '" + parts[0] + "' is not valid base64");
    }
    if (blob.length != 1 + Ed25519.KEY_SIZE || blob[0] != Cosignature.TYPE) {
      throw new VerificationException(
          "witness key for '" + parts[0] + "' is not a cosignature/v1 key (type byte 0x04 and 32 key bytes)");
    }
    CosignatureVerifier verifier;
    try {
      verifier = new CosignatureVerifier(parts[0], Arrays.copyOfRange(blob, 1, blob.length));
    } catch (InvalidKeyException e) {
      throw new VerificationException("witness key for '" + parts[0] + "' is not a valid Ed25519 key");
    }
    if (!verifier.keyIdHex().equals(parts[1])) {
      throw new VerificationException(
          "witness key ID " + parts[1] + " does not match its name and key (expected " + verifier.keyIdHex() + ")");
    }
    return verifier;
  }

  /** The witness's name. */
  public String name() {
    return name;
  }

  /** The 32-bit key ID: SHA-256(name ‖ 0x0A ‖ 0x04 ‖ key)[:4]. */
  public int keyId() {
    return keyId;
  }

  /** The key ID as eight lower-case hex digits. */
  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  /** The raw 32-byte public key. */
  public byte[] publicKey() {
    return rawKey.clone();
  }

  /** The vkey text. */
  public String format() {
    byte[] blob = new byte[1 + rawKey.length];
    blob[0] = Cosignature.TYPE;
    System.arraycopy(rawKey, 0, blob, 1, rawKey.length);
    return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(blob);
  }

  /** Whether {@code cosignature} is by this key and verifies over {@code noteText}. */
  public boolean verifies(Cosignature cosignature, String noteText) {
    return cosignature.keyName().equals(name)
        && cosignature.keyId() == keyId
        && Ed25519.verify(publicKey, Cosignature.message(cosignature.timestamp(), noteText), cosignature.signature());
  }

  /** The first valid cosignature by this key on {@code note}, if any. */
  public Optional<Cosignature> cosignature(Note note) {
    for (NoteSignature line : note.signatures()) {
      if (line.keyName().equals(name) && line.keyId() == keyId) {
        Optional<Cosignature> cosignature = Cosignature.of(line);
        if (cosignature.isPresent() && verifies(cosignature.get(), note.text())) {
          return cosignature;
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CosignatureVerifier that && name.equals(that.name) && Arrays.equals(rawKey, that.rawKey);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(rawKey);
  }

  @Override
  public String toString() {
    return format();
  }
}
