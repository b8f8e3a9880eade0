package org.accord.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import org.accord.InvalidInputException;

/**
 * Reads a CycloneDX or SPDX 2.x JSON document in one streaming pass with Jackson's {@link
 * JsonParser}. Not thread-safe; one per document.
 */
final class JsonBomReader {
  /*
   * How it works, and why.
   *
   * JSON members come in any order: "bomFormat" is usually first, but "spdxVersion" sorts last in
   * documents whose writer orders keys alphabetically, and "dependencies" may precede "components".
   * Reading the whole document into a tree first would cost memory proportional to the document
   * (a 300,000-component CycloneDX BOM is ~150 MB of text and several times that as a tree), so the
   * reader dispatches on each top-level member as it streams: the member names of CycloneDX and SPDX
   * 2.x are disjoint ("components", "dependencies", "metadata" versus "packages", "relationships",
   * "documentDescribes"), so each member goes to the reader of the one format that defines it, and
   * the format is decided at the end from "bomFormat" / "spdxVersion".
   *
   * Until one of those two has confirmed the format, a problem in a member (say, an npm lockfile's
   * "packages" object) may only mean that the document is not an SBOM at all. Such a problem is
   * therefore deferred: the reader remembers the first one, skips the rest of that member and goes
   * on; at the end, a document that turned out to be CycloneDX or SPDX is refused with the deferred
   * problem, and any other document is refused as "not an SBOM: looks like …" from its fingerprint.
   * Once the format is confirmed, problems are thrown at once.
   *
   * Nesting depth is bounded by Jackson's StreamReadConstraints, so a hostile document cannot
   * exhaust the stack or memory with deep nesting.
   */

  private static final String NO_NAME = "unnamed-sbom";

  private final ReadLimits limits;
  private final String fallbackName;
  private final Warnings warnings = new Warnings();
  private final JsonFingerprint fingerprint = new JsonFingerprint();
  private InvalidInputException deferred;
  private boolean cycloneDxConfirmed;
  private boolean spdxConfirmed;
  private boolean spdxVersionSeen;
  private boolean bomFormatSeen;

  JsonBomReader(ReadLimits limits, String fallbackName) {
    this.limits = limits;
    this.fallbackName = fallbackName;
  }

