package org.accord.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A C2SP tlog-witness {@code add-checkpoint} request and the witness's decision on it, as pure
 * functions: {@link #parse} reads the body, {@link #decide} compares it with what the witness trusts
 * and last cosigned [1].
 *
 * <p>The body is an {@code old <size>} line, at most {@link #MAX_PROOF} base64 consistency proof lines,
 * an empty line and a signed checkpoint note. The checks run in the spec's order, and each refusal has
 * its spec status ({@link Outcome#status()}): a body that does not parse, 400; an origin the witness
 * does not know, 404; no signature by a trusted key of that origin, 403; an old size above the
 * checkpoint's, 400; an old size other than the one last cosigned, 409 with that size; a proof that
 * does not verify (or is not empty from size 0 or at equal sizes), 422; and a checkpoint at the size
 * last cosigned with another root, 409 (a fork at the same size: the current spec's code, where an
 * older draft said 422). A decision to cosign names the state the witness must store, atomically with
 * comparing the old size ({@link State}); the edge does the compare-and-set.
 *
 * <p>Stateless; thread-safe.
 *
 * <p>[1] C2SP tlog-witness, https://c2sp.org/tlog-witness, "add-checkpoint".
 */
public final class AddCheckpoint {
  /** The most consistency proof lines a client may send. */
  public static final int MAX_PROOF = 63;

  private AddCheckpoint() {}

  /** Why a request was answered as it was, with the HTTP status the spec gives it. */
  public enum Outcome {
    COSIGNED(200),
    MALFORMED(400),
    OLD_ABOVE_SIZE(400),
    UNTRUSTED(403),
    UNKNOWN_LOG(404),
    SIZE_MISMATCH(409),
    ROOT_CONFLICT(409),
    BAD_PROOF(422);

    private final int status;

    Outcome(int status) {
      this.status = status;
    }

    /** The HTTP status code. */
    public int status() {
      return status;
    }
  }

  /**
   * A parsed request.
   *
   * @param oldSize the size the client believes the witness last cosigned
   * @param proof the consistency proof from {@code oldSize} to the checkpoint's size
   * @param note the signed checkpoint note
   * @param checkpoint the checkpoint the note's text is
   */
  public record Request(long oldSize, List<Hash> proof, Note note, Checkpoint checkpoint) {
    public Request {
      proof = List.copyOf(proof);
      Objects.requireNonNull(note, "note");
      Objects.requireNonNull(checkpoint, "checkpoint");
    }
  }

  /**
   * What the witness last cosigned for one origin: {@link #NONE} (size 0, no root) if nothing.
   *
   * @param size the tree size
   * @param root its root, empty only when nothing was cosigned
   */
  public record State(long size, Optional<Hash> root) {
    /** Nothing cosigned yet. */
    public static final State NONE = new State(0, Optional.empty());

    public State {
      Objects.requireNonNull(root, "root");
      if (size < 0 || (size > 0 && root.isEmpty())) {
        throw new IllegalArgumentException("a cosigned size is not negative and, above 0, has a root");
      }
    }
  }

  /** The answer to a request. */
  public sealed interface Decision permits Cosign, Refuse {
    Outcome outcome();
  }

  /**
   * Cosign {@code checkpoint} after storing {@code next} in place of {@code expected}.
   *
   * @param checkpoint the checkpoint to cosign
   * @param noteText the note body to cosign, verbatim
   * @param expected the state the decision was made against
   * @param next the state to store
   */
  public record Cosign(Checkpoint checkpoint, String noteText, State expected, State next) implements Decision {
    @Override
    public Outcome outcome() {
      return Outcome.COSIGNED;
    }
  }

  /**
   * Refuse, with a one-line reason; {@code witnessSize} is the size last cosigned, which a {@link
   * Outcome#SIZE_MISMATCH} answer carries as its body.
   */
  public record Refuse(Outcome outcome, String reason, long witnessSize) implements Decision {
    public Refuse {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(reason, "reason");
      if (outcome == Outcome.COSIGNED || reason.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a refusal has a refusing outcome and a one-line reason");
      }
    }
  }

  /** The refusal of a body that did not parse: 400, naming what is wrong. */
  public static Refuse malformed(VerificationException e) {
    return new Refuse(Outcome.MALFORMED, "invalid input: " + e.describe().replace('\n', ' '), 0);
  }

  /**
   * Parses a request body.
   *
   * @throws VerificationException naming the line that is malformed
   */
  public static Request parse(byte[] body) throws VerificationException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new VerificationException("request body is not valid UTF-8");
    }
    int end = text.indexOf('\n');
    if (end < 0) {
      throw new VerificationException("request has no 'old' line", "line 1");
    }
    String oldLine = text.substring(0, end);
    if (!oldLine.startsWith("old ")) {
      throw new VerificationException("request does not start with 'old <size>'", "line 1");
    }
    long oldSize = decimal(oldLine.substring(4), "old size", "line 1");
    List<Hash> proof = new ArrayList<>();
    int at = end + 1;
    int line = 2;
    while (true) {
      int next = text.indexOf('\n', at);
      if (next < 0) {
        throw new VerificationException("request has no empty line before its checkpoint", "line " + line);
      }
      String hash = text.substring(at, next);
      at = next + 1;
      if (hash.isEmpty()) {
        break;
      }
      if (proof.size() == MAX_PROOF) {
        throw new VerificationException("request has more than " + MAX_PROOF + " consistency proof lines", "line " + line);
      }
      proof.add(hash(hash, "line " + line));
      line++;
    }
    Note note = Note.parse(text.substring(at));
    Checkpoint checkpoint = Checkpoint.parse(note.text());
    return new Request(oldSize, proof, note, checkpoint);
  }

  private static long decimal(String text, String what, String where) throws VerificationException {
    if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9') || (text.length() > 1 && text.charAt(0) == '0')) {
      throw new VerificationException(what + " '" + text + "' is not a decimal without leading zeroes", where);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new VerificationException(what + " '" + text + "' is too large", where);
    }
  }

  private static Hash hash(String base64, String where) throws VerificationException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new VerificationException("consistency proof hash is not valid base64", where);
    }
    if (bytes.length != Hash.SIZE) {
      throw new VerificationException("consistency proof hash is " + bytes.length + " bytes, not 32", where);
    }
    return Hash.wrap(bytes);
  }

  /**
   * Decides on {@code request}.
   *
   * @param trusted the keys trusted for the request's origin; empty when the origin is unknown
   * @param state what the witness last cosigned for that origin
   */
  public static Decision decide(Request request, List<NoteVerifier> trusted, State state) {
    Checkpoint checkpoint = request.checkpoint();
    long size = checkpoint.size();
    long old = request.oldSize();
    if (trusted.isEmpty()) {
      return new Refuse(Outcome.UNKNOWN_LOG, "unknown log: this witness does not witness origin '" + checkpoint.origin() + "'", 0);
    }
    if (!signedByOne(request.note(), checkpoint.origin(), trusted)) {
      return new Refuse(Outcome.UNTRUSTED, "invalid signature: no signature verifies against a key trusted for '" + checkpoint.origin() + "'", 0);
    }
    if (old > size) {
      return new Refuse(Outcome.OLD_ABOVE_SIZE, "invalid input: old size " + old + " is larger than the checkpoint size " + size, 0);
    }
    if (old != state.size()) {
      return new Refuse(Outcome.SIZE_MISMATCH, "tree size " + state.size() + " was cosigned last, not " + old, state.size());
    }
    if ((old == 0 || old == size) && !request.proof().isEmpty()) {
      return new Refuse(Outcome.BAD_PROOF, "consistency proof from size " + old + " to " + size + " must be empty", state.size());
    }
    if (old == size) {
      if (state.root().isPresent() && !state.root().get().equals(checkpoint.root())) {
        return new Refuse(Outcome.ROOT_CONFLICT, "conflicting root hash at tree size " + size + ": this witness cosigned "
            + state.root().get().base64(), state.size());
      }
    } else if (old > 0) {
      try {
        MerkleLog.verifyConsistency(old, size, request.proof(), state.root().orElseThrow(), checkpoint.root());
      } catch (VerificationException e) {
        return new Refuse(Outcome.BAD_PROOF, "consistency proof does not verify: " + e.getMessage(), state.size());
      }
    }
    return new Cosign(checkpoint, request.note().text(), state, new State(size, Optional.of(checkpoint.root())));
  }

  private static boolean signedByOne(Note note, String origin, List<NoteVerifier> trusted) {
    for (NoteVerifier key : trusted) {
      if (!key.name().equals(origin)) {
        continue;
      }
      try {
        key.verify(note);
        return true;
      } catch (VerificationException e) {
        // this key did not sign (or its signature failed): try the next trusted key
      }
    }
    return false;
  }
}
