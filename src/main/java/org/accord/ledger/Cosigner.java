package org.accord.ledger;

import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A witness's private key for {@code cosignature/v1}. Its text form is {@code
 * PRIVATE+KEY+<name>+<key ID hex>+<base64(0x04 ‖ seed)>}, the signed-note private key form with the
 * cosignature type byte, so it cannot be mistaken for (or used as) a log key [1].
 *
 * <p>Immutable and thread-safe. Holds secret material: {@link #toString()} does not print it.
 *
 * <p>[1] C2SP tlog-cosignature, https://c2sp.org/tlog-cosignature: an Ed25519 cosigner key must not be
 * shared with another cosigner or used for anything else.
 */
public final class Cosigner {
  private static final String PREFIX = "PRIVATE+KEY+";

  private final String name;
  private final byte[] seed;
  private final KeyPair keys;
  private final CosignatureVerifier verifier;

  private Cosigner(String name, byte[] seed) {
    this.name = name;
    this.seed = seed.clone();
    this.keys = Ed25519.fromSeed(seed);
    try {
      this.verifier = new CosignatureVerifier(name, Ed25519.rawPublicKey(keys.getPublic()));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("derived an invalid Ed25519 key", e);
    }
  }

  /**
   * A new key named {@code name}.
   *
   * @throws IllegalArgumentException if the name is empty or contains a space or {@code +}
   */
  public static Cosigner generate(String name, SecureRandom random) {
    checkName(name);
    byte[] seed = new byte[Ed25519.KEY_SIZE];
    random.nextBytes(seed);
    return new Cosigner(name, seed);
  }

  /** The cosigner for a name and a 32-byte Ed25519 seed. */
  public static Cosigner fromSeed(String name, byte[] seed) {
    checkName(name);
    return new Cosigner(name, seed);
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException naming what is malformed (never echoing the secret)
   */
  public static Cosigner parse(String text) {
    String key = Objects.requireNonNull(text, "text").strip();
    if (!key.startsWith(PREFIX)) {
      throw new IllegalArgumentException("witness key does not start with PRIVATE+KEY+");
    }
    String[] parts = key.substring(PREFIX.length()).split("\\+", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("witness key must have the form PRIVATE+KEY+<name>+<key id>+<base64 key>");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("witness key for '" + parts[0] + "' is not valid base64");
    }
    if (blob.length != 1 + Ed25519.KEY_SIZE || blob[0] != Cosignature.TYPE) {
      throw new IllegalArgumentException("witness key for '" + parts[0] + "' is not a 32-byte cosignature/v1 seed");
    }
    byte[] seed = java.util.Arrays.copyOfRange(blob, 1, blob.length);
    Cosigner cosigner = fromSeed(parts[0], seed);
    if (!cosigner.verifier.keyIdHex().equals(parts[1])) {
      throw new IllegalArgumentException("witness key ID " + parts[1] + " does not match its name and key");
    }
    return cosigner;
  }

  private static void checkName(String name) {
    try {
      Note.checkKeyName(Objects.requireNonNull(name, "name"), "witness name");
    } catch (VerificationException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** The witness name. */
  public String name() {
    return name;
  }

  /** The public key, as clients configure it. */
  public CosignatureVerifier verifier() {
    return verifier;
  }

  /** The secret text form; store it readable by its owner only. */
  public String format() {
    byte[] blob = new byte[1 + seed.length];
    blob[0] = Cosignature.TYPE;
    System.arraycopy(seed, 0, blob, 1, seed.length);
    return PREFIX + name + "+" + verifier.keyIdHex() + "+" + Base64.getEncoder().encodeToString(blob);
  }

  /**
   * Cosigns a checkpoint note body at {@code timestamp} (POSIX seconds).
   *
   * @throws IllegalArgumentException if the text does not end with a newline or the timestamp is negative
   */
  public Cosignature cosign(String noteText, long timestamp) {
    if (!noteText.endsWith("\n")) {
      throw new IllegalArgumentException("a note text ends with a newline");
    }
    if (timestamp < 0) {
      throw new IllegalArgumentException("a cosignature timestamp is not negative");
    }
    byte[] signature = Ed25519.sign(keys.getPrivate(), Cosignature.message(timestamp, noteText));
    return new Cosignature(name, verifier.keyId(), timestamp, signature);
  }

  @Override
  public String toString() {
    return "Cosigner[" + name + "+" + verifier.keyIdHex() + "]";
  }
}
