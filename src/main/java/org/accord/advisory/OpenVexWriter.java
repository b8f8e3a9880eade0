package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.accord.InvalidInputException;

/**
 * Builds an OpenVEX 0.2.0 document: one statement per VEX statement with a PURL product (OpenVEX
 * identifies products by IRI; a product named only in words cannot be written and is left out). The
 * document's {@code @id} is the publisher's namespace plus a SHA-256 of the content, as OpenVEX's own
 * tooling names documents. A product version range, which OpenVEX cannot express, goes into {@code
 * status_notes} with the version-less package as the product. Stateless.
 */
final class OpenVexWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpenVexWriter() {}

  static JsonNode write(Advisory advisory, List<VexStatement> statements, AdvisoryExport.Context context) {
    ArrayNode out = NODES.arrayNode();
    for (VexStatement statement : statements) {
      if (!AdvisoryExport.hasPurl(statement)) {
        continue;
      }
      ObjectNode node = out.addObject();
      ObjectNode vulnerability = node.putObject("vulnerability");
      vulnerability.put("name", statement.vulnerability());
      ArrayNode aliases = NODES.arrayNode();
      for (String name : advisory.names()) {
        if (!name.equals(statement.vulnerability())) {
          aliases.add(name);
        }
      }
      for (String alias : statement.aliases()) {
        if (!alias.equals(statement.vulnerability()) && !advisory.names().contains(alias)) {
          aliases.add(alias);
        }
      }
      if (!aliases.isEmpty()) {
        vulnerability.set("aliases", aliases);
      }
      if (!advisory.summary().isEmpty()) {
        vulnerability.put("description", advisory.summary());
      }
      statement.timestamp().ifPresent(time -> node.put("timestamp", time.toString()));
      ObjectNode product = node.putArray("products").addObject();
      product.put("@id", statement.product());
      if (!statement.subcomponents().isEmpty()) {
        ArrayNode subs = product.putArray("subcomponents");
        statement.subcomponents().forEach(sub -> subs.addObject().put("@id", sub));
      }
      VexStatus status = statement.status();
      node.put("status", status.label());
      if (!statement.productRange().isEmpty()) {
        node.put("status_notes", "applies to the product versions in " + statement.productRange());
      }
      if (status instanceof VexStatus.NotAffected notAffected) {
        notAffected.justification().ifPresent(j -> node.put("justification", j.label()));
        if (!notAffected.impactStatement().isBlank()) {
          node.put("impact_statement", notAffected.impactStatement());
        }
      } else if (status instanceof VexStatus.Affected affected) {
        node.put(
            "action_statement",
            affected.actionStatement().isBlank() ? "No action statement was given; contact the supplier." : affected.actionStatement());
      }
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(
          "none of the statements about " + advisory.id() + " names its product by a PURL, which OpenVEX needs", "format");
    }
    ObjectNode root = NODES.objectNode();
    root.put("@context", "https://openvex.dev/ns/v0.2.0");
    root.put("@id", context.namespace().replaceAll("/+$", "") + "/vex/" + advisory.id() + "-" + digest(out.toString()).substring(0, 16));
    root.put("author", context.author());
    root.put("role", "Accord instance exporting stored VEX statements");
    root.put("timestamp", context.now().toString());
    root.put("version", 1);
    root.put("tooling", "Accord " + context.toolVersion());
    root.set("statements", out);
    return root;
  }

  private static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