  Bom read(InputStream in) throws IOException {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(limits.maxJsonDepth()).build())
            .build();
    try (JsonParser parser = factory.createParser(in)) {
      return read(parser);
    }
  }

  private Bom read(JsonParser parser) throws IOException {
    try {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        throw JsonFingerprint.notAnSbom(
            "the document is a JSON array, not an object (a deployment inventory belongs to the inventory reader)");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new InvalidInputException(
            "not an SBOM: the JSON document is " + Json.describe(first) + ", not an object",
            Json.location("$", parser.currentTokenLocation()));
      }
      CycloneDxJson cyclone = new CycloneDxJson(parser, warnings);
      SpdxJson spdx = new SpdxJson(parser, warnings);
      JsonStreamContext top = parser.getParsingContext();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        fingerprint.name(name);
        parser.nextToken();
        try {
          member(name, "$." + name, parser, cyclone, spdx);
        } catch (InvalidInputException problem) {
          if (cycloneDxConfirmed || spdxConfirmed) {
            throw deferred != null ? deferred : problem;
          }
          if (deferred == null) {
            deferred = problem;
          }
          while (parser.getParsingContext() != top) {
            if (parser.nextToken() == null) {
              break;
            }
          }
        }
      }
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw new InvalidInputException(
            "malformed JSON: unexpected " + Json.describe(after) + " after the end of the document",
            Json.location("$", parser.currentTokenLocation()));
      }
      return finish(cyclone, spdx);
    } catch (StreamConstraintsException e) {
      throw new InvalidInputException(
          "JSON nested too deep: more than " + limits.maxJsonDepth() + " levels of objects and arrays",
          BomReader.at(parser.currentLocation()));
    }
  }

  private void member(String name, String path, JsonParser parser, CycloneDxJson cyclone, SpdxJson spdx)
      throws IOException {
    switch (name) {
      case "bomFormat" -> {
        JsonLocation at = parser.currentTokenLocation();
        bomFormatSeen = true;
        cycloneDxConfirmed = true; // the document claims a format: its problems are final
        String format = Json.text(parser, path);
        cyclone.bomFormat = format;
        if (!"CycloneDX".equals(format)) {
          throw Json.error(
              path,
              at,
              "bomFormat is " + (format == null ? "null" : Warnings.quote(format))
                  + "; a CycloneDX document says \"CycloneDX\"");
        }
        if (cyclone.specVersion != null) {
          SpecVersions.checkCycloneDxJson(cyclone.specVersion, "$.specVersion");
        }
      }
      case "specVersion" -> {
        JsonLocation at = parser.currentTokenLocation();
        String version = Json.text(parser, path);
        if (version == null) {
          throw Json.error(path, at, "specVersion is null");
        }
        cyclone.specVersion = version;
        if (cycloneDxConfirmed) {
          SpecVersions.checkCycloneDxJson(version, Json.location(path, at));
        }
      }
      case "serialNumber" -> cyclone.serialNumber = Json.text(parser, path);
      case "metadata" -> cyclone.metadata(path);
      case "components" -> cyclone.components(path);
      case "dependencies" -> cyclone.dependencies(path);
      case "services" -> cyclone.services(path);
      case "vulnerabilities" -> cyclone.vulnerabilities(path);
      case "spdxVersion" -> {
        JsonLocation at = parser.currentTokenLocation();
        spdxVersionSeen = true;
        spdxConfirmed = true; // the document claims a format: its problems are final
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
          throw Json.error(
              path,
              at,
              "spdxVersion must be a string such as \"SPDX-2.3\" but is " + Json.describe(parser.currentToken()));
        }
        String version = parser.getText();
        spdx.spdxVersion = version;
        SpecVersions.checkSpdx(version, Json.location(path, at));
      }
      case "SPDXID" -> spdx.documentId(path);
      case "name" -> spdx.name = Json.text(parser, path);
      case "documentDescribes" -> spdx.documentDescribes(path);
      case "packages" -> spdx.packages(path);
      case "files", "snippets" -> spdx.ignoredElements(path);
      case "relationships" -> spdx.relationships(path);
      default -> fingerprint.record(name, parser);
    }
  }

  private Bom finish(CycloneDxJson cyclone, SpdxJson spdx) {
    if (bomFormatSeen && spdxVersionSeen) {
      throw new InvalidInputException(
          "ambiguous document: it has both \"bomFormat\" (CycloneDX) and \"spdxVersion\" (SPDX)");
    }
    if (cycloneDxConfirmed) {
      if (cyclone.specVersion == null) {
        throw new InvalidInputException("CycloneDX document has no specVersion", "$");
      }
      throwDeferred();
      return finishCycloneDx(cyclone);
    }
    if (spdxConfirmed) {
      throwDeferred();
      spdx.finish();
      String name = ComponentIdentity.isBlank(spdx.name) ? orFallback(null) : spdx.name.strip();
      String documentId = spdx.documentId == null ? "SPDXRef-DOCUMENT" : spdx.documentId;
      spdx.assembler().ignore(documentId);
      return spdx.assembler().build(BomFormat.SPDX_JSON, spdx.spdxVersion, name, documentId, name);
    }
    throw fingerprint.refusal();
  }

  private Bom finishCycloneDx(CycloneDxJson cyclone) {
    if (cyclone.vulnerabilityCount > 0 && cyclone.componentCount == 0) {
      throw JsonFingerprint.notAnSbom(
          "looks like CycloneDX VEX ("
              + cyclone.vulnerabilityCount
              + " vulnerabilities and no components); ingest it as an advisory");
    }
    if (cyclone.vulnerabilityCount > 0) {
      warnings.add(
          "the document also lists "
              + cyclone.vulnerabilityCount
              + " vulnerabilities; they are not read with the SBOM (ingest VEX as an advisory)");
    }
    String serial = cyclone.serialNumber;
    if (serial != null && !CycloneDxJson.SERIAL_NUMBER.matcher(serial).matches()) {
      warnings.add("serialNumber " + Warnings.quote(serial) + " is not an RFC 4122 urn:uuid; it is kept only as the document name");
    }
    String name = ComponentIdentity.isBlank(serial) ? "" : serial.strip();
    String rootName = orFallback(name.isEmpty() ? null : name);
    String rootRef = name.isEmpty() ? "urn:accord:root" : name;
    return cyclone.assembler().build(BomFormat.CYCLONEDX_JSON, cyclone.specVersion, name, rootRef, rootName);
  }

  private void throwDeferred() {
    if (deferred != null) {
      throw deferred;
    }
  }

  /** The caller's name for the document (a file name), else the given name, else a placeholder. */
  private String orFallback(String name) {
    if (!ComponentIdentity.isBlank(fallbackName)) {
      return fallbackName.strip();
    }
    return ComponentIdentity.isBlank(name) ? NO_NAME : name;
  }
}
