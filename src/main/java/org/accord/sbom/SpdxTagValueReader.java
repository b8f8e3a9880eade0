package org.accord.sbom;

import static org.accord.sbom.ComponentIdentity.isBlank;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.accord.InvalidInputException;

/**
 * Reads an SPDX 2.x tag-value document line by line. Not thread-safe; one per document.
 *
 * <p>The format is a sequence of {@code Tag: value} lines; a value that spans lines is wrapped in
 * {@code <text>…</text>}. A {@code PackageName} starts a package, {@code FileName} a file, {@code
 * SnippetSPDXID} a snippet and {@code LicenseID} an extracted licence; the {@code SPDXID} that follows
 * belongs to the element last started (before any, to the document). {@code Relationship: A TYPE B}
 * may appear anywhere. Unknown tags are skipped, as SPDX asks of readers.
 */
final class SpdxTagValueReader {
  private enum Section {
    DOCUMENT,
    PACKAGE,
    FILE,
    SNIPPET,
    LICENSE,
  }

  private static final String NO_NAME = "unnamed-sbom";

  private final String fallbackName;
  private final Warnings warnings = new Warnings();
  private final BomAssembler assembler = new BomAssembler(warnings);
  private final SpdxRelationships.Describes describes = new SpdxRelationships.Describes();
  private String spdxVersion;
  private String documentId;
  private String documentName;

  private Section section = Section.DOCUMENT;
  private int packageLine;
  private String packageName;
  private String packageId;
  private String packageVersion;
  private String packageSupplier;
  private String packagePurl;

  SpdxTagValueReader(String fallbackName) {
    this.fallbackName = fallbackName;
  }

  Bom read(InputStream in) throws IOException {
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)));
    String line;
    int lineNumber = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon <= 0) {
        throw new InvalidInputException(
            "expected 'Tag: value' but found " + Warnings.quote(trimmed), "line " + lineNumber);
      }
      String tag = trimmed.substring(0, colon).strip();
      String value = trimmed.substring(colon + 1).strip();
      int tagLine = lineNumber;
      if (value.startsWith("<text>")) {
        StringBuilder text = new StringBuilder(value.substring("<text>".length()));
        while (text.indexOf("</text>") < 0) {
          String more = reader.readLine();
          if (more == null) {
            throw new InvalidInputException(
                "<text> opened for tag " + tag + " is never closed with </text>", "line " + tagLine);
          }
          lineNumber++;
          text.append('\n').append(more);
        }
        int end = text.indexOf("</text>");
        value = text.substring(0, end).strip();
      }
      tag(tag, value, tagLine);
    }
    finishElement();
    return finish();
  }

  private void tag(String tag, String value, int line) {
    String where = "line " + line;
    switch (tag) {
      case "SPDXVersion" -> {
        spdxVersion = value;
        SpecVersions.checkSpdx(value, where);
      }
      case "DocumentName" -> documentName = value;
      case "SPDXID" -> {
        if (value.isEmpty()) {
          throw new InvalidInputException("SPDXID is empty", where);
        }
        switch (section) {
          case DOCUMENT -> {
            if (!value.startsWith("SPDXRef-")) {
              throw new InvalidInputException(
                  "the document's SPDXID is " + Warnings.quote(value) + "; SPDX requires 'SPDXRef-DOCUMENT'", where);
            }
            documentId = value;
            assembler.ignore(value);
          }
          case PACKAGE -> packageId = value;
          case FILE, SNIPPET -> assembler.ignore(value);
          case LICENSE -> {
            // extracted licences have no SPDXID
          }
        }
      }
      case "PackageName" -> {
        finishElement();
        section = Section.PACKAGE;
        packageLine = line;
        packageName = value;
      }
      case "PackageVersion" -> {
        if (section == Section.PACKAGE) {
          packageVersion = value;
        }
      }
      case "PackageSupplier" -> {
        if (section == Section.PACKAGE) {
          packageSupplier = value;
        }
      }
      case "ExternalRef" -> {
        if (section == Section.PACKAGE) {
          String[] parts = value.split("\\s+");
          if (parts.length < 3) {
            throw new InvalidInputException(
                "ExternalRef needs 'CATEGORY TYPE LOCATOR' but is " + Warnings.quote(value), where);
          }
          if (packagePurl == null && SpdxJson.isPurlRef(parts[0], parts[1])) {
            packagePurl = parts[2];
          }
        }
      }
      case "FileName" -> {
        finishElement();
        section = Section.FILE;
      }
      case "SnippetSPDXID" -> {
        finishElement();
        section = Section.SNIPPET;
        assembler.ignore(value);
      }
      case "LicenseID" -> {
        finishElement();
        section = Section.LICENSE;
      }
      case "Relationship" -> {
        String[] parts = value.split("\\s+");
        if (parts.length != 3) {
          throw new InvalidInputException(
              "Relationship needs 'ELEMENT TYPE RELATED' but is " + Warnings.quote(value), where);
        }
        SpdxRelationships.apply(parts[0], parts[1].toUpperCase(Locale.ROOT), parts[2], assembler, describes);
      }
      case "DocumentDescribes" -> {
        for (String ref : value.split("[,\\s]+")) {
          if (!ref.isEmpty()) {
            assembler.addRootCandidate(ref);
          }
        }
      }
      default -> {
        // a tag the neutral model does not need
      }
    }
  }

  /** Defines the package being read, if any, when the next element starts or the document ends. */
  private void finishElement() {
    if (section != Section.PACKAGE) {
      return;
    }
    String where = "line " + packageLine;
    if (isBlank(packageId)) {
      throw new InvalidInputException(
          "package " + ComponentIdentity.label(packageName, packageVersion, "?") + " has no SPDXID", where);
    }
    if (isBlank(packageName) && isBlank(packagePurl)) {
      throw new InvalidInputException("package " + Warnings.quote(packageId) + " has neither a name nor a purl", where);
    }
    assembler.declare(
        assembler.reserve(), packageId, packagePurl, null, packageName, packageVersion,
        SpdxRelationships.supplierName(packageSupplier));
    packageName = null;
    packageId = null;
    packageVersion = null;
    packageSupplier = null;
    packagePurl = null;
  }

  private Bom finish() {
    if (spdxVersion == null) {
      throw new InvalidInputException("the document has no SPDXVersion tag", "line 1");
    }
    String id = documentId == null ? "SPDXRef-DOCUMENT" : documentId;
    assembler.ignore(id);
    describes.resolve(id, assembler);
    String name =
        !isBlank(documentName) ? documentName : !isBlank(fallbackName) ? fallbackName.strip() : NO_NAME;
    return assembler.build(BomFormat.SPDX_TAG_VALUE, spdxVersion, name, id, name);
  }
}
