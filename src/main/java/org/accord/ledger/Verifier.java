package org.accord.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The auditor's offline verifier: checkpoints, receipts, consistency between two checkpoints, and a
 * whole tiled log. It trusts nothing but the log's verifier key.
 *
 * <p>Stateless and thread-safe. Every method throws {@link VerificationException} naming what failed
 * and, where it applies, where ({@code "entry 7"}, {@code "tile/1/000"}, {@code "line 3"}); malformed
 * input is reported the same way and never surfaces as another exception.
 */
public final class Verifier {
  private Verifier() {}

  /**
   * Parses a verifier key from its text or from the content of a key file: the first line that is a
   * verifier key, either alone or after a label such as {@code verifier_key:}. Blank lines and lines
   * starting with {@code #} are skipped.
   */
  public static NoteVerifier parseKey(String text) throws VerificationException {
    VerificationException first = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      for (String candidate : new String[] {line, line.replaceFirst("^[A-Za-z_ -]+:\\s*", "")}) {
        try {
          return NoteVerifier.parse(candidate);
        } catch (VerificationException e) {
          if (first == null) {
            first = e;
          }
        }
      }
    }
    throw first != null ? first : new VerificationException("no verifier key found (expected name+id+base64)");
  }

  /**
   * Verifies a signed checkpoint: a well-formed signed note, validly signed by {@code key}, whose text is
   * a well-formed checkpoint of the log the key names.
   */
  public static Checkpoint verifyCheckpoint(String note, NoteVerifier key) throws VerificationException {
    return verifyCheckpoint(Note.parse(note), key);
  }

  static Checkpoint verifyCheckpoint(Note note, NoteVerifier key) throws VerificationException {
    key.verify(note);
    Checkpoint checkpoint = Checkpoint.parse(note.text());
    if (!checkpoint.origin().equals(key.name())) {
      throw new VerificationException(
          "checkpoint is of log '" + checkpoint.origin() + "', but the key is for '" + key.name() + "'");
    }
    return checkpoint;
  }

  /** Reads the checkpoint in a signed note without checking any signature. */
  public static Checkpoint readCheckpoint(String note) throws VerificationException {
    return Checkpoint.parse(Note.parse(note).text());
  }

  /** Verifies a receipt in either of its forms (see {@link Receipt#parse}). */
  public static VerifiedReceipt verifyReceipt(String receipt, NoteVerifier key) throws VerificationException {
    return verifyReceipt(Receipt.parse(receipt), key);
  }

  /**
   * Verifies a receipt: its checkpoint is signed by {@code key}; its entry is included at its index
   * under that checkpoint; and, for a private event, the revealed salt and event open the commitment
   * the log holds. An entry that is an Accord event must be in canonical form.
   */
  public static VerifiedReceipt verifyReceipt(Receipt receipt, NoteVerifier key) throws VerificationException {
    Objects.requireNonNull(receipt, "receipt");
    Checkpoint checkpoint = verifyCheckpoint(receipt.checkpoint(), key);
    Hash leaf = receipt.leafHash();
    try {
      MerkleLog.verifyInclusion(receipt.index(), checkpoint.size(), leaf, receipt.proof(), checkpoint.root());
    } catch (VerificationException e) {
      throw new VerificationException(e.getMessage(), "receipt for entry " + receipt.index());
    }
    byte[] entry = receipt.entry();
    if (receipt.reveal().isPresent()) {
      Receipt.Reveal reveal = receipt.reveal().get();
      Commitment.verify(entry, reveal.salt(), reveal.event());
      return new VerifiedReceipt(receipt.index(), checkpoint, leaf, Optional.of(LedgerEvent.decode(reveal.event())), true);
    }
    if (Commitment.parseEntry(entry).isPresent()) {
      return new VerifiedReceipt(receipt.index(), checkpoint, leaf, Optional.empty(), true);
    }
    if (looksLikeEvent(entry)) {
      return new VerifiedReceipt(receipt.index(), checkpoint, leaf, Optional.of(LedgerEvent.decode(entry)), false);
    }
    return new VerifiedReceipt(receipt.index(), checkpoint, leaf, Optional.empty(), false);
  }

  private static boolean looksLikeEvent(byte[] entry) {
    String text = new String(entry, StandardCharsets.UTF_8);
    return text.startsWith("{") && text.contains("\"type\"") && text.contains("\"subject\"");
  }

  /**
   * Verifies that the tree of {@code newNote} extends the tree of {@code oldNote}, by the consistency
   * proof {@code proof}. With a key, both checkpoints' signatures are verified too; without one, only
   * the trees are compared.
   *
   * @return the old and the new checkpoint
   */
  public static List<Checkpoint> verifyConsistency(
      String oldNote, String newNote, List<Hash> proof, Optional<NoteVerifier> key) throws VerificationException {
    Checkpoint older = key.isPresent() ? located(oldNote, key.get(), "old checkpoint") : read(oldNote, "old checkpoint");
    Checkpoint newer = key.isPresent() ? located(newNote, key.get(), "new checkpoint") : read(newNote, "new checkpoint");
    if (!older.origin().equals(newer.origin())) {
      throw new VerificationException(
          "the checkpoints are of different logs: '" + older.origin() + "' and '" + newer.origin() + "'");
    }
    MerkleLog.verifyConsistency(older.size(), newer.size(), proof, older.root(), newer.root());
    return List.of(older, newer);
  }

  private static Checkpoint located(String note, NoteVerifier key, String where) throws VerificationException {
    try {
      return verifyCheckpoint(note, key);
    } catch (VerificationException e) {
      throw new VerificationException(e.getMessage(), where);
    }
  }

  private static Checkpoint read(String note, String where) throws VerificationException {
    try {
      return readCheckpoint(note);
    } catch (VerificationException e) {
      throw new VerificationException(e.getMessage(), where);
    }
  }

  /**
   * Parses a proof file: JSON with a {@code "proof"} array of base64 hashes (as the proof API serves
   * it), a bare JSON array, or one base64 hash per line.
   */
  public static List<Hash> parseProof(String text) throws VerificationException {
    String trimmed = text.strip();
    List<?> items;
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      Object parsed;
      try {
        parsed = CanonicalJson.parse(trimmed);
      } catch (IllegalArgumentException e) {
        throw new VerificationException("proof is not valid JSON: " + e.getMessage());
      }
      if (parsed instanceof Map<?, ?> map && map.get("proof") instanceof List<?> list) {
        items = list;
      } else if (parsed instanceof List<?> list) {
        items = list;
      } else {
        throw new VerificationException("proof JSON has no \"proof\" array");
      }
    } else {
      items = trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s*\n\\s*"));
    }
    List<Hash> proof = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof String hash)) {
        throw new VerificationException("proof hash " + i + " is not a base64 string");
      }
      try {
        proof.add(Hash.fromBase64(hash));
      } catch (IllegalArgumentException e) {
        throw new VerificationException("proof hash " + i + " is malformed: " + e.getMessage());
      }
    }
    return proof;
  }

  /**
   * Audits a whole tiled log: fetches the checkpoint and verifies it with {@code key}, then every
   * entry bundle and hash tile, recomputing every level, and checks the recomputed root against the
   * checkpoint. With a previous checkpoint of the same log (already trusted), also checks that the
   * log still contains that tree: a log that forked or shrank fails.
   */
  public static LogReport verifyLog(TileSource source, NoteVerifier key, Optional<Checkpoint> previous)
      throws VerificationException {
    return new LogAuditor(source).audit(key, previous);
  }
}
