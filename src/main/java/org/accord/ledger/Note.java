package org.accord.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, and one or more signature lines [1].
 *
 * <pre>
 * example.com/log
 * 15
 * rKbDipCvhuX1GZ7g5BBe8sA6BbJ7ja/1nk427v383cs=
 *
 * — example.com/log M9e0luh4jTG+UMBq...
 * </pre>
 *
 * <p>{@link #parse} is strict, so a malformed note fails by name before any signature is checked:
 * valid UTF-8 only, no control characters but newline, a text that ends in a newline, the text
 * separated from the signatures by the last blank line, key names non-empty without spaces or {@code
 * +}, signatures in standard base64 of at least a key ID and one byte, and at most {@link
 * #MAX_SIGNATURES} signatures in at most {@link #MAX_SIZE} bytes (the spec asks verifiers to accept
 * at least 16).
 *
 * <p>Immutable and thread-safe.
 *
 * <p>[1] C2SP signed-note, https://c2sp.org/signed-note.
 *
 * @param text the signed text, ending in a newline
 * @param signatures the signatures, in note order, at least one
 */
public record Note(String text, List<NoteSignature> signatures) {
  /** The start of every signature line: em dash, space. */
  public static final String SIGNATURE_PREFIX = "\u2014 ";
  /** The most signatures a note may carry here. */
  public static final int MAX_SIGNATURES = 100;
  /** The largest note accepted, in bytes. */
  public static final int MAX_SIZE = 1 << 20;

  public Note {
    Objects.requireNonNull(text, "text");
    signatures = List.copyOf(signatures);
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("a note text ends with a newline");
    }
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("a signed note has at least one signature");
    }
  }

  /** Parses a note from bytes, which must be valid UTF-8. */
  public static Note parse(byte[] utf8) throws VerificationException {
    if (utf8.length > MAX_SIZE) {
      throw new VerificationException("note is " + utf8.length + " bytes, more than the " + MAX_SIZE + " accepted");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
    } catch (CharacterCodingException e) {
      throw new VerificationException("note is not valid UTF-8");
    }
    return parse(text);
  }

  /** Parses a note. */
  public static Note parse(String note) throws VerificationException {
    Objects.requireNonNull(note, "note");
    if (note.length() > MAX_SIZE) {
      throw new VerificationException("note is longer than the " + MAX_SIZE + " bytes accepted");
    }
    int line = 1;
    for (int i = 0; i < note.length(); i++) {
      char c = note.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c < 0x20) {
        throw new VerificationException(
            "note contains the control character U+" + String.format("%04X", (int) c) + " on line " + line
                + "; only newlines are allowed");
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < note.length() && Character.isLowSurrogate(note.charAt(i + 1))) {
          i++;
        } else {
          throw new VerificationException("note is not valid UTF-8 (lone surrogate on line " + line + ")");
        }
      }
    }
    if (!note.endsWith("\n")) {
      throw new VerificationException("note does not end with a newline");
    }
    int blank = note.lastIndexOf("\n\n");
    if (blank < 0) {
      throw new VerificationException("note has no blank line between its text and its signatures");
    }
    String text = note.substring(0, blank + 1);
    String block = note.substring(blank + 2);
    if (block.isEmpty()) {
      throw new VerificationException("note has no signature lines after the blank line");
    }
    List<NoteSignature> signatures = new ArrayList<>();
    int textLines = (int) text.chars().filter(c -> c == '\n').count();
    int lineNumber = textLines + 2;
    for (String signatureLine : block.substring(0, block.length() - 1).split("\n", -1)) {
      if (signatures.size() == MAX_SIGNATURES) {
        throw new VerificationException("note has more than " + MAX_SIGNATURES + " signatures");
      }
      signatures.add(parseSignature(signatureLine, "line " + lineNumber));
      lineNumber++;
    }
    return new Note(text, signatures);
  }

  private static NoteSignature parseSignature(String line, String where) throws VerificationException {
    if (!line.startsWith(SIGNATURE_PREFIX)) {
      throw new VerificationException("signature line does not start with an em dash and a space", where);
    }
    String rest = line.substring(SIGNATURE_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new VerificationException("signature line has a key name but no signature", where);
    }
    String name = rest.substring(0, space);
    String base64 = rest.substring(space + 1);
    checkKeyName(name, where);
    if (base64.indexOf(' ') >= 0) {
      throw new VerificationException("signature line has more than a key name and a signature", where);
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new VerificationException("signature of key '" + name + "' is not valid base64", where);
    }
    if (blob.length < 5) {
      throw new VerificationException(
          "signature of key '" + name + "' is " + blob.length + " bytes, too short for a key ID and a signature", where);
    }
    int keyId = ByteBuffer.wrap(blob, 0, 4).getInt();
    byte[] signature = new byte[blob.length - 4];
    System.arraycopy(blob, 4, signature, 0, signature.length);
    return new NoteSignature(name, keyId, signature);
  }

  /**
   * @throws VerificationException if {@code name} is empty or contains a space or {@code +}
   */
  static void checkKeyName(String name, String where) throws VerificationException {
    if (name.isEmpty()) {
      throw new VerificationException("key name is empty", where);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        throw new VerificationException("key name '" + name + "' contains a space or '+'", where);
      }
    }
  }

  /** The note as text: the text, a blank line, the signature lines. */
  public String format() {
    StringBuilder out = new StringBuilder(text).append('\n');
    for (NoteSignature signature : signatures) {
      out.append(signature.line()).append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
