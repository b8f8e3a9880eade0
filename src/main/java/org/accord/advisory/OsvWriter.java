package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accord.identity.Ecosystem;
import org.accord.identity.OsvEvent;
import org.accord.identity.Purl;

/**
 * Builds an OSV record (schema 1.6) from an advisory read from another format.
 *
 * <p>Affected packages keep their event ranges and version lists. A {@code vers:} range becomes one OSV
 * range per interval, so that {@code fixed} and {@code last_affected} never mix in one range:
 * {@code >=a} is {@code introduced: a} ({@code introduced: 0} when the interval has no lower bound),
 * {@code <b} is {@code fixed: b}, {@code <=b} is {@code last_affected: b}, and single versions join
 * {@code versions}. OSV cannot say "greater than" or "not equal", nor name a package whose PURL type has
 * no OSV ecosystem; such parts are listed under {@code database_specific.accord.not_exported} rather than
 * approximated. Stateless.
 */
final class OsvWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> SEVERITY_TYPES = Set.of("CVSS_V2", "CVSS_V3", "CVSS_V4", "Ubuntu");

  private OsvWriter() {}

  static JsonNode write(Advisory advisory, AdvisoryExport.Context context) {
    ObjectNode root = NODES.objectNode();
    root.put("schema_version", "1.6.0");
    // OSV ids start with a known database prefix or "x_"; another id keeps its name as an alias.
    boolean known = Schemas.osvIdPattern().matcher(advisory.id()).find();
    root.put("id", known ? advisory.id() : "x_" + advisory.id());
    root.put("modified", advisory.modified().orElse(context.now()).toString());
    advisory.published().ifPresent(published -> root.put("published", published.toString()));
    advisory.withdrawn().ifPresent(withdrawn -> root.put("withdrawn", withdrawn.toString()));
    if (!advisory.aliases().isEmpty() || !known) {
      ArrayNode aliases = root.putArray("aliases");
      if (!known) {
        aliases.add(advisory.id());
      }
      advisory.aliases().forEach(aliases::add);
    }
    if (!advisory.summary().isEmpty()) {
      root.put("summary", advisory.summary());
    }
    if (!advisory.details().isEmpty()) {
      root.put("details", advisory.details());
    }
    ArrayNode severity = NODES.arrayNode();
    for (SeverityScore score : advisory.severities()) {
      if (SEVERITY_TYPES.contains(score.type())) {
        severity.addObject().put("type", score.type()).put("score", score.score());
      }
    }
    if (!severity.isEmpty()) {
      root.set("severity", severity);
    }
    List<String> notExported = new ArrayList<>();
    ArrayNode affected = NODES.arrayNode();
    for (AffectedPackage pkg : advisory.affected()) {
      if (pkg.packageKey().isEmpty() || pkg.ecosystem() == Ecosystem.GENERIC) {
        if (!pkg.packageKey().isEmpty()) {
          notExported.add(pkg.packageKey() + ": its PURL type has no OSV ecosystem");
        }
        continue;
      }
      Purl purl = Purl.parse(pkg.packageKey());
      ObjectNode entry = affected.addObject();
      ObjectNode packageNode = entry.putObject("package");
      packageNode.put("ecosystem", pkg.osvEcosystem().isEmpty() ? OsvPackages.osvEcosystem(purl) : pkg.osvEcosystem());
      packageNode.put("name", OsvPackages.osvName(purl));
      packageNode.put("purl", pkg.packageKey());
      ArrayNode ranges = NODES.arrayNode();
      List<String> versions = new ArrayList<>(pkg.versions());
      for (EventRange range : pkg.ranges()) {
        ObjectNode rangeNode = ranges.addObject().put("type", range.type().name());
        if (range.type() == EventRange.Type.GIT) {
          rangeNode.put("repo", range.repo());
        }
        events(rangeNode.putArray("events"), range.events());
      }
      for (String vers : pkg.vers()) {
        if (!versToOsv(vers, ranges, versions)) {
          notExported.add(pkg.packageKey() + " " + vers + ": OSV events cannot express this range");
        }
      }
      if (!ranges.isEmpty()) {
        entry.set("ranges", ranges);
      }
      if (!versions.isEmpty()) {
        ArrayNode list = entry.putArray("versions");
        versions.forEach(list::add);
      }
    }
    if (!affected.isEmpty()) {
      root.set("affected", affected);
    }
    ArrayNode references = NODES.arrayNode();
    for (Reference reference : advisory.references()) {
      references.addObject().put("type", reference.type()).put("url", reference.url());
    }
    if (!references.isEmpty()) {
      root.set("references", references);
    }
    ObjectNode accord = root.putObject("database_specific").putObject("accord");
    accord.put("source_format", advisory.format().label());
    accord.put("exported", context.now().toString());
    if (!notExported.isEmpty()) {
      ArrayNode list = accord.putArray("not_exported");
      notExported.forEach(list::add);
    }
    return root;
  }

  private static void events(ArrayNode out, List<OsvEvent> events) {
    for (OsvEvent event : events) {
      String key =
          switch (event.kind()) {
            case INTRODUCED -> "introduced";
            case FIXED -> "fixed";
            case LAST_AFFECTED -> "last_affected";
            case LIMIT -> "limit";
          };
      out.addObject().put(key, event.version());
    }
  }

  /**
   * Appends the OSV ranges (and single versions) of a sorted {@code vers:} range; false when a
   * comparator has no OSV equivalent.
   */
  static boolean versToOsv(String vers, ArrayNode ranges, List<String> versions) {
    int slash = vers.indexOf('/');
    if (!vers.startsWith("vers:") || slash < 0) {
      return false;
    }
    String body = vers.substring(slash + 1);
    if (body.equals("*")) {
      events(ranges.addObject().put("type", "ECOSYSTEM").putArray("events"), List.of(OsvEvent.introduced("0")));
      return true;
    }
    List<List<OsvEvent>> intervals = new ArrayList<>();
    List<String> singles = new ArrayList<>();
    Optional<String> lower = Optional.empty();
    for (String constraint : body.split("\\|")) {
      String op;
      String version;
      if (constraint.startsWith(">=") || constraint.startsWith("<=") || constraint.startsWith("!=")) {
        op = constraint.substring(0, 2);
        version = constraint.substring(2);
      } else if (constraint.startsWith(">") || constraint.startsWith("<")) {
        op = constraint.substring(0, 1);
        version = constraint.substring(1);
      } else {
        op = "=";
        version = constraint;
      }
      version = URLDecoder.decode(version.replace("+", "%2B"), StandardCharsets.UTF_8);
      switch (op) {
        case ">=" -> lower = Optional.of(version);
        case "<", "<=" -> {
          OsvEvent upper = op.equals("<") ? OsvEvent.fixed(version) : OsvEvent.lastAffected(version);
          intervals.add(List.of(OsvEvent.introduced(lower.orElse("0")), upper));
          lower = Optional.empty();
        }
        case "=" -> singles.add(version);
        default -> {
          return false; // ">" and "!=" have no OSV event
        }
      }
    }
    lower.ifPresent(start -> intervals.add(List.of(OsvEvent.introduced(start))));
    for (List<OsvEvent> interval : intervals) {
      events(ranges.addObject().put("type", "ECOSYSTEM").putArray("events"), interval);
    }
    for (String single : singles) {
      if (!versions.contains(single)) {
        versions.add(single);
      }
    }
    return true;
  }
}
