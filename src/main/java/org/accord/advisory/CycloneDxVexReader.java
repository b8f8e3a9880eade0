package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * Reads the {@code vulnerabilities} of a CycloneDX JSON document (1.4 and later) into {@link
 * VexStatement}s.
 *
 * <p>Each vulnerability with an {@code analysis.state} gives one statement per affected reference:
 * {@code resolved} and {@code resolved_with_pedigree} are fixed, {@code exploitable} affected (the
 * {@code response} list and {@code detail} are the action statement), {@code in_triage} under
 * investigation, {@code not_affected} and {@code false_positive} not affected (the justification
 * maps as {@link Justification#fromCycloneDx} says, {@code detail} is the impact statement). A
 * vulnerability without an analysis makes no statement: its findings stay {@code unknown}.
 *
 * <p>What a statement is about: CycloneDX's {@code affects[].ref} names the affected component of the
 * product the BOM describes ({@code metadata.component}). When that product has a PURL, the statement
 * is about it, narrowed to the component as a subcomponent; otherwise it is about the component. A
 * reference resolves to a component of this document by {@code bom-ref}, also through a BOM-Link
 * ({@code urn:cdx:serial/version#bom-ref}) to this document's serial number; a BOM-Link fragment that is
 * itself a PURL is read as one. Per-version entries ({@code affects[].versions}) name product versions
 * or {@code vers:} ranges; an {@code unaffected} version is not affected whatever the analysis says.
 */
final class CycloneDxVexReader {
  private CycloneDxVexReader() {}

  /** The statements and the document's author (its {@code metadata} manufacturer, supplier or tool), if any. */
  record Result(List<VexStatement> statements, String author, List<String> warnings) {}

  static Result read(JsonNode root) {
    List<String> warnings = new ArrayList<>();
    String serial = JsonFields.text(root, "serialNumber", "$").strip();
    JsonNode metadata = JsonFields.object(root, "metadata", "$");
    Map<String, String> purlByRef = new HashMap<>();
    Map<String, String> topLevelByRef = new HashMap<>();
    String productPurl = "";
    String productRef = "";
    if (metadata != null && metadata.path("component").isObject()) {
      JsonNode product = metadata.get("component");
      productPurl = product.path("purl").asText("");
      productRef = product.path("bom-ref").asText("");
      index(product, purlByRef, topLevelByRef);
    }
    for (JsonNode component : root.path("components")) {
      index(component, purlByRef, topLevelByRef);
    }
    Optional<Instant> documentTime =
        metadata == null ? Optional.empty() : JsonFields.timestamp(metadata, "timestamp", "$.metadata");
    String author = metadata == null ? "" : author(metadata);

    List<JsonNode> vulnerabilities = JsonFields.array(root, "vulnerabilities", "$");
    if (vulnerabilities.isEmpty()) {
      throw new InvalidInputException(
          "this CycloneDX document has no vulnerabilities, so it is no VEX document (ingest an SBOM with 'accord ingest sbom')",
          "$.vulnerabilities");
    }
    List<VexStatement> statements = new ArrayList<>();
    for (int v = 0; v < vulnerabilities.size(); v++) {
      String path = "$.vulnerabilities[" + v + "]";
      JsonNode vulnerability = vulnerabilities.get(v);
      if (!vulnerability.isObject()) {
        throw new InvalidInputException("a vulnerability must be an object", path);
      }
      String id = JsonFields.requiredText(vulnerability, "id", path);
      List<String> aliases = new ArrayList<>();
      for (JsonNode reference : vulnerability.path("references")) {
        String alias = reference.path("id").asText("").strip();
        if (!alias.isEmpty() && !alias.equals(id)) {
          aliases.add(alias);
        }
      }
      JsonNode analysis = JsonFields.object(vulnerability, "analysis", path);
      if (analysis == null || !analysis.hasNonNull("state")) {
        warnings.add(path + " (" + id + ") has no analysis state: no statement, its findings stay unknown");
        continue;
      }
      VexStatus status;
      try {
        status = status(analysis);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), path + ".analysis", e);
      }
      Optional<Instant> stated = JsonFields.timestamp(vulnerability, "updated", path);
      if (stated.isEmpty()) {
        stated = JsonFields.timestamp(vulnerability, "published", path);
      }
      if (stated.isEmpty()) {
        stated = documentTime;
      }
      List<JsonNode> affects = JsonFields.array(vulnerability, "affects", path);
      if (affects.isEmpty()) {
        warnings.add(path + " (" + id + ") affects nothing: no statement");
      }
      for (int a = 0; a < affects.size(); a++) {
        String affectPath = path + ".affects[" + a + "]";
        String ref = JsonFields.requiredText(affects.get(a), "ref", affectPath);
        String component = resolve(ref, serial, purlByRef);
        String topLevel = topLevelByRef.getOrDefault(localRef(ref, serial), "");
        String product;
        List<String> subcomponents = new ArrayList<>();
        if (!productPurl.isBlank() && !ref.equals(productRef) && !component.equals(productPurl) && component.startsWith("pkg:")) {
          product = productPurl;
          subcomponents.add(component);
        } else if (!topLevel.isEmpty() && !topLevel.equals(component) && component.startsWith("pkg:")) {
          product = topLevel;
          subcomponents.add(component);
        } else {
          product = component;
        }
        if (!product.startsWith("pkg:")) {
          warnings.add(affectPath + " refers to '" + ref + "', which is no PURL here: the statement applies to no finding");
        }
        List<JsonNode> versions = JsonFields.array(affects.get(a), "versions", affectPath);
        try {
          if (versions.isEmpty() || !product.startsWith("pkg:")) {
            statements.add(VexStatement.of(id, aliases, product, "", subcomponents, status, stated));
            continue;
          }
          for (int i = 0; i < versions.size(); i++) {
            JsonNode entry = versions.get(i);
            String versionStatus = entry.path("status").asText("affected");
            if (versionStatus.equals("unknown")) {
              continue;
            }
            VexStatus effective =
                versionStatus.equals("unaffected") && !status.suppresses()
                    ? new VexStatus.NotAffected(Optional.empty(), "listed as an unaffected version of " + ref)
                    : status;
            String version = entry.path("version").asText("");
            String range = entry.path("range").asText("");
            String versioned = product;
            if (!version.isEmpty() && !product.contains("@")) {
              versioned = org.accord.identity.Purl.parse(product).withVersion(version).canonical();
            }
            statements.add(VexStatement.of(id, aliases, versioned, version.isEmpty() ? range : "", subcomponents, effective, stated));
          }
        } catch (InvalidInputException e) {
          throw new InvalidInputException(e.getMessage(), affectPath, e);
        }
      }
    }
    return new Result(statements, author, warnings);
  }

  private static VexStatus status(JsonNode analysis) {
    String state = analysis.get("state").asText();
    String detail = analysis.path("detail").asText("").strip();
    List<String> responses = new ArrayList<>();
    analysis.path("response").forEach(response -> responses.add(response.asText()));
    return switch (state) {
      case "resolved", "resolved_with_pedigree" -> new VexStatus.Fixed();
      case "exploitable" -> new VexStatus.Affected(
          (responses.isEmpty() ? "" : "response: " + String.join(", ", responses) + (detail.isEmpty() ? "" : ". ")) + detail);
      case "in_triage" -> new VexStatus.UnderInvestigation();
      case "false_positive" -> new VexStatus.NotAffected(
          Justification.fromCycloneDx(analysis.path("justification").asText(null)),
          detail.isEmpty() ? "false positive: the vulnerability was falsely identified or associated with this component" : detail);
      case "not_affected" -> {
        String justification = analysis.path("justification").asText("");
        Optional<Justification> mapped = Justification.fromCycloneDx(justification);
        if (!justification.isEmpty() && mapped.isEmpty()) {
          throw new InvalidInputException("unknown CycloneDX justification '" + justification + "'");
        }
        yield new VexStatus.NotAffected(mapped, detail);
      }
      default -> throw new InvalidInputException(
          "unknown analysis state '" + state + "' (one of resolved, resolved_with_pedigree, exploitable, in_triage, "
              + "false_positive, not_affected)");
    };
  }

  /**
   * Maps every bom-ref in a component tree to its PURL, and to the PURL of the top-level component it
   * is part of (nested components are parts of their parent), iteratively so that a hostile depth
   * cannot overflow the stack.
   */
  private static void index(JsonNode component, Map<String, String> purlByRef, Map<String, String> topLevelByRef) {
    String top = component.path("purl").asText("");
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(component);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      String ref = node.path("bom-ref").asText("");
      String purl = node.path("purl").asText("");
      if (!ref.isEmpty() && !purl.isEmpty()) {
        purlByRef.put(ref, purl);
        topLevelByRef.put(ref, top);
      }
      node.path("components").forEach(pending::push);
    }
  }

  /** The bom-ref a reference names in this document: itself, or a BOM-Link's fragment for this serial. */
  private static String localRef(String ref, String serial) {
    int hash = ref.indexOf('#');
    if ((ref.startsWith("urn:cdx:") || ref.startsWith("urn:uuid:")) && hash > 0) {
      return java.net.URLDecoder.decode(ref.substring(hash + 1), java.nio.charset.StandardCharsets.UTF_8);
    }
    return ref;
  }

  /** The PURL a reference stands for, or the reference itself when it resolves to none. */
  private static String resolve(String ref, String serial, Map<String, String> purlByRef) {
    String local = ref;
    if (ref.startsWith("urn:cdx:") || ref.startsWith("urn:uuid:")) {
      int hash = ref.indexOf('#');
      if (hash < 0) {
        return ref;
      }
      String fragment = java.net.URLDecoder.decode(ref.substring(hash + 1), java.nio.charset.StandardCharsets.UTF_8);
      if (fragment.startsWith("pkg:")) {
        return fragment;
      }
      String linkSerial = ref.substring(0, ref.lastIndexOf('/', hash) < 0 ? hash : ref.lastIndexOf('/', hash))
          .replaceFirst("^urn:cdx:", "urn:uuid:");
      if (serial.isEmpty() || !linkSerial.equals(serial)) {
        return ref;
      }
      local = fragment;
    }
    String purl = purlByRef.get(local);
    if (purl != null) {
      return purl;
    }
    return local.startsWith("pkg:") ? local : ref;
  }

  private static String author(JsonNode metadata) {
    for (String field : List.of("manufacturer", "supplier", "manufacture")) {
      String name = metadata.path(field).path("name").asText("");
      if (!name.isBlank()) {
        return name.strip();
      }
    }
    JsonNode authors = metadata.path("authors");
    if (authors.isArray() && authors.size() > 0) {
      return authors.get(0).path("name").asText("");
    }
    return "";
  }
}
