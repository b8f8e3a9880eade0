package org.accord.sbom;

import static org.accord.sbom.ComponentIdentity.isBlank;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads the SPDX 2.x members of a JSON document, one top-level member at a time, as {@link
 * JsonBomReader} streams through it: packages become components; files and snippets are remembered
 * only so that relationships naming them are not reported as dangling. Not thread-safe; one per
 * document.
 */
final class SpdxJson {
  private final JsonParser parser;
  private final BomAssembler assembler;
  private final SpdxRelationships.Describes describes = new SpdxRelationships.Describes();

  String spdxVersion;
  String documentId;
  String name;

  SpdxJson(JsonParser parser, Warnings warnings) {
    this.parser = parser;
    this.assembler = new BomAssembler(warnings);
  }

  BomAssembler assembler() {
    return assembler;
  }

  /** The document's {@code SPDXID}; it must look like {@code SPDXRef-DOCUMENT}. */
  void documentId(String path) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    String id = Json.text(parser, path);
    if (id == null || !id.startsWith("SPDXRef-")) {
      throw Json.error(
          path,
          at,
          "the document's SPDXID is " + (id == null ? "null" : Warnings.quote(id))
              + "; SPDX requires 'SPDXRef-DOCUMENT'");
    }
    documentId = id;
    assembler.ignore(id);
  }

  /** {@code documentDescribes}: the refs the document is about. */
  void documentDescribes(String path) throws IOException {
    if (!Json.arrayOrNull(parser, path)) {
      return;
    }
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String ref = Json.text(parser, path + "[" + index++ + "]");
      if (!isBlank(ref)) {
        assembler.addRootCandidate(ref);
      }
    }
  }

  /** {@code packages}: each becomes a component. */
  void packages(String path) throws IOException {
    if (!Json.arrayOrNull(parser, path)) {
      return;
    }
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String elementPath = path + "[" + index++ + "]";
      Json.expect(parser, JsonToken.START_OBJECT, elementPath);
      pkg(elementPath);
    }
  }

  private void pkg(String path) throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    int slot = assembler.reserve();
    String ref = null;
    String packageName = null;
    String version = null;
    String supplier = null;
    String purl = null;
    boolean misnamed = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "packageName" -> {
          misnamed = true;
          parser.skipChildren();
        }
        case "SPDXID" -> ref = Json.text(parser, path + ".SPDXID");
        case "name" -> packageName = Json.text(parser, path + ".name");
        case "versionInfo" -> version = Json.text(parser, path + ".versionInfo");
        case "supplier" -> supplier = Json.text(parser, path + ".supplier");
        case "externalRefs" -> {
          String found = externalPurl(path + ".externalRefs");
          purl = purl == null ? found : purl;
        }
        default -> parser.skipChildren();
      }
    }
    if (isBlank(ref)) {
      throw Json.error(
          path, start, "package " + ComponentIdentity.label(packageName, version, path) + " has no SPDXID");
    }
    if (isBlank(packageName) && isBlank(purl)) {
      throw Json.error(
          path,
          start,
          "package " + Warnings.quote(ref) + " has neither a name nor a purl"
              + (misnamed ? " (it has \"packageName\", which SPDX JSON does not define; the member is \"name\")" : ""));
    }
    assembler.declare(slot, ref, purl, null, packageName, version, SpdxRelationships.supplierName(supplier));
  }

  /** The first {@code PACKAGE-MANAGER purl} external ref, or null. */
  private String externalPurl(String path) throws IOException {
    if (!Json.arrayOrNull(parser, path)) {
      return null;
    }
    String purl = null;
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String elementPath = path + "[" + index++ + "]";
      Json.expect(parser, JsonToken.START_OBJECT, elementPath);
      String category = null;
      String type = null;
      String locator = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "referenceCategory" -> category = Json.text(parser, elementPath + ".referenceCategory");
          case "referenceType" -> type = Json.text(parser, elementPath + ".referenceType");
          case "referenceLocator" -> locator = Json.text(parser, elementPath + ".referenceLocator");
          default -> parser.skipChildren();
        }
      }
      if (purl == null && isPurlRef(category, type) && !isBlank(locator)) {
        purl = locator;
      }
    }
    return purl;
  }

  /** {@code PACKAGE-MANAGER purl}, as SPDX 2.3 writes it, or {@code PACKAGE_MANAGER purl} (2.2). */
  static boolean isPurlRef(String category, String type) {
    if (category == null || type == null || !type.strip().equalsIgnoreCase("purl")) {
      return false;
    }
    String normalized = category.strip().toUpperCase(Locale.ROOT).replace('_', '-');
    return normalized.equals("PACKAGE-MANAGER");
  }

  /** {@code files} or {@code snippets}: only their SPDXIDs matter (relationships name them). */
  void ignoredElements(String path) throws IOException {
    if (!Json.arrayOrNull(parser, path)) {
      return;
    }
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String elementPath = path + "[" + index++ + "]";
      Json.expect(parser, JsonToken.START_OBJECT, elementPath);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("SPDXID")) {
          String ref = Json.text(parser, elementPath + ".SPDXID");
          if (ref != null) {
            assembler.ignore(ref);
          }
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  /** {@code relationships}: mapped by {@link SpdxRelationships}. */
  void relationships(String path) throws IOException {
    if (!Json.arrayOrNull(parser, path)) {
      return;
    }
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String elementPath = path + "[" + index++ + "]";
      Json.expect(parser, JsonToken.START_OBJECT, elementPath);
      JsonLocation start = parser.currentTokenLocation();
      String element = null;
      String type = null;
      String related = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "spdxElementId" -> element = Json.text(parser, elementPath + ".spdxElementId");
          case "relationshipType" -> type = Json.text(parser, elementPath + ".relationshipType");
          case "relatedSpdxElement" -> related = Json.text(parser, elementPath + ".relatedSpdxElement");
          default -> parser.skipChildren();
        }
      }
      if (isBlank(element) || isBlank(type) || isBlank(related)) {
        throw Json.error(
            elementPath,
            start,
            "relationship needs spdxElementId, relationshipType and relatedSpdxElement");
      }
      SpdxRelationships.apply(
          element.strip(), type.strip().toUpperCase(Locale.ROOT), related.strip(), assembler, describes);
    }
  }

  /** Resolves the DESCRIBES statements once the document's SPDXID is known. */
  void finish() {
    describes.resolve(documentId == null ? "SPDXRef-DOCUMENT" : documentId, assembler);
  }
}
