package org.accord.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The log's side of C2SP tlog-witness {@code add-checkpoint} [1], as pure functions: the request
 * {@link #body} and what a witness's answer means ({@link #read}).
 *
 * <p>A 200 carries note signature lines; the one by the witness's key must be a {@code cosignature/v1}
 * that verifies over the checkpoint text, else the answer is treated as a refusal. A 409 with {@code
 * text/x.tlog.size} names the size the witness cosigned last: resend from it. Any other 4xx (403 no
 * trusted signature, 404 unknown log, 409 a conflicting root, 422 a proof that does not verify, 400) is
 * a {@link Refused refusal}: for a checkpoint this log believes consistent, something an operator must
 * see (a misconfigured witness, or a witness that saw another history). 5xx, 429 and transport errors
 * are {@link Retry retried} after {@link #backoffMillis}.
 *
 * <p>Stateless; thread-safe.
 *
 * <p>[1] C2SP tlog-witness, https://c2sp.org/tlog-witness, "add-checkpoint".
 */
public final class WitnessSubmission {
  /** The content type of a 409 answer that names the witness's size. */
  public static final String SIZE_TYPE = "text/x.tlog.size";
  /** The longest wait between attempts at one witness. */
  public static final long MAX_BACKOFF_MILLIS = 60_000;

  private WitnessSubmission() {}

  /** What a witness's answer means. */
  public sealed interface Reply permits Cosigned, Resend, Refused, Retry {}

  /** The witness cosigned: its verified cosignature. */
  public record Cosigned(Cosignature cosignature) implements Reply {
    public Cosigned {
      Objects.requireNonNull(cosignature, "cosignature");
    }
  }

  /** The witness cosigned {@code witnessSize} last: send again from there. */
  public record Resend(long witnessSize) implements Reply {}

  /** The witness refused the checkpoint: an alert. {@code status} is the HTTP status, {@code reason} one line. */
  public record Refused(int status, String reason) implements Reply {}

  /** A passing failure (unavailable, rate-limited, unreadable): try again later. */
  public record Retry(int status, String reason) implements Reply {}

  /**
   * The request body: {@code old <size>}, the consistency proof lines, an empty line and the signed note.
   *
   * @throws IllegalArgumentException if {@code old} is negative or the proof is longer than {@link AddCheckpoint#MAX_PROOF}
   */
  public static String body(long old, List<Hash> proof, String note) {
    if (old < 0 || proof.size() > AddCheckpoint.MAX_PROOF) {
      throw new IllegalArgumentException("old size is not negative and the proof has at most " + AddCheckpoint.MAX_PROOF + " hashes");
    }
    StringBuilder body = new StringBuilder("old ").append(old).append('\n');
    for (Hash hash : proof) {
      body.append(hash.base64()).append('\n');
    }
    return body.append('\n').append(note).toString();
  }

  /**
   * Reads a witness's answer to a checkpoint whose note text is {@code noteText}.
   *
   * @param contentType the answer's content type, or null
   * @param witness the witness's key
   */
  public static Reply read(int status, String contentType, String body, String noteText, CosignatureVerifier witness) {
    String line = oneLine(body);
    if (status == 200) {
      List<NoteSignature> signatures;
      try {
        signatures = Note.parse(noteText + "\n" + body).signatures();
      } catch (VerificationException e) {
        return new Refused(status, "the witness answered 200 with no note signature lines: " + e.getMessage());
      }
      for (NoteSignature signature : signatures) {
        var cosignature = Cosignature.of(signature);
        if (cosignature.isPresent() && witness.verifies(cosignature.get(), noteText)) {
          return new Cosigned(cosignature.get());
        }
      }
      return new Refused(status, "the witness answered 200 without a valid cosignature by " + witness.name() + "+" + witness.keyIdHex());
    }
    if (status == 409 && contentType != null && contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith(SIZE_TYPE)) {
      String size = body == null ? "" : body.strip();
      if (size.matches("0|[1-9][0-9]{0,17}")) {
        return new Resend(Long.parseLong(size));
      }
      return new Retry(status, "409 with an unreadable size '" + line + "'");
    }
    if (status >= 400 && status < 500 && status != 429 && status != 408 && status != 413) {
      return new Refused(status, line.isEmpty() ? "refused with " + status : line);
    }
    return new Retry(status, line.isEmpty() ? "answered " + status : line);
  }

  /** The wait before attempt {@code failures + 1} after {@code failures} failures in a row: 1 s doubling, at most a minute. */
  public static long backoffMillis(int failures) {
    if (failures <= 0) {
      return 0;
    }
    return Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(failures - 1, 16));
  }

  /** The consistency proof a witness that cosigned {@code old} needs for {@code size}: none from 0 or at equal size. */
  public static boolean needsProof(long old, long size) {
    return old > 0 && old < size;
  }

  private static String oneLine(String body) {
    if (body == null) {
      return "";
    }
    List<String> lines = new ArrayList<>(List.of(body.strip().split("\n", 2)));
    String first = lines.isEmpty() ? "" : lines.get(0).strip();
    StringBuilder clean = new StringBuilder();
    first.codePoints().limit(300).filter(c -> c >= 0x20 && c != 0x7f).forEach(clean::appendCodePoint);
    return clean.toString();
  }
}
