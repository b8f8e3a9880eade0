package org.accord.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Salted commitments for private events: the log holds {@code SHA-256(salt ‖ event)}, and revealing
 * the salt and the event later lets anyone check that this event, unchanged, was logged then.
 *
 * <p>The salt is 32 fresh random bytes per event, so the commitment reveals nothing about the event,
 * not even whether two private events are equal, and cannot be brute-forced from a guess of the event
 * text. The log entry is the canonical JSON {@code {"commitment":"<hex>","v":1}}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Commitment {
  /** Bytes of salt per commitment. */
  public static final int SALT_SIZE = 32;

  private Commitment() {}

  /** A fresh salt. */
  public static byte[] newSalt(SecureRandom random) {
    byte[] salt = new byte[SALT_SIZE];
    random.nextBytes(salt);
    return salt;
  }

  /** {@code SHA-256(salt ‖ event)}. */
  public static Hash of(byte[] salt, byte[] event) {
    return Hash.wrap(Sha256.digest(salt, event));
  }

  /** The log entry that holds a commitment. */
  public static byte[] entry(Hash commitment) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("commitment", commitment.hex());
    members.put("v", LedgerEvent.FORMAT_VERSION);
    return CanonicalJson.bytes(members);
  }

  /** The commitment in a log entry, or empty if the entry is not a commitment entry. */
  public static Optional<Hash> parseEntry(byte[] entry) {
    try {
      Object parsed = CanonicalJson.parse(new String(entry, StandardCharsets.UTF_8));
      if (parsed instanceof Map<?, ?> map
          && map.size() == 2
          && map.get("commitment") instanceof String hex
          && map.get("v") instanceof BigDecimal) {
        Hash hash = Hash.fromHex(hex);
        return java.util.Arrays.equals(entry(hash), entry) ? Optional.of(hash) : Optional.empty();
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Checks that a revealed salt and event open the commitment in {@code entry}.
   *
   * @throws VerificationException if the entry is not a commitment, or the reveal does not match it
   */
  public static void verify(byte[] entry, byte[] salt, byte[] event) throws VerificationException {
    Hash committed = parseEntry(entry)
        .orElseThrow(() -> new VerificationException("the log entry is not a commitment, so there is nothing to reveal"));
    if (salt.length != SALT_SIZE) {
      throw new VerificationException("the salt is " + salt.length + " bytes, not " + SALT_SIZE);
    }
    if (!of(salt, event).equals(committed)) {
      throw new VerificationException(
          "SHA-256(salt ‖ event) does not match the commitment in the log: the event or the salt is not the one committed");
    }
  }
}
