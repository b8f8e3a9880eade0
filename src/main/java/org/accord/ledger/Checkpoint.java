package org.accord.ledger;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP tlog-checkpoint: the text of a signed note that commits to a log's tree head [1].
 *
 * <pre>
 * example.com/log/testdata
 * 15
 * rKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=
 * </pre>
 *
 * <p>The first line is the origin (the log's identity, which is also its key name), the second the
 * tree size in decimal without leading zeroes, the third the base64 root hash; optional extension
 * lines follow. {@link #parse} enforces each rule and names the line that breaks it.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>[1] C2SP tlog-checkpoint, https://c2sp.org/tlog-checkpoint.
 *
 * @param origin the log's origin, non-empty, one line
 * @param size the number of leaves
 * @param root the RFC 9162 root hash at that size
 * @param extensions extension lines, each non-empty; usually none
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {
  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(root, "root");
    extensions = List.copyOf(extensions);
    if (origin.isEmpty() || origin.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
    }
    if (size < 0) {
      throw new IllegalArgumentException("tree size " + size + " is negative");
    }
    for (String line : extensions) {
      if (line.isEmpty() || line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a checkpoint extension is one non-empty line");
      }
    }
  }

  /** A checkpoint without extension lines. */
  public Checkpoint(String origin, long size, Hash root) {
    this(origin, size, root, List.of());
  }

  /** The note text: origin, size and root lines, then extensions, each ending in a newline. */
  public String text() {
    StringBuilder text = new StringBuilder()
        .append(origin).append('\n')
        .append(size).append('\n')
        .append(root.base64()).append('\n');
    for (String line : extensions) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /**
   * Parses a checkpoint note text (without signatures).
   *
   * @throws VerificationException naming the line that is malformed
   */
  public static Checkpoint parse(String text) throws VerificationException {
    if (!text.endsWith("\n")) {
      throw new VerificationException("checkpoint text does not end with a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new VerificationException(
          "checkpoint has " + lines.length + " line" + (lines.length == 1 ? "" : "s") + "; it needs an origin, a tree size and a root hash");
    }
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        throw new VerificationException("checkpoint line " + (i + 1) + " is empty");
      }
    }
    String sizeText = lines[1];
    if (!sizeText.chars().allMatch(c -> c >= '0' && c <= '9') || (sizeText.length() > 1 && sizeText.charAt(0) == '0')) {
      throw new VerificationException("checkpoint tree size '" + sizeText + "' is not a decimal without leading zeroes", "line 2");
    }
    long size;
    try {
      size = Long.parseLong(sizeText);
    } catch (NumberFormatException e) {
      throw new VerificationException("checkpoint tree size '" + sizeText + "' is too large", "line 2");
    }
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new VerificationException("checkpoint root hash is not valid base64", "line 3");
    }
    if (root.length != Hash.SIZE) {
      throw new VerificationException("checkpoint root hash is " + root.length + " bytes, not 32", "line 3");
    }
    if (!Base64.getEncoder().encodeToString(root).equals(lines[2])) {
      throw new VerificationException("checkpoint root hash is not in canonical base64", "line 3");
    }
    List<String> extensions = new ArrayList<>();
    for (int i = 3; i < lines.length; i++) {
      extensions.add(lines[i]);
    }
    return new Checkpoint(lines[0], size, Hash.wrap(root), extensions);
  }

  /** Signs this checkpoint: the signed note, as text. */
  public String sign(NoteSigner signer) {
    return signer.sign(text()).format();
  }
}
