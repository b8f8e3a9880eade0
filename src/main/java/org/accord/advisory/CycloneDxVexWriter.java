package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.accord.identity.Purl;

/**
 * Builds a CycloneDX 1.6 VEX document: the statements' products as components (their subcomponents
 * nested inside, so each product/component pair has its own {@code bom-ref}), and one {@code
 * vulnerabilities} entry per group of statements with the same analysis. Statuses map to analysis
 * states as CycloneDX's VEX guide does: not affected is {@code not_affected} (with the closest CycloneDX
 * justification, see {@link Justification#cycloneDx}), affected is {@code exploitable} with the action
 * as detail, fixed is {@code resolved}, under investigation is {@code in_triage}. A product version range
 * is written as {@code affects[].versions[].range}. The serial number is a name-based UUID of the
 * content, so exporting the same statements twice gives the same document apart from its timestamp.
 * Stateless.
 */
final class CycloneDxVexWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CycloneDxVexWriter() {}

  static JsonNode write(Advisory advisory, List<VexStatement> statements, AdvisoryExport.Context context) {
    Map<String, ObjectNode> products = new LinkedHashMap<>();
    Map<String, ObjectNode> groups = new LinkedHashMap<>();
    int unnamed = 0;
    for (VexStatement statement : statements) {
      String productRef;
      if (AdvisoryExport.hasPurl(statement)) {
        productRef = statement.product();
        products.computeIfAbsent(productRef, ref -> component(ref, "application"));
      } else {
        productRef = "product-" + (++unnamed);
        ObjectNode named = NODES.objectNode().put("type", "application").put("bom-ref", productRef).put("name", statement.product());
        products.put(productRef, named);
      }
      List<String> refs = new java.util.ArrayList<>();
      if (statement.subcomponents().isEmpty()) {
        refs.add(productRef);
      } else {
        ObjectNode product = products.get(productRef);
        ArrayNode nested = product.has("components") ? (ArrayNode) product.get("components") : product.putArray("components");
        for (String sub : statement.subcomponents()) {
          String subRef = productRef + "#" + sub;
          boolean present = false;
          for (JsonNode existing : nested) {
            present |= existing.path("bom-ref").asText().equals(subRef);
          }
          if (!present) {
            ObjectNode component = component(sub, "library");
            component.put("bom-ref", subRef);
            nested.add(component);
          }
          refs.add(subRef);
        }
      }
      VexStatus status = statement.status();
      String groupKey = statement.vulnerability() + "|" + status.label() + "|" + status.justificationLabel() + "|"
          + status.impactStatement() + "|" + status.actionStatement();
      ObjectNode vulnerability = groups.computeIfAbsent(groupKey, key -> vulnerability(advisory, statement));
      ArrayNode affects = (ArrayNode) vulnerability.get("affects");
      for (String ref : refs) {
        ObjectNode affect = affects.addObject().put("ref", ref);
        if (!statement.productRange().isEmpty()) {
          affect.putArray("versions").addObject().put("range", statement.productRange())
              .put("status", status.suppresses() ? "unaffected" : status instanceof VexStatus.Affected ? "affected" : "unknown");
        }
      }
    }
    ArrayNode components = NODES.arrayNode();
    products.values().forEach(components::add);
    ArrayNode vulnerabilities = NODES.arrayNode();
    groups.values().forEach(vulnerabilities::add);

    ObjectNode root = NODES.objectNode();
    root.put("bomFormat", "CycloneDX");
    root.put("specVersion", "1.6");
    String content = components.toString() + vulnerabilities;
    root.put("serialNumber", "urn:uuid:" + UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)));
    root.put("version", 1);
    ObjectNode metadata = root.putObject("metadata");
    metadata.put("timestamp", context.now().toString());
    metadata.putObject("tools").putArray("components").addObject()
        .put("type", "application").put("name", "Accord").put("version", context.toolVersion());
    metadata.putObject("manufacturer").put("name", context.author());
    root.set("components", components);
    root.set("vulnerabilities", vulnerabilities);
    return root;
  }

  private static ObjectNode component(String purlText, String type) {
    Purl purl = Purl.parse(purlText);
    ObjectNode component = NODES.objectNode();
    component.put("type", type);
    component.put("bom-ref", purlText);
    if (!purl.namespace().isEmpty()) {
      component.put("group", purl.namespace());
    }
    component.put("name", purl.name());
    if (purl.hasVersion()) {
      component.put("version", purl.version());
    }
    component.put("purl", purlText);
    return component;
  }

  private static ObjectNode vulnerability(Advisory advisory, VexStatement statement) {
    ObjectNode vulnerability = NODES.objectNode();
    vulnerability.put("id", statement.vulnerability());
    vulnerability.putObject("source").put("name", source(statement.vulnerability()));
    ArrayNode references = NODES.arrayNode();
    for (String name : advisory.names()) {
      if (!name.equals(statement.vulnerability())) {
        references.addObject().put("id", name).putObject("source").put("name", source(name));
      }
    }
    if (!references.isEmpty()) {
      vulnerability.set("references", references);
    }
    ArrayNode ratings = NODES.arrayNode();
    for (SeverityScore severity : advisory.severities()) {
      String method = method(severity);
      if (method != null) {
        ratings.addObject().put("method", method).put("vector", severity.score());
      }
    }
    if (!ratings.isEmpty()) {
      vulnerability.set("ratings", ratings);
    }
    if (!advisory.summary().isEmpty()) {
      vulnerability.put("description", advisory.summary());
    }
    if (!advisory.details().isEmpty()) {
      vulnerability.put("detail", advisory.details());
    }
    advisory.published().ifPresent(time -> vulnerability.put("published", time.toString()));
    advisory.modified().ifPresent(time -> vulnerability.put("updated", time.toString()));
    ObjectNode analysis = vulnerability.putObject("analysis");
    VexStatus status = statement.status();
    if (status instanceof VexStatus.NotAffected notAffected) {
      analysis.put("state", "not_affected");
      notAffected.justification().ifPresent(j -> analysis.put("justification", j.cycloneDx()));
      if (!notAffected.impactStatement().isBlank()) {
        analysis.put("detail", notAffected.impactStatement());
      }
    } else if (status instanceof VexStatus.Affected affected) {
      analysis.put("state", "exploitable");
      if (!affected.actionStatement().isBlank()) {
        analysis.put("detail", affected.actionStatement());
      }
    } else if (status instanceof VexStatus.Fixed) {
      analysis.put("state", "resolved");
    } else {
      analysis.put("state", "in_triage");
    }
    vulnerability.putArray("affects");
    return vulnerability;
  }

  /** The database a vulnerability id comes from, by its prefix. */
  static String source(String id) {
    if (id.startsWith("CVE-")) {
      return "NVD";
    }
    if (id.startsWith("GHSA-")) {
      return "GitHub";
    }
    int dash = id.indexOf('-');
    return dash > 0 ? id.substring(0, dash) : "Accord";
  }

  private static String method(SeverityScore severity) {
    String score = severity.score();
    if (score.startsWith("CVSS:3.1/")) {
      return "CVSSv31";
    }
    if (score.startsWith("CVSS:3.0/")) {
      return "CVSSv3";
    }
    if (score.startsWith("CVSS:4.0/")) {
      return "CVSSv4";
    }
    if (severity.type().equals("CVSS_V2")) {
      return "CVSSv2";
    }
    return null;
  }
}
