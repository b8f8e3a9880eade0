package org.accord.ledger;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An Ed25519 signed-note signer: the log's private key. Its text form is the one Go's {@code
 * golang.org/x/mod/sumdb/note} uses, {@code PRIVATE+KEY+<name>+<key ID hex>+<base64(0x01 ‖ seed)>},
 * so keys move between Accord and other tlog tooling.
 *
 * <p>Immutable and thread-safe. Holds secret material: {@link #toString()} does not print it.
 */
public final class NoteSigner {
  private static final String PREFIX = "PRIVATE+KEY+";

  private final String name;
  private final byte[] seed;
  private final KeyPair keys;
  private final NoteVerifier verifier;

  private NoteSigner(String name, byte[] seed) {
    this.name = name;
    this.seed = seed.clone();
    this.keys = Ed25519.fromSeed(seed);
    try {
      this.verifier = new NoteVerifier(name, Ed25519.rawPublicKey(keys.getPublic()));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("derived an invalid Ed25519 key", e);
    }
  }

  /**
   * A new key named {@code name}.
   *
   * @throws IllegalArgumentException if the name is empty or contains a space or {@code +}
   */
  public static NoteSigner generate(String name, SecureRandom random) {
    checkName(name);
    byte[] seed = new byte[Ed25519.KEY_SIZE];
    random.nextBytes(seed);
    return new NoteSigner(name, seed);
  }

  /** The signer for a key name and a 32-byte Ed25519 seed. */
  public static NoteSigner fromSeed(String name, byte[] seed) {
    checkName(name);
    return new NoteSigner(name, seed);
  }

  /**
   * Parses the text form {@code PRIVATE+KEY+name+id+base64}.
   *
   * @throws IllegalArgumentException naming what is malformed (never echoing the secret)
   */
  public static NoteSigner parse(String text) {
    Objects.requireNonNull(text, "text");
    String key = text.strip();
    if (!key.startsWith(PREFIX)) {
      throw new IllegalArgumentException("signer key does not start with PRIVATE+KEY+");
    }
    String[] parts = key.substring(PREFIX.length()).split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("signer key must have the form PRIVATE+KEY+<name>+<key id>+<base64 key>");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("signer key for '" + parts[0] + "' is not valid base64");
    }
    if (blob.length != 1 + Ed25519.KEY_SIZE || blob[0] != NoteVerifier.ED25519) {
      throw new IllegalArgumentException("signer key for '" + parts[0] + "' is not a 32-byte Ed25519 seed");
    }
    byte[] seed = new byte[Ed25519.KEY_SIZE];
    System.arraycopy(blob, 1, seed, 0, seed.length);
    NoteSigner signer = fromSeed(parts[0], seed);
    if (!signer.verifier.keyIdHex().equals(parts[1])) {
      throw new IllegalArgumentException(
          "signer key ID " + parts[1] + " does not match its name and key (expected " + signer.verifier.keyIdHex() + ")");
    }
    return signer;
  }

  private static void checkName(String name) {
    try {
      Note.checkKeyName(Objects.requireNonNull(name, "name"), "key name");
    } catch (VerificationException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** The key name. */
  public String name() {
    return name;
  }

  /** The matching verifier key. */
  public NoteVerifier verifier() {
    return verifier;
  }

  /** The text form, {@code PRIVATE+KEY+...}: secret, store it readable by its owner only. */
  public String format() {
    byte[] blob = new byte[1 + seed.length];
    blob[0] = NoteVerifier.ED25519;
    System.arraycopy(seed, 0, blob, 1, seed.length);
    return PREFIX + name + "+" + verifier.keyIdHex() + "+" + Base64.getEncoder().encodeToString(blob);
  }

  /**
   * Signs a note text.
   *
   * @throws IllegalArgumentException if the text does not end with a newline
   */
  public Note sign(String text) {
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("a note text ends with a newline");
    }
    byte[] signature = Ed25519.sign(keys.getPrivate(), text.getBytes(StandardCharsets.UTF_8));
    return new Note(text, List.of(new NoteSignature(name, verifier.keyId(), signature)));
  }

  @Override
  public String toString() {
    return "NoteSigner[" + name + "+" + verifier.keyIdHex() + "]";
  }
}
