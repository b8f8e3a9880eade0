package org.accord.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * The kinds of file a case message may carry (ADR 0118), each recognised from its bytes, never from
 * the name or the content type a client sends: those must agree with what the bytes are, or the
 * attachment is refused. Anything else, an executable above all, is refused whatever it is called.
 *
 * <p>How: binary formats by their magic numbers (PDF {@code %PDF-}, ISO 32000-1 §7.5.2; PNG's eight-byte
 * signature, RFC 2083 §3.1; JPEG's SOI marker {@code FF D8} followed by a marker {@code FF}; zip's local
 * file header {@code PK\3\4}, or the end-of-central-directory record {@code PK\5\6} of an empty
 * archive, PKWARE APPNOTE §4.3). JSON is what parses as one JSON value (RFC 8259); among JSON objects, a
 * CSAF document has {@code document.csaf_version} (CSAF 2.0 §3.2.1.6) and a CycloneDX BOM {@code
 * "bomFormat": "CycloneDX"}. Plain text is valid UTF-8 without control characters other than tab, line
 * feed, form feed and carriage return. Pure and thread-safe.
 */
public enum AttachmentType {
  PDF("application/pdf", List.of("pdf")),
  PNG("image/png", List.of("png")),
  JPEG("image/jpeg", List.of("jpg", "jpeg")),
  ZIP("application/zip", List.of("zip")),
  CSAF("application/json", List.of("json")),
  CYCLONEDX("application/vnd.cyclonedx+json", List.of("json", "cdx")),
  JSON("application/json", List.of("json")),
  TEXT("text/plain", List.of("txt", "md", "log", "asc", "patch", "diff", "csv"));

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
  /** The longest attachment name, in characters. */
  public static final int NAME_MAX_CHARS = 200;

  private final String contentType;
  private final List<String> extensions;

  AttachmentType(String contentType, List<String> extensions) {
    this.contentType = contentType;
    this.extensions = extensions;
  }

  /** The media type served with the bytes ({@code text/plain} is served as UTF-8). */
  public String contentType() {
    return contentType;
  }

  /** The label shown, such as {@code pdf} or {@code cyclonedx}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The file name extensions that fit this type. */
  public List<String> extensions() {
    return extensions;
  }

  /** The type these bytes are, if one of the allowed set. */
  public static Optional<AttachmentType> sniff(byte[] bytes) {
    if (startsWith(bytes, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(bytes, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) {
      return Optional.of(ZIP);
    }
    String text = utf8(bytes).orElse(null);
    if (text == null || text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' || c == 0x7F)) {
      return Optional.empty();
    }
    String start = text.stripLeading();
    if (start.startsWith("{") || start.startsWith("[")) {
      Optional<JsonNode> json = json(bytes);
      if (json.isPresent()) {
        JsonNode node = json.get();
        if (node.path("document").path("csaf_version").isTextual()) {
          return Optional.of(CSAF);
        }
        if ("CycloneDX".equals(node.path("bomFormat").asText(null))) {
          return Optional.of(CYCLONEDX);
        }
        return Optional.of(JSON);
      }
    }
    return Optional.of(TEXT);
  }

  /**
   * The type of an attachment: what its bytes are, checked against the name and the content type the
   * client gave.
   *
   * @param field the attachment's field, such as {@code attachments[0]}; errors name {@code
   *     field.content}, {@code field.name} or {@code field.content_type}
   * @param declared the content type the client gave, or null
   * @throws InvalidInputException for empty content, bytes of no allowed type, a name whose extension
   *     does not fit the bytes, or a declared type that is not the bytes' type
   */
  public static AttachmentType check(String field, String name, String declared, byte[] bytes) {
    if (bytes.length == 0) {
      throw new InvalidInputException("the attachment is empty", field + ".content");
    }
    AttachmentType type = sniff(bytes).orElseThrow(() -> new InvalidInputException(
        "the attachment's bytes are none of the allowed types (" + allowed() + "); an executable or unknown binary is refused",
        field + ".content"));
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > NAME_MAX_CHARS || clean.chars().anyMatch(c -> c < 0x20 || c == '/' || c == '\\' || c == 0x7F)) {
      throw new InvalidInputException("an attachment name is a file name of 1 to " + NAME_MAX_CHARS
          + " characters without path separators or control characters", field + ".name");
    }
    int dot = clean.lastIndexOf('.');
    String extension = dot < 0 ? "" : clean.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!type.extensions.contains(extension)) {
      throw new InvalidInputException("the name '" + shorten(clean) + "' does not fit the content, which is " + type.label()
          + " (." + String.join(", .", type.extensions) + ")", field + ".name");
    }
    if (declared != null && !declared.isBlank()) {
      String bare = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      boolean json = type == CSAF || type == CYCLONEDX;
      if (!bare.equals(type.contentType) && !(json && bare.equals("application/json"))) {
        throw new InvalidInputException("the declared content type '" + shorten(declared) + "' is not the content's, "
            + type.contentType, field + ".content_type");
      }
    }
    return type;
  }

  private static String allowed() {
    StringBuilder out = new StringBuilder();
    for (AttachmentType type : values()) {
      out.append(out.length() == 0 ? "" : ", ").append(type.label());
    }
    return out.toString();
  }

  private static String shorten(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static Optional<JsonNode> json(byte[] bytes) {
    try (var parser = MAPPER.createParser(bytes)) {
      JsonNode node = MAPPER.readTree(parser);
      return parser.nextToken() == null && node != null ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
