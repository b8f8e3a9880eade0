package org.accord.sbom;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.accord.InvalidInputException;

/**
 * Tells the serialisation of an input from its first bytes, without consuming them: JSON, XML, SPDX
 * tag-value, or something to refuse at once (empty, compressed, binary, YAML, unknown text). Stateless.
 */
final class Sniffer {
  private Sniffer() {}

  /** What the input looks like. */
  enum Kind {
    JSON,
    XML,
    TAG_VALUE
  }

  /** How many bytes are looked at. */
  static final int WINDOW = 64 * 1024;

  private static final Pattern TAG_VALUE_VERSION = Pattern.compile("(?m)^\\s*SPDXVersion\\s*:");
  private static final Pattern YAML_SPDX = Pattern.compile("(?m)^\\s*['\"]?spdxVersion['\"]?\\s*:");
  private static final Pattern YAML_CYCLONEDX = Pattern.compile("(?m)^\\s*['\"]?bomFormat['\"]?\\s*:");

  /**
   * Looks at the first {@link #WINDOW} bytes of a stream that supports mark/reset and resets it.
   *
   * @throws InvalidInputException if the input is empty or plainly not a supported SBOM
   */
  static Kind sniff(BufferedInputStream in) throws IOException {
    in.mark(WINDOW + 1);
    byte[] head = in.readNBytes(WINDOW);
    in.reset();
    return classify(head);
  }

  static Kind classify(byte[] head) {
    int n = head.length;
    if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      throw compressed("gzip");
    }
    if (n >= 4 && (head[0] & 0xff) == 0x28 && (head[1] & 0xff) == 0xb5 && (head[2] & 0xff) == 0x2f
        && (head[3] & 0xff) == 0xfd) {
      throw compressed("zstd");
    }
    if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
      throw compressed("bzip2");
    }
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      throw compressed("zip");
    }
    if (n >= 6 && (head[0] & 0xff) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X') {
      throw compressed("xz");
    }
    // The first significant character, skipping whitespace, a byte-order mark and the zero bytes of
    // UTF-16/32 so that Jackson and StAX can detect those encodings themselves.
    int first = -1;
    int binary = 0;
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xff;
      if (b == 0 || b == 0xef || b == 0xbb || b == 0xbf || b == 0xfe || b == 0xff
          || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        continue;
      }
      first = b;
      break;
    }
    if (first < 0) {
      throw new InvalidInputException("empty input: expected an SBOM (CycloneDX JSON/XML or SPDX JSON/tag-value)");
    }
    if (first == '{' || first == '[') {
      return Kind.JSON;
    }
    if (first == '<') {
      return Kind.XML;
    }
    for (int i = 0; i < Math.min(n, 8192); i++) {
      int b = head[i] & 0xff;
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b != 0x1b)) {
        binary++;
      }
    }
    if (binary > 0) {
      throw JsonFingerprint.notAnSbom("binary data (" + SpecVersions.SUPPORTED + ")");
    }
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (TAG_VALUE_VERSION.matcher(text).find()) {
      return Kind.TAG_VALUE;
    }
    if (YAML_SPDX.matcher(text).find()) {
      throw new InvalidInputException(
          "SPDX YAML is not supported; " + SpecVersions.SUPPORTED + " (convert it with the SPDX tools)");
    }
    if (YAML_CYCLONEDX.matcher(text).find()) {
      throw new InvalidInputException("CycloneDX YAML does not exist; " + SpecVersions.SUPPORTED);
    }
    throw JsonFingerprint.notAnSbom(
        "unrecognised text without an SPDXVersion tag; " + SpecVersions.SUPPORTED);
  }

  private static InvalidInputException compressed(String kind) {
    return new InvalidInputException("compressed input (" + kind + ") is not supported; decompress it first");
  }
}
