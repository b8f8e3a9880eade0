package org.accord.sbom;

import static org.accord.sbom.ComponentIdentity.isBlank;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.accord.sbom.BomEdge.Relation;

/**
 * Reads the CycloneDX members of a JSON document, one top-level member at a time, as {@link
 * JsonBomReader} streams through it. Reads only what the neutral model needs (identity, nesting,
 * pedigree, dependencies, supplier) and skips the rest token by token, so memory stays proportional
 * to the number of components, not to the document. Not thread-safe; one per document.
 */
final class CycloneDxJson {
  /** Component types of CycloneDX 1.0–1.7 (the union; later versions only added types). */
  static final Set<String> COMPONENT_TYPES =
      Set.of(
          "application", "framework", "library", "container", "platform", "operating-system",
          "device", "device-driver", "firmware", "file", "machine-learning-model", "data",
          "cryptographic-asset");

  /** RFC 4122 URN, as the CycloneDX schema's serialNumber pattern requires. */
  static final Pattern SERIAL_NUMBER =
      Pattern.compile("^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  /** The refusal of a component whose type CycloneDX does not define, for both CycloneDX readers. */
  static String unknownType(String label, String type) {
    return "component " + label + " has the unknown type " + Warnings.quote(type) + "; CycloneDX types are "
        + String.join(", ", new TreeSet<>(COMPONENT_TYPES));
  }

  private final JsonParser parser;
  private final BomAssembler assembler;
  private final Warnings warnings;

  String bomFormat;
  String specVersion;
  String serialNumber;
  int componentCount;
  int vulnerabilityCount;

  CycloneDxJson(JsonParser parser, Warnings warnings) {
    this.parser = parser;
    this.warnings = warnings;
    this.assembler = new BomAssembler(warnings);
  }

  BomAssembler assembler() {
    return assembler;
  }

  /** {@code $.metadata}: the root component and the document-level supplier. */
  void metadata(String path) throws IOException {
    if (!Json.objectOrNull(parser, path)) {
      return;
    }
    String supplier = null;
    String manufacturer = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "component" -> {
          if (Json.objectOrNull(parser, path + ".component")) {
            String root = component(new Json.Path(path + ".component"), true);
            assembler.setRoot(root);
          }
        }
        case "supplier" -> supplier = organizationName(path, "supplier");
        case "manufacturer", "manufacture" -> {
          String name = organizationName(path, field);
          manufacturer = isBlank(manufacturer) ? name : manufacturer;
        }
        default -> parser.skipChildren();
      }
    }
    assembler.documentSupplier(isBlank(supplier) ? manufacturer : supplier);
  }

  /** A {@code components} array; returns the refs of its elements. */
  List<String> components(String path) throws IOException {
    if (!Json.arrayOrNull(parser, path)) {
      return List.of();
    }
    List<String> refs = new ArrayList<>();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      Json.Path elementPath = new Json.Path(path, index++);
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        Json.expect(parser, JsonToken.START_OBJECT, elementPath.toString());
      }
      refs.add(component(elementPath, false));
    }
    return refs;
  }

  /** One component object (the parser is on its START_OBJECT); returns its ref. */
  private String component(Json.Path path, boolean isRoot) throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    int slot = assembler.reserve();
    if (!isRoot) {
      componentCount++;
    }
    String ref = null;
    String type = null;
    String name = null;
    String group = null;
    String version = null;
    String purl = null;
    String supplier = null;
    String manufacturer = null;
    String publisher = null;
    List<String> children = List.of();
    List<String> ancestors = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "bom-ref" -> ref = Json.text(parser, path, "bom-ref");
        case "type" -> type = Json.text(parser, path, "type");
        case "name" -> name = Json.text(parser, path, "name");
        case "group" -> group = Json.text(parser, path, "group");
        case "version" -> version = Json.text(parser, path, "version");
        case "purl" -> purl = Json.text(parser, path, "purl");
        case "publisher" -> publisher = Json.text(parser, path, "publisher");
        case "supplier" -> supplier = organizationName(path, "supplier");
        case "manufacturer" -> manufacturer = organizationName(path, "manufacturer");
        case "components" -> children = components(path + ".components");
        case "pedigree" -> ancestors = pedigree(path + ".pedigree");
        default -> parser.skipChildren();
      }
    }
    if (ref != null && ref.isEmpty()) {
      throw Json.error(path + ".bom-ref", start, "component " + label(name, version, ref, path) + " has an empty bom-ref");
    }
    if (type == null) {
      throw Json.error(path.toString(), start, "component " + label(name, version, ref, path) + " has no type");
    }
    if (!COMPONENT_TYPES.contains(type)) {
      throw Json.error(path + ".type", start, unknownType(label(name, version, ref, path), type));
    }
    if (isBlank(name) && isBlank(purl)) {
      throw Json.error(path.toString(), start, "component has neither a name nor a purl");
    }
    String finalRef = ref == null ? path.toString() : ref;
    String supplierName = ComponentIdentity.firstNonBlank(supplier, manufacturer, publisher);
    String defined = assembler.declare(slot, finalRef, purl, group, name, version, supplierName);
    for (String child : children) {
      assembler.addEdge(defined, child, Relation.DEPENDS_ON);
    }
    for (String ancestor : ancestors) {
      assembler.addEdge(defined, ancestor, Relation.FORK_OF);
    }
    return defined;
  }

  private static String label(String name, String version, String ref, Json.Path path) {
    return ComponentIdentity.label(name, version, ref == null || ref.isEmpty() ? path.toString() : ref);
  }

  /** {@code pedigree}: ancestors are read as components; descendants and variants are counted. */
  private List<String> pedigree(String path) throws IOException {
    if (!Json.objectOrNull(parser, path)) {
      return List.of();
    }
    List<String> ancestors = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "ancestors" -> ancestors = components(path + ".ancestors");
        case "descendants", "variants" -> {
          if (Json.arrayOrNull(parser, path + "." + field)) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              warnings.note(Warnings.Kind.PEDIGREE_IGNORED, path + "." + field + "[" + index++ + "]");
              parser.skipChildren();
            }
          }
        }
        default -> parser.skipChildren();
      }
    }
    return ancestors;
  }

  /** An organizational entity's {@code name}, or null. */
  private String organizationName(Object parent, String member) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      Json.expect(parser, JsonToken.START_OBJECT, parent + "." + member);
    }
    String name = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals("name")) {
        name =
            parser.currentToken() == JsonToken.VALUE_STRING
                ? parser.getText()
                : Json.text(parser, parent + "." + member + ".name");
      } else {
        parser.skipChildren();
      }
    }
    return name;
  }

  /** {@code $.dependencies}: {@code {"ref": a, "dependsOn": [b, c]}} becomes a -> b, a -> c. */
  void dependencies(String path) throws IOException {
    if (!Json.arrayOrNull(parser, path)) {
      return;
    }
    int index = 0;
    List<String> dependsOn = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      Json.Path elementPath = new Json.Path(path, index++);
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        Json.expect(parser, JsonToken.START_OBJECT, elementPath.toString());
      }
      JsonLocation start = parser.currentTokenLocation();
      String ref = null;
      dependsOn.clear();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("ref")) {
          ref = Json.text(parser, elementPath, "ref");
        } else if (field.equals("dependsOn")) {
          if (parser.currentToken() == JsonToken.START_ARRAY
              || Json.arrayOrNull(parser, elementPath + ".dependsOn")) {
            int depIndex = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              String dep = parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null;
              if (isBlank(dep)) {
                String depPath = elementPath + ".dependsOn[" + depIndex + "]";
                Json.text(parser, depPath); // refuses a non-string with its type
                throw Json.error(depPath, parser.currentTokenLocation(), "dependsOn names an empty ref");
              }
              depIndex++;
              dependsOn.add(dep);
            }
          }
        } else {
          parser.skipChildren();
        }
      }
      if (isBlank(ref)) {
        throw Json.error(
            elementPath.toString(), start, ref == null ? "dependency has no ref" : "dependency has an empty ref");
      }
      for (String dep : dependsOn) {
        assembler.addEdge(ref, dep, Relation.DEPENDS_ON);
      }
    }
  }

  /** {@code $.services}: services are not components, but dependencies may name them. */
  void services(String path) throws IOException {
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
        if (field.equals("bom-ref")) {
          String ref = Json.text(parser, elementPath + ".bom-ref");
          if (ref != null) {
            assembler.ignore(ref);
          }
        } else if (field.equals("services")) {
          services(elementPath + ".services");
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  /** {@code $.vulnerabilities}: only counted, to tell VEX documents from SBOMs. */
  void vulnerabilities(String path) throws IOException {
    if (!Json.arrayOrNull(parser, path)) {
      return;
    }
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      vulnerabilityCount++;
      parser.skipChildren();
    }
  }
}
