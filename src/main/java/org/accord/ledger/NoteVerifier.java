package org.accord.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An Ed25519 signed-note verifier key, {@code <name>+<key ID hex>+<base64(0x01 ‖ public key)>}, and
 * the check that a note carries a valid signature by it.
 *
 * <p>The key ID is the first four bytes of {@code SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)} [1]; a
 * verifier key whose ID does not match its name and key is refused. Following the spec, a note
 * verifies when a signature with this key's name <em>and</em> ID verifies; signatures by other keys
 * are ignored; a signature with this name and ID that fails rejects the note.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>[1] C2SP signed-note, https://c2sp.org/signed-note, "Signatures" and "Ed25519 signatures".
 */
public final class NoteVerifier {
  /** The signature type byte of Ed25519 in signed notes. */
  public static final byte ED25519 = 0x01;

  private final String name;
  private final int keyId;
  private final byte[] rawKey;
  private final PublicKey publicKey;

  NoteVerifier(String name, byte[] rawKey) throws InvalidKeyException {
    this.name = name;
    this.rawKey = rawKey.clone();
    this.publicKey = Ed25519.publicKey(rawKey);
    this.keyId = keyId(name, rawKey);
  }

  /**
   * Parses a verifier key such as {@code example.com/log+33d7b496+AeHTu4Q3...}.
   *
   * @throws VerificationException naming the part that is malformed
   */
  public static NoteVerifier parse(String vkey) throws VerificationException {
    Objects.requireNonNull(vkey, "vkey");
    String[] parts = vkey.strip().split("\\+", 3);
    if (parts.length != 3) {
      throw new VerificationException(
          "verifier key must have the form <name>+<key id>+<base64 key>, not '" + abbreviate(vkey) + "'");
    }
    String name = parts[0];
    Note.checkKeyName(name, "verifier key");
    if (!parts[1].matches("[0-9a-f]{8}")) {
      throw new VerificationException("verifier key ID '" + parts[1] + "' is not eight lower-case hex digits");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new VerificationException("verifier key for '" + name + "' is not valid base64");
    }
    if (blob.length == 0 || blob[0] != ED25519) {
      throw new VerificationException(
          "verifier key for '" + name + "' is not an Ed25519 key (type byte "
              + (blob.length == 0 ? "missing" : String.format("0x%02x", blob[0])) + ", expected 0x01)");
    }
    if (blob.length != 1 + Ed25519.KEY_SIZE) {
      throw new VerificationException(
          "verifier key for '" + name + "' has " + (blob.length - 1) + " key bytes, not 32");
    }
    NoteVerifier verifier;
    try {
      verifier = new NoteVerifier(name, Arrays.copyOfRange(blob, 1, blob.length));
    } catch (InvalidKeyException e) {
      throw new VerificationException("verifier key for '" + name + "' is not a valid Ed25519 key: " + e.getMessage());
    }
    int declared = (int) Long.parseLong(parts[1], 16);
    if (declared != verifier.keyId) {
      throw new VerificationException(
          "verifier key ID " + parts[1] + " does not match its name and key (expected " + verifier.keyIdHex() + ")");
    }
    return verifier;
  }

  /**
   * The verifier for a log's raw 32-byte Ed25519 public key under key name {@code name}, such as a
   * Sigsum log's key named {@code sigsum.org/v1/tree/<hex SHA-256 of the key>}.
   *
   * @throws VerificationException if the name cannot name a key or the key is not an Ed25519 key
   */
  public static NoteVerifier ed25519(String name, byte[] rawKey) throws VerificationException {
    Note.checkKeyName(Objects.requireNonNull(name, "name"), "verifier key");
    try {
      return new NoteVerifier(name, rawKey);
    } catch (InvalidKeyException e) {
      throw new VerificationException("verifier key for '" + name + "' is not a valid Ed25519 key: " + e.getMessage());
    }
  }

  /** The key ID for an Ed25519 key: the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key). */
  static int keyId(String name, byte[] rawKey) {
    return keyId(name, ED25519, rawKey);
  }

  /** The key ID of a key of signature type {@code type}: the first four bytes of SHA-256(name ‖ 0x0A ‖ type ‖ key). */
  static int keyId(String name, byte type, byte[] rawKey) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] material = new byte[nameBytes.length + 2 + rawKey.length];
    System.arraycopy(nameBytes, 0, material, 0, nameBytes.length);
    material[nameBytes.length] = '\n';
    material[nameBytes.length + 1] = type;
    System.arraycopy(rawKey, 0, material, nameBytes.length + 2, rawKey.length);
    return ByteBuffer.wrap(Sha256.digest(material)).getInt();
  }

  /** The key name, which for a log is its origin. */
  public String name() {
    return name;
  }

  /** The 32-bit key ID. */
  public int keyId() {
    return keyId;
  }

  /** The key ID as eight lower-case hex digits. */
  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  /** The raw 32-byte Ed25519 public key. */
  public byte[] publicKey() {
    return rawKey.clone();
  }

  /** The verifier key in its text form, {@code name+id+base64}. */
  public String format() {
    byte[] blob = new byte[1 + rawKey.length];
    blob[0] = ED25519;
    System.arraycopy(rawKey, 0, blob, 1, rawKey.length);
    return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(blob);
  }

  /**
   * Checks that {@code note} carries a valid signature by this key.
   *
   * @throws VerificationException if no signature has this key's name and ID (the message lists the
   *     keys that did sign), or if one that does fails to verify
   */
  public void verify(Note note) throws VerificationException {
    byte[] message = note.text().getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    for (NoteSignature signature : note.signatures()) {
      if (!signature.keyName().equals(name) || signature.keyId() != keyId) {
        continue;
      }
      found = true;
      if (!Ed25519.verify(publicKey, message, signature.signature())) {
        throw new VerificationException(
            "signature by key " + name + "+" + keyIdHex() + " does not verify: the note was changed or signed by another key");
      }
    }
    if (!found) {
      List<NoteSignature> signatures = note.signatures();
      String signers = signatures.stream().map(s -> s.keyName() + "+" + s.keyIdHex()).collect(Collectors.joining(", "));
      boolean sameName = signatures.stream().anyMatch(s -> s.keyName().equals(name));
      throw new VerificationException(
          "note has no signature by key " + name + "+" + keyIdHex()
              + (sameName ? " (a key of that name but another ID signed it)" : " (wrong key name)")
              + "; it is signed by " + signers);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NoteVerifier that && name.equals(that.name) && Arrays.equals(rawKey, that.rawKey);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(rawKey);
  }

  @Override
  public String toString() {
    return format();
  }

  private static String abbreviate(String text) {
    String oneLine = text.strip().replace('\n', ' ');
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
