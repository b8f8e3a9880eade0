package org.accord.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every append returns: the entry's index, the entry, its inclusion proof and the signed
 * checkpoint it proves against, plus, for a private event, the salt and event that open its
 * commitment.
 *
 * <p>Two forms: {@link #tlogProof()} is the public C2SP tlog-proof with the entry in its {@code extra}
 * line; {@link #toJson()} wraps that proof with the index, the leaf hash, the event as JSON and, for
 * a private event, the salt. The JSON form of a private event's receipt is a secret until the event is
 * published. {@link #parse} reads either form.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the entry's index in the log
 * @param entry the log entry: an event, or for a private event its commitment
 * @param proof the inclusion proof of the entry in the checkpoint's tree
 * @param checkpoint the signed checkpoint note, verbatim
 * @param reveal for a private event, the salt and the event; empty otherwise
 */
public record Receipt(long index, byte[] entry, List<Hash> proof, String checkpoint, Optional<Reveal> reveal) {

  /**
   * The secret half of a private event's receipt.
   *
   * @param salt the 32-byte salt
   * @param event the event's canonical entry bytes
   */
  public record Reveal(byte[] salt, byte[] event) {
    public Reveal {
      salt = salt.clone();
      event = event.clone();
    }

    @Override
    public byte[] salt() {
      return salt.clone();
    }

    @Override
    public byte[] event() {
      return event.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Reveal that && Arrays.equals(salt, that.salt) && Arrays.equals(event, that.event);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(salt) + Arrays.hashCode(event);
    }

    @Override
    public String toString() {
      return "Reveal[secret]";
    }
  }

  public Receipt {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(reveal, "reveal");
    entry = entry.clone();
    proof = List.copyOf(proof);
  }

  /** A copy of the entry bytes. */
  @Override
  public byte[] entry() {
    return entry.clone();
  }

  /** The entry's RFC 9162 leaf hash. */
  public Hash leafHash() {
    return MerkleLog.leafHash(entry);
  }

  /** The event: the entry itself for a public event, the revealed event for a private one. */
  public byte[] eventBytes() {
    return reveal.map(Reveal::event).orElse(entry.clone());
  }

  /** The C2SP tlog-proof, with the entry as its extra data. */
  public TlogProof tlogProof() {
    return new TlogProof(entry, index, proof, checkpoint);
  }

  /** The JSON form: {@code event}, {@code index}, {@code leaf_hash}, {@code salt} (private only), {@code tlog_proof}. */
  public String toJson() {
    Map<String, Object> members = new LinkedHashMap<>();
    parseEvent(eventBytes()).ifPresent(event -> members.put("event", event));
    members.put("index", index);
    members.put("leaf_hash", leafHash().hex());
    reveal.ifPresent(secret -> members.put("salt", Base64.getEncoder().encodeToString(secret.salt())));
    members.put("tlog_proof", tlogProof().format());
    return CanonicalJson.string(members);
  }

  /**
   * Reads a receipt in either form. A tlog-proof must carry the entry in its extra line.
   *
   * @throws VerificationException naming what is malformed or inconsistent
   */
  public static Receipt parse(String text) throws VerificationException {
    if (!text.stripLeading().startsWith("{")) {
      TlogProof proof = TlogProof.parse(text);
      if (proof.extra().length == 0) {
        throw new VerificationException("tlog-proof has no 'extra' line carrying the log entry, so there is nothing to verify it for");
      }
      return new Receipt(proof.index(), proof.extra(), proof.proof(), proof.checkpoint(), Optional.empty());
    }
    Object parsed;
    try {
      parsed = CanonicalJson.parse(text);
    } catch (IllegalArgumentException e) {
      throw new VerificationException("receipt is not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> map) || !(map.get("tlog_proof") instanceof String proofText)) {
      throw new VerificationException("receipt JSON has no \"tlog_proof\" string");
    }
    TlogProof proof = TlogProof.parse(proofText);
    if (proof.extra().length == 0) {
      throw new VerificationException("receipt's tlog-proof has no 'extra' line carrying the log entry");
    }
    if (map.get("index") instanceof BigDecimal index && index.compareTo(BigDecimal.valueOf(proof.index())) != 0) {
      throw new VerificationException("receipt index " + index + " differs from its tlog-proof's index " + proof.index());
    }
    Optional<Reveal> reveal = Optional.empty();
    if (map.containsKey("salt")) {
      if (!(map.get("salt") instanceof String saltText) || !(map.get("event") instanceof Map<?, ?> event)) {
        throw new VerificationException("receipt has a \"salt\" but no \"event\" object to reveal");
      }
      byte[] salt;
      try {
        salt = Base64.getDecoder().decode(saltText);
      } catch (IllegalArgumentException e) {
        throw new VerificationException("receipt salt is not valid base64");
      }
      reveal = Optional.of(new Reveal(salt, CanonicalJson.bytes(event)));
    } else if (map.get("event") instanceof Map<?, ?> event && !Arrays.equals(CanonicalJson.bytes(event), proof.extra())) {
      throw new VerificationException("receipt's \"event\" is not the entry its tlog-proof carries");
    }
    return new Receipt(proof.index(), proof.extra(), proof.proof(), proof.checkpoint(), reveal);
  }

  private static Optional<Object> parseEvent(byte[] bytes) {
    try {
      Object parsed = CanonicalJson.parse(new String(bytes, StandardCharsets.UTF_8));
      return parsed instanceof Map ? Optional.of(parsed) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Receipt that
        && index == that.index
        && Arrays.equals(entry, that.entry)
        && proof.equals(that.proof)
        && checkpoint.equals(that.checkpoint)
        && reveal.equals(that.reveal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, Arrays.hashCode(entry), proof, checkpoint, reveal);
  }

  @Override
  public String toString() {
    return "Receipt[index=" + index + (reveal.isPresent() ? ", private" : "") + "]";
  }
}
