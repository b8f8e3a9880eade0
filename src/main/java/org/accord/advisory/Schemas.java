package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.accord.InvalidInputException;

/**
 * The OSV and OpenVEX JSON schemas the importer checks documents against, loaded once from the
 * classpath copies in {@code schemas/} (see {@code schemas/SOURCE.md}). Thread-safe.
 */
final class Schemas {
  private Schemas() {}

  static SchemaValidator osv() {
    return Holder.OSV;
  }

  static SchemaValidator openVex() {
    return Holder.OPENVEX;
  }

  /** Refuses a document that breaks the schema, naming the first violation and how many there are. */
  static void require(SchemaValidator schema, JsonNode document, String format) {
    List<SchemaViolation> violations = schema.validate(document);
    if (!violations.isEmpty()) {
      SchemaViolation first = violations.get(0);
      throw new InvalidInputException(
          "not a valid " + format + " document: " + first.message()
              + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more schema violations)" : ""),
          first.path());
    }
  }

  /** The OSV schema's pattern for id prefixes ({@code $defs.prefix}), read from the bundled schema. */
  static java.util.regex.Pattern osvIdPattern() {
    return Holder.OSV_ID;
  }

  private static JsonNode readOsvSchema() {
    try (java.io.InputStream in = Schemas.class.getResourceAsStream("/schemas/osv/schema.json")) {
      if (in == null) {
        throw new IllegalStateException("the OSV schema is missing from the build");
      }
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static java.util.regex.Pattern osvIdPattern(JsonNode schema) {
    return java.util.regex.Pattern.compile(schema.path("$defs").path("prefix").path("pattern").asText("^x_"));
  }

  private static final class Holder {
    static final java.util.regex.Pattern OSV_ID = osvIdPattern(readOsvSchema());
    static final SchemaValidator OSV =
        SchemaValidator.builder(AdvisoryReader.OSV_SCHEMA)
            .map("https://raw.githubusercontent.com/ossf/osv-schema/main/validation/", "classpath:schemas/osv/")
            .build();
    static final SchemaValidator OPENVEX =
        SchemaValidator.builder(AdvisoryReader.OPENVEX_SCHEMA)
            .map("https://github.com/openvex/spec/openvex_json_schema_0.2.0.json", "classpath:schemas/openvex/openvex_json_schema.json")
            .build();
  }
}
