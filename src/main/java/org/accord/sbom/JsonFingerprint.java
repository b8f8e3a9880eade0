package org.accord.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.accord.InvalidInputException;

/**
 * What a JSON document's top level looks like, kept so that a document that is not an SBOM can be
 * refused with a message that says what it seems to be ("not an SBOM: looks like OpenVEX"). Records
 * the top-level member names and the short string values of a few tell-tale members. Not
 * thread-safe; one per document.
 */
final class JsonFingerprint {
  private static final int NAMES_SHOWN = 12;
  private static final Set<String> TELLING =
      Set.of("@context", "_type", "type", "predicateType", "predicate_type", "payloadType", "$schema", "$id");

  private final Set<String> names = new LinkedHashSet<>();
  private final Map<String, String> values = new HashMap<>();
  private boolean csafDocument;

  /** Notes a member name; called for every top-level member. */
  void name(String name) {
    names.add(name);
  }

  /** Records a member the SBOM readers do not handle, then skips its value. */
  void record(String name, JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (TELLING.contains(name) && token == JsonToken.VALUE_STRING) {
      values.put(name, parser.getText());
      return;
    }
    if (name.equals("@context") && token == JsonToken.START_ARRAY) {
      StringBuilder joined = new StringBuilder();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
          joined.append(parser.getText()).append(' ');
        } else {
          parser.skipChildren();
        }
      }
      values.put(name, joined.toString());
      return;
    }
    if (name.equals("document") && token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        if (parser.currentName().equals("csaf_version")) {
          csafDocument = true;
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return;
    }
    parser.skipChildren();
  }

  private boolean has(String name) {
    return names.contains(name);
  }

  private String value(String name) {
    return values.getOrDefault(name, "").toLowerCase(Locale.ROOT);
  }

  /** The refusal for a JSON object that is neither CycloneDX nor SPDX 2.x. */
  InvalidInputException refusal() {
    String context = value("@context");
    if (context.contains("spdx.org/rdf/3") || (has("@graph") && context.contains("spdx"))) {
      return new InvalidInputException(
          "unsupported SPDX version: SPDX 3 JSON-LD is not supported yet; " + SpecVersions.SUPPORTED);
    }
    if (has("statements") && (context.contains("openvex") || has("@id") || has("author"))) {
      return notAnSbom("looks like OpenVEX (a VEX document); ingest it as an advisory");
    }
    if (csafDocument || (has("document") && has("vulnerabilities") && has("product_tree"))) {
      return notAnSbom("looks like a CSAF advisory; ingest it as an advisory");
    }
    if (has("payloadType") && has("payload")) {
      return notAnSbom("looks like a DSSE envelope (" + values.getOrDefault("payloadType", "?") + ")");
    }
    String statementType = value("_type") + value("type");
    if (statementType.contains("in-toto.io/statement") || has("predicateType") || has("predicate_type")) {
      String predicate = values.getOrDefault("predicateType", values.getOrDefault("predicate_type", "?"));
      return notAnSbom("looks like an in-toto attestation (predicate " + predicate + ")");
    }
    if (has("scorecard") && has("checks")) {
      return notAnSbom("looks like an OpenSSF Scorecard result");
    }
    if (has("described") || has("licensed") || (has("coordinates") && has("scores"))) {
      return notAnSbom("looks like a ClearlyDefined definition");
    }
    String schema = value("$schema");
    if (schema.contains("json-schema.org")
        || (has("$schema") && (has("properties") || has("definitions") || has("$defs")))) {
      return notAnSbom("looks like a JSON Schema");
    }
    if (has("affected") && (has("schema_version") || has("modified"))) {
      return notAnSbom("looks like an OSV advisory; ingest it as an advisory");
    }
    if (has("specVersion") || has("components") || (has("dependencies") && has("metadata"))) {
      return notAnSbom(
          "looks like CycloneDX but has no \"bomFormat\": \"CycloneDX\"; top-level members: " + shownNames());
    }
    return notAnSbom(
        "a JSON object without \"bomFormat\" (CycloneDX) or \"spdxVersion\" (SPDX); top-level members: "
            + shownNames());
  }

  private String shownNames() {
    if (names.isEmpty()) {
      return "none";
    }
    List<String> shown = new ArrayList<>();
    for (String name : names) {
      if (shown.size() == NAMES_SHOWN) {
        shown.add("…");
        break;
      }
      shown.add(name);
    }
    return String.join(", ", shown);
  }

  static InvalidInputException notAnSbom(String why) {
    return new InvalidInputException("not an SBOM: " + why);
  }
}
