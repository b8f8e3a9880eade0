package org.accord.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP tlog-proof: an offline-verifiable proof that an entry is in a log, made of optional extra
 * data, the entry's index, its inclusion proof and the checkpoint it proves against [1].
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra eyJkYXRhIjp7fSwic3ViamVjdCI6...
 * index 7
 * gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
 * B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
 *
 * example.com/log
 * 109482
 * sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=
 *
 * — example.com/log hI2DJw...
 * </pre>
 *
 * <p>Accord puts the log entry itself in the {@code extra} line, which is what the spec means it for
 * ("additional data necessary to reconstruct the record hash"), so that a receipt verifies with no
 * other input. The extra data is not authenticated by the proof format; it is authenticated because
 * its leaf hash must verify against the signed checkpoint.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>[1] C2SP tlog-proof, https://c2sp.org/tlog-proof.
 *
 * @param extra the extra data; empty when there is none
 * @param index the entry's index
 * @param proof the inclusion proof, from the leaf's sibling up
 * @param checkpoint the signed checkpoint note, verbatim
 */
public record TlogProof(byte[] extra, long index, List<Hash> proof, String checkpoint) {
  /** The first line of every tlog-proof. */
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  public TlogProof {
    Objects.requireNonNull(extra, "extra");
    Objects.requireNonNull(checkpoint, "checkpoint");
    extra = extra.clone();
    proof = List.copyOf(proof);
    if (index < 0) {
      throw new IllegalArgumentException("index " + index + " is negative");
    }
  }

  /** A copy of the extra data. */
  @Override
  public byte[] extra() {
    return extra.clone();
  }

  /** The proof as text. */
  public String format() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    if (extra.length > 0) {
      out.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
    }
    out.append("index ").append(index).append('\n');
    for (Hash hash : proof) {
      out.append(hash.base64()).append('\n');
    }
    return out.append('\n').append(checkpoint).toString();
  }

  /**
   * Parses a tlog-proof.
   *
   * @throws VerificationException naming the line that is malformed
   */
  public static TlogProof parse(String text) throws VerificationException {
    String[] lines = text.split("\n", -1);
    int at = 0;
    if (!lines[at].equals(HEADER)) {
      throw new VerificationException("tlog-proof does not start with '" + HEADER + "'", "line 1");
    }
    at++;
    byte[] extra = new byte[0];
    if (at < lines.length && lines[at].startsWith("extra ")) {
      try {
        extra = Base64.getDecoder().decode(lines[at].substring("extra ".length()));
      } catch (IllegalArgumentException e) {
        throw new VerificationException("tlog-proof extra data is not valid base64", "line " + (at + 1));
      }
      at++;
    }
    if (at >= lines.length || !lines[at].startsWith("index ")) {
      throw new VerificationException("tlog-proof has no 'index' line", "line " + (at + 1));
    }
    String indexText = lines[at].substring("index ".length());
    if (indexText.isEmpty() || !indexText.chars().allMatch(c -> c >= '0' && c <= '9')
        || (indexText.length() > 1 && indexText.charAt(0) == '0')) {
      throw new VerificationException("tlog-proof index '" + indexText + "' is not a decimal without leading zeroes", "line " + (at + 1));
    }
    long index;
    try {
      index = Long.parseLong(indexText);
    } catch (NumberFormatException e) {
      throw new VerificationException("tlog-proof index '" + indexText + "' is too large", "line " + (at + 1));
    }
    at++;
    List<Hash> proof = new ArrayList<>();
    while (at < lines.length && !lines[at].isEmpty()) {
      try {
        proof.add(Hash.fromBase64(lines[at]));
      } catch (IllegalArgumentException e) {
        throw new VerificationException("tlog-proof hash is malformed: " + e.getMessage(), "line " + (at + 1));
      }
      at++;
    }
    if (at >= lines.length) {
      throw new VerificationException("tlog-proof has no blank line before its checkpoint");
    }
    at++;
    String checkpoint = String.join("\n", Arrays.asList(lines).subList(at, lines.length));
    if (checkpoint.isEmpty()) {
      throw new VerificationException("tlog-proof has no checkpoint after the blank line");
    }
    return new TlogProof(extra, index, proof, checkpoint);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TlogProof that
        && Arrays.equals(extra, that.extra)
        && index == that.index
        && proof.equals(that.proof)
        && checkpoint.equals(that.checkpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(extra), index, proof, checkpoint);
  }

  @Override
  public String toString() {
    return "TlogProof[index=" + index + ", " + proof.size() + " hashes]";
  }
}
