package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.identity.Ecosystem;
import org.accord.identity.OsvEvent;

/**
 * Reads an OSV record into an {@link Advisory}, refusing anything Accord could not match exactly.
 *
 * <p>Checked here, with the JSONPath of the problem: the required {@code id} and {@code modified};
 * timestamps; every affected package's ecosystem (known and supported, see {@link
 * Ecosystem#fromOsvName}) and name; every range's type, events ({@code introduced} present, {@code
 * fixed} and {@code last_affected} not mixed, every version valid in the ecosystem's scheme, see
 * {@link AffectedPackage#of}) and every listed version. What remains of the OSV schema (formats,
 * enumerations) is checked afterwards against the schema itself (see {@link AdvisoryReader}). {@code
 * GIT} ranges are kept but not evaluated. Stateless.
 *
 * <p>[1] https://ossf.github.io/osv-schema/
 */
final class OsvReader {
  private OsvReader() {}

  static Advisory read(JsonNode root, String text) {
    String id = JsonFields.requiredText(root, "id", "$");
    JsonFields.requiredText(root, "modified", "$");
    List<String> aliases = new ArrayList<>();
    for (String alias : JsonFields.strings(root, "aliases", "$")) {
      if (!alias.isBlank() && !alias.strip().equals(id) && !aliases.contains(alias.strip())) {
        aliases.add(alias.strip());
      }
    }
    List<SeverityScore> severities = new ArrayList<>(severities(root, "$"));
    List<Reference> references = new ArrayList<>();
    List<JsonNode> referenceNodes = JsonFields.array(root, "references", "$");
    for (int i = 0; i < referenceNodes.size(); i++) {
      String path = "$.references[" + i + "]";
      JsonNode reference = referenceNodes.get(i);
      if (!reference.isObject()) {
        throw new InvalidInputException("a reference must be an object", path);
      }
      references.add(new Reference(JsonFields.requiredText(reference, "type", path), JsonFields.requiredText(reference, "url", path)));
    }
    List<AffectedPackage> affected = new ArrayList<>();
    List<JsonNode> affectedNodes = JsonFields.array(root, "affected", "$");
    for (int i = 0; i < affectedNodes.size(); i++) {
      String path = "$.affected[" + i + "]";
      JsonNode entry = affectedNodes.get(i);
      if (!entry.isObject()) {
        throw new InvalidInputException("an affected entry must be an object", path);
      }
      affected.add(affected(entry, path));
      for (SeverityScore severity : severities(entry, path)) {
        if (!severities.contains(severity)) {
          severities.add(severity);
        }
      }
    }
    return new Advisory(
        id,
        AdvisoryFormat.OSV,
        JsonFields.text(root, "summary", "$").strip(),
        JsonFields.text(root, "details", "$").strip(),
        aliases,
        JsonFields.timestamp(root, "published", "$"),
        JsonFields.timestamp(root, "modified", "$"),
        JsonFields.timestamp(root, "withdrawn", "$"),
        severities,
        references,
        affected,
        text);
  }

  private static List<SeverityScore> severities(JsonNode object, String path) {
    List<SeverityScore> severities = new ArrayList<>();
    List<JsonNode> nodes = JsonFields.array(object, "severity", path);
    for (int i = 0; i < nodes.size(); i++) {
      String where = path + ".severity[" + i + "]";
      JsonNode severity = nodes.get(i);
      if (!severity.isObject()) {
        throw new InvalidInputException("a severity must be an object with type and score", where);
      }
      severities.add(new SeverityScore(JsonFields.requiredText(severity, "type", where), JsonFields.requiredText(severity, "score", where)));
    }
    return severities;
  }

  private static AffectedPackage affected(JsonNode entry, String path) {
    JsonNode pkg = JsonFields.object(entry, "package", path);
    String osvEcosystem = "";
    String name = "";
    String packageKey = "";
    Ecosystem ecosystem = Ecosystem.GENERIC;
    if (pkg != null) {
      String packagePath = path + ".package";
      osvEcosystem = JsonFields.requiredText(pkg, "ecosystem", packagePath);
      name = JsonFields.requiredText(pkg, "name", packagePath);
      try {
        ecosystem = Ecosystem.fromOsvName(osvEcosystem);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), packagePath + ".ecosystem", e);
      }
      try {
        packageKey = OsvPackages.packageKey(osvEcosystem, ecosystem, name, JsonFields.text(pkg, "purl", packagePath));
      } catch (InvalidInputException e) {
        throw JsonFields.relocate(e, packagePath);
      }
    }
    List<EventRange> ranges = new ArrayList<>();
    List<JsonNode> rangeNodes = JsonFields.array(entry, "ranges", path);
    for (int r = 0; r < rangeNodes.size(); r++) {
      ranges.add(range(rangeNodes.get(r), path + ".ranges[" + r + "]"));
    }
    for (EventRange range : ranges) {
      if (range.type().evaluable() && pkg == null) {
        throw new InvalidInputException(
            "a " + range.type() + " range needs a package (only GIT ranges may stand without one)", path + ".package");
      }
    }
    List<String> versions = JsonFields.strings(entry, "versions", path);
    if (pkg == null) {
      versions = List.of(); // versions without a package are git tags, which name no package version
    }
    try {
      return AffectedPackage.of(osvEcosystem, ecosystem, name, packageKey, ranges, versions, List.of());
    } catch (InvalidInputException e) {
      throw JsonFields.relocate(e, path);
    }
  }

  private static EventRange range(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new InvalidInputException("a range must be an object", path);
    }
    String typeText = JsonFields.requiredText(node, "type", path);
    EventRange.Type type;
    try {
      type = EventRange.Type.valueOf(typeText);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("unknown range type '" + typeText + "' (one of SEMVER, ECOSYSTEM, GIT)", path + ".type", e);
    }
    String repo = JsonFields.text(node, "repo", path).strip();
    if (type == EventRange.Type.GIT && repo.isEmpty()) {
      throw new InvalidInputException("a GIT range needs its 'repo'", path);
    }
    List<OsvEvent> events = new ArrayList<>();
    List<JsonNode> eventNodes = JsonFields.array(node, "events", path);
    if (eventNodes.isEmpty()) {
      throw new InvalidInputException("a range needs at least one event", path + ".events");
    }
    for (int e = 0; e < eventNodes.size(); e++) {
      String where = path + ".events[" + e + "]";
      JsonNode event = eventNodes.get(e);
      if (!event.isObject() || event.size() != 1) {
        throw new InvalidInputException(
            "an event is an object with exactly one of introduced, fixed, last_affected or limit", where);
      }
      Map.Entry<String, JsonNode> field = event.properties().iterator().next();
      if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) {
        throw new InvalidInputException("the event's version must be a non-empty string", where + "." + field.getKey());
      }
      String version = field.getValue().asText().strip();
      events.add(
          switch (field.getKey()) {
            case "introduced" -> OsvEvent.introduced(version);
            case "fixed" -> OsvEvent.fixed(version);
            case "last_affected" -> OsvEvent.lastAffected(version);
            case "limit" -> OsvEvent.limit(version);
            default -> throw new InvalidInputException(
                "unknown event '" + field.getKey() + "' (one of introduced, fixed, last_affected, limit)", where);
          });
    }
    return new EventRange(type, repo, events);
  }
}
