package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * Reads an OpenVEX document into {@link VexStatement}s, one per statement and product.
 *
 * <p>OpenVEX 0.2.0 documents ({@code @context} {@code https://openvex.dev/ns/v0.2.0}) are first checked
 * against the OpenVEX JSON schema (see {@link AdvisoryReader}); the older 0.0.1 form ({@code
 * https://openvex.dev/ns}, products and vulnerability as plain strings, statement-level {@code
 * subcomponents}) is read too, with the same rules checked here. A statement's timestamp defaults to
 * the document's, as the specification's inheritance rule says. A {@code not_affected} statement needs
 * a justification or an impact statement [1].
 *
 * <p>[1] https://github.com/openvex/spec/blob/main/OPENVEX-SPEC.md
 */
final class OpenVexReader {
  static final String CONTEXT_PREFIX = "https://openvex.dev/ns";

  private OpenVexReader() {}

  /** The statements and the document's author. */
  record Result(List<VexStatement> statements, String author, List<String> warnings) {}

  static Result read(JsonNode root) {
    String author = JsonFields.requiredText(root, "author", "$");
    Optional<Instant> documentTime = JsonFields.timestamp(root, "timestamp", "$");
    List<VexStatement> statements = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<JsonNode> nodes = JsonFields.array(root, "statements", "$");
    if (nodes.isEmpty()) {
      throw new InvalidInputException("an OpenVEX document needs at least one statement", "$.statements");
    }
    for (int s = 0; s < nodes.size(); s++) {
      String path = "$.statements[" + s + "]";
      JsonNode statement = nodes.get(s);
      if (!statement.isObject()) {
        throw new InvalidInputException("a statement must be an object", path);
      }
      JsonNode vulnerability = statement.get("vulnerability");
      String name;
      List<String> aliases = new ArrayList<>();
      if (vulnerability != null && vulnerability.isTextual()) {
        name = vulnerability.asText().strip();
      } else if (vulnerability != null && vulnerability.isObject()) {
        name = JsonFields.requiredText(vulnerability, "name", path + ".vulnerability");
        aliases.addAll(JsonFields.strings(vulnerability, "aliases", path + ".vulnerability"));
      } else {
        throw new InvalidInputException("a statement needs its vulnerability", path);
      }
      if (name.isEmpty()) {
        throw new InvalidInputException("the vulnerability needs a name", path + ".vulnerability");
      }
      Optional<Instant> stated = JsonFields.timestamp(statement, "timestamp", path);
      if (stated.isEmpty()) {
        stated = documentTime;
      }
      String status = JsonFields.requiredText(statement, "status", path);
      VexStatus vexStatus;
      try {
        vexStatus =
            VexStatus.of(
                status,
                JsonFields.text(statement, "justification", path),
                JsonFields.text(statement, "impact_statement", path),
                JsonFields.text(statement, "action_statement", path));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), JsonFields.under(path, e.location()), e);
      }
      List<String> legacySubcomponents = JsonFields.strings(statement, "subcomponents", path);
      List<JsonNode> products = JsonFields.array(statement, "products", path);
      if (products.isEmpty()) {
        warnings.add(path + " names no product, so it applies to none");
        continue;
      }
      for (int p = 0; p < products.size(); p++) {
        String productPath = path + ".products[" + p + "]";
        JsonNode product = products.get(p);
        String productId;
        List<String> subcomponents = new ArrayList<>(legacySubcomponents);
        if (product.isTextual()) {
          productId = product.asText();
        } else if (product.isObject()) {
          productId = identifier(product, productPath);
          List<JsonNode> subs = JsonFields.array(product, "subcomponents", productPath);
          for (int c = 0; c < subs.size(); c++) {
            subcomponents.add(identifier(subs.get(c), productPath + ".subcomponents[" + c + "]"));
          }
        } else {
          throw new InvalidInputException("a product is an object with @id or identifiers", productPath);
        }
        try {
          statements.add(VexStatement.of(name, aliases, productId, "", subcomponents, vexStatus, stated));
        } catch (InvalidInputException e) {
          throw new InvalidInputException(e.getMessage(), productPath, e);
        }
      }
    }
    return new Result(statements, author, warnings);
  }

  /** A component's identifier: its PURL from {@code identifiers}, else its {@code @id}. */
  private static String identifier(JsonNode component, String path) {
    if (!component.isObject()) {
      throw new InvalidInputException("a component is an object with @id or identifiers", path);
    }
    JsonNode identifiers = component.get("identifiers");
    if (identifiers != null && identifiers.hasNonNull("purl")) {
      return identifiers.get("purl").asText();
    }
    String id = JsonFields.text(component, "@id", path);
    if (id.isBlank()) {
      String cpe = identifiers == null ? "" : identifiers.path("cpe23").asText(identifiers.path("cpe22").asText(""));
      if (cpe.isBlank()) {
        throw new InvalidInputException("a component needs @id or identifiers", path);
      }
      return cpe;
    }
    return id;
  }
}
