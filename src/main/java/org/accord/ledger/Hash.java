package org.accord.ledger;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 hash: exactly 32 bytes, compared by value.
 *
 * <p>Immutable and thread-safe: the constructor and {@link #bytes()} copy. Parsers throw {@link
 * IllegalArgumentException} with a message naming what was wrong; verification code turns that into a
 * {@link VerificationException} where the input came from outside.
 *
 * @param bytes the 32 hash bytes
 */
public record Hash(byte[] bytes) implements Comparable<Hash> {
  /** Length of a hash in bytes. */
  public static final int SIZE = Sha256.SIZE;

  private static final HexFormat HEX = HexFormat.of();

  public Hash {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException("a SHA-256 hash is 32 bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** Wraps a 32-byte array this package computed (records always copy, which costs little here). */
  static Hash wrap(byte[] owned) {
    return new Hash(owned);
  }

  /** SHA-256 of {@code data}. */
  public static Hash sha256(byte[] data) {
    return wrap(Sha256.digest(data));
  }

  /** Parses 64 hexadecimal digits (either case). */
  public static Hash fromHex(String hex) {
    Objects.requireNonNull(hex, "hex");
    if (hex.length() != 2 * SIZE) {
      throw new IllegalArgumentException("a SHA-256 hash is 64 hex digits, not " + hex.length() + " characters");
    }
    try {
      return wrap(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a hex hash: " + abbreviate(hex));
    }
  }

  /** Parses standard base64 (RFC 4648 §4) of 32 bytes. */
  public static Hash fromBase64(String base64) {
    Objects.requireNonNull(base64, "base64");
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not base64: " + abbreviate(base64));
    }
    if (decoded.length != SIZE) {
      throw new IllegalArgumentException("a SHA-256 hash is 32 bytes, not " + decoded.length + " (" + abbreviate(base64) + ")");
    }
    return wrap(decoded);
  }

  /** A copy of the 32 bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes without a copy, for this package's hot paths; callers must not modify them. */
  byte[] array() {
    return bytes;
  }

  /** Lower-case hexadecimal, 64 digits. */
  public String hex() {
    return HEX.formatHex(bytes);
  }

  /** Standard base64, 44 characters. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Hash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  /** The hex form. */
  @Override
  public String toString() {
    return hex();
  }

  private static String abbreviate(String text) {
    return text.length() <= 24 ? "'" + text + "'" : "'" + text.substring(0, 21) + "...'";
  }
}
