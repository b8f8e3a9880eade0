package org.accord.advisory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * Reads one advisory or VEX document of any format Accord imports, telling the format from the
 * document itself: OSV, CSAF 2.0 (any profile; the VEX profile also yields statements), OpenVEX
 * (0.2.0 and 0.0.1) and CycloneDX with {@code vulnerabilities} (VEX).
 *
 * <p>Refused with an {@link InvalidInputException} naming the problem and its JSONPath (or line and
 * column for malformed JSON): input over {@link #MAX_DOCUMENT_BYTES} or nested deeper than {@link
 * #MAX_NESTING_DEPTH}, repeated member names, anything that is not one JSON object of a known format
 * (the message says what it looks like when it can tell: a JSON Schema, GitHub's advisory API format,
 * CSAF provider metadata), and documents the format readers refuse. OSV records and OpenVEX 0.2.0
 * documents that pass Accord's own checks are also checked against their official JSON schemas,
 * bundled on the classpath; CSAF documents against the CSAF validator (schema and §6.1 tests).
 *
 * <p>Stateless and thread-safe; reads only the stream it is given.
 */
public final class AdvisoryReader {
  /** The largest document accepted, in bytes (64 MiB; the largest Red Hat CSAF files are under 2 MiB). */
  public static final long MAX_DOCUMENT_BYTES = 64L << 20;
  /** The deepest nesting of JSON arrays and objects accepted. */
  public static final int MAX_NESTING_DEPTH = 128;

  static final String OSV_SCHEMA = "https://raw.githubusercontent.com/ossf/osv-schema/main/validation/schema.json";
  static final String OPENVEX_SCHEMA = "https://github.com/openvex/spec/openvex_json_schema_0.2.0.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxDocumentLength(MAX_DOCUMENT_BYTES)
                      .maxNestingDepth(MAX_NESTING_DEPTH)
                      .build())
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .build());

  private AdvisoryReader() {}

  /**
   * What one document holds.
   *
   * @param format the format it was read as
   * @param advisory the advisory, for OSV and CSAF documents
   * @param statements the VEX statements, for CSAF VEX, OpenVEX and CycloneDX VEX documents
   * @param author who made the statements, as the document names them; empty when it does not
   * @param timestamp when the document was issued, if it says
   * @param warnings what was accepted but will not match (unidentified products, GIT ranges, …)
   * @param text the document as UTF-8 text
   */
  public record Document(
      AdvisoryFormat format,
      Optional<Advisory> advisory,
      List<VexStatement> statements,
      String author,
      Optional<Instant> timestamp,
      List<String> warnings,
      String text) {
    public Document {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(advisory, "advisory");
      statements = List.copyOf(statements);
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(timestamp, "timestamp");
      warnings = List.copyOf(warnings);
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * Reads a document from a stream, which the caller closes.
   *
   * @throws InvalidInputException when the document is refused (see the class comment)
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static Document read(InputStream in) {
    return read(in, advisory -> {});
  }

  /** As {@link #read(InputStream)}, on the document's bytes. */
  public static Document read(byte[] bytes) {
    return read(bytes, advisory -> {});
  }

  /**
   * As {@link #read(InputStream)}, with checks of the caller's own run on the advisory before the
   * format's JSON schema, so that their clearer messages come first (the application checks CVSS
   * vectors with the triage calculator this way).
   *
   * @param checks throws {@link InvalidInputException} to refuse the advisory
   */
  public static Document read(InputStream in, java.util.function.Consumer<Advisory> checks) {
    Objects.requireNonNull(in, "in");
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) MAX_DOCUMENT_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the document: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw new InvalidInputException("document is larger than " + (MAX_DOCUMENT_BYTES >> 20) + " MiB");
    }
    return read(bytes, checks);
  }

  /** As {@link #read(InputStream, java.util.function.Consumer)}, on the document's bytes. */
  public static Document read(byte[] bytes, java.util.function.Consumer<Advisory> checks) {
    String text = utf8(bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String start = text.stripLeading();
    if (!start.isEmpty() && start.charAt(0) != '{' && start.charAt(0) != '[') {
      String head = start.lines().findFirst().orElse("");
      throw new InvalidInputException(
          "malformed JSON: this is not JSON at all (it starts with '" + (head.length() > 40 ? head.substring(0, 40) + "…" : head)
              + "'); an advisory or VEX document is a JSON object",
          "line 1");
    }
    JsonNode root = parse(text);
    if (!root.isObject()) {
      throw new InvalidInputException("an advisory or VEX document is a JSON object, not " + kind(root), "$");
    }
    JsonNode document = root.get("document");
    if (document != null && document.isObject() && document.has("csaf_version")) {
      CsafReader.Result csaf = CsafReader.read(root, text);
      checks.accept(csaf.advisory());
      return new Document(
          AdvisoryFormat.CSAF, Optional.of(csaf.advisory()), csaf.statements(),
          document.path("publisher").path("name").asText(""), csaf.advisory().modified(), csaf.warnings(), text);
    }
    JsonNode context = root.get("@context");
    if (context != null && context.isTextual() && context.asText().startsWith(OpenVexReader.CONTEXT_PREFIX)) {
      if (context.asText().equals("https://openvex.dev/ns/v0.2.0")) {
        Schemas.require(Schemas.openVex(), root, "OpenVEX");
      }
      OpenVexReader.Result vex = OpenVexReader.read(root);
      return new Document(
          AdvisoryFormat.OPENVEX, Optional.empty(), vex.statements(), vex.author(),
          JsonFields.timestamp(root, "timestamp", "$"), vex.warnings(), text);
    }
    if (root.path("bomFormat").asText().equals("CycloneDX")) {
      CycloneDxVexReader.Result vex = CycloneDxVexReader.read(root);
      JsonNode metadata = root.path("metadata");
      return new Document(
          AdvisoryFormat.CYCLONEDX_VEX, Optional.empty(), vex.statements(), vex.author(),
          metadata.isObject() ? JsonFields.timestamp(metadata, "timestamp", "$.metadata") : Optional.empty(), vex.warnings(), text);
    }
    if (root.hasNonNull("id") && (root.has("modified") || root.has("affected") || root.has("schema_version"))) {
      Advisory advisory = OsvReader.read(root, text);
      checks.accept(advisory);
      Schemas.require(Schemas.osv(), root, "OSV");
      List<String> warnings = new ArrayList<>();
      for (int i = 0; i < advisory.affected().size(); i++) {
        for (String reason : advisory.affected().get(i).notEvaluable()) {
          warnings.add("$.affected[" + i + "]: " + reason);
        }
      }
      return new Document(AdvisoryFormat.OSV, Optional.of(advisory), List.of(), "", advisory.modified(), warnings, text);
    }
    throw new InvalidInputException(
        "not an advisory or VEX document Accord reads" + looksLike(root)
            + "; expected OSV (with 'id' and 'modified'), CSAF 2.0 ('document.csaf_version'), OpenVEX ('@context' "
            + "https://openvex.dev/ns/…) or CycloneDX VEX ('bomFormat' with 'vulnerabilities')",
        "$");
  }

  /**
   * The bytes as UTF-8 text, refused when they are not UTF-8 (JSON is UTF-8, RFC 8259 §8.1): a
   * replacement character would silently change what the document says.
   */
  private static String utf8(byte[] bytes) {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
    java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
    if (result.isError()) {
      throw new InvalidInputException(
          String.format("not UTF-8 text: byte 0x%02X at offset %d does not belong there; save the document as UTF-8",
              bytes[in.position()] & 0xff, in.position()),
          "");
    }
    return out.flip().toString();
  }

  private static JsonNode parse(String text) {
    return JsonFields.readDocument(MAPPER, () -> MAPPER.createParser(text));
  }

  private static String kind(JsonNode node) {
    return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number" : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A hint at what a refused JSON object is, or empty. */
  private static String looksLike(JsonNode root) {
    if (root.has("$schema") || root.has("$defs")) {
      return " (it is a JSON Schema)";
    }
    if (root.has("ghsaId")) {
      return " (it looks like GitHub's advisory API format; GitHub also publishes these advisories as OSV)";
    }
    if (root.has("canonical_url") && root.has("role")) {
      return " (it is CSAF provider metadata, which lists where advisories are published)";
    }
    if (root.has("aggregator")) {
      return " (it is a CSAF aggregator document, which lists CSAF providers)";
    }
    if (root.has("feed") || root.has("service") || root.has("categories")) {
      return " (it is a ROLIE feed or service document, which indexes CSAF advisories)";
    }
    if (root.has("statements") && root.has("author")) {
      return " (it looks like OpenVEX, but its '@context' is not an https://openvex.dev/ns URL)";
    }
    if (root.has("catalogVersion") && root.has("vulnerabilities")) {
      return " (it is the CISA KEV catalog; use 'accord ingest kev')";
    }
    if (root.has("bomFormat") || root.has("spdxVersion")) {
      return " (it is an SBOM; use 'accord ingest sbom')";
    }
    return "";
  }
}
