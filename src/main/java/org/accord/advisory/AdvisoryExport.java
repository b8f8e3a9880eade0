package org.accord.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.identity.OsvEvent;
import org.accord.identity.VersionRange;

/**
 * Writes an advisory with its VEX statements as OSV, CSAF 2.0 (VEX profile), OpenVEX 0.2.0 or CycloneDX
 * 1.6 VEX. Each writer's output is checked in the tests against the format's official JSON schema
 * (and the CSAF output also against the CSAF §6.1 mandatory tests).
 *
 * <p>The statements are the ones stored for the advisory's names. When there are none, the advisory
 * itself is stated: one {@code affected} statement per affected package, about the package's affected
 * versions (a {@code vers:} range), with the fixed versions as the action. VEX formats need at least one
 * statement, and "the advisory says these versions are affected" is the one statement an advisory
 * makes; "unknown" is never written as a status.
 *
 * <p>An OSV export of an advisory read from OSV is the original document, byte for byte; otherwise it
 * is built from the advisory (the {@code vers:} ranges of a CSAF advisory become OSV event ranges, one
 * range per interval). Stateless and thread-safe.
 */
public final class AdvisoryExport {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AdvisoryExport() {}

  /**
   * Who exports, and when.
   *
   * @param author the author or publisher named in the document (an organization)
   * @param namespace a URL naming the publisher (CSAF {@code publisher.namespace}, OpenVEX {@code @id}
   *     prefix), such as {@code https://accord.example.org}
   * @param now the export time
   * @param toolVersion Accord's version
   */
  public record Context(String author, String namespace, Instant now, String toolVersion) {
    public Context {
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(now, "now");
      Objects.requireNonNull(toolVersion, "toolVersion");
      now = now.truncatedTo(ChronoUnit.SECONDS);
    }
  }

  /**
   * Writes the document.
   *
   * @param statements the VEX statements about the advisory's vulnerability, oldest first
   * @return the document as pretty-printed JSON
   * @throws InvalidInputException when the format cannot express anything of this advisory (for
   *     example OpenVEX for an advisory with neither statements nor affected package ranges)
   */
  public static String write(Advisory advisory, List<VexStatement> statements, AdvisoryFormat format, Context context) {
    Objects.requireNonNull(advisory, "advisory");
    Objects.requireNonNull(statements, "statements");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(context, "context");
    if (format == AdvisoryFormat.OSV) {
      return advisory.format() == AdvisoryFormat.OSV ? advisory.document() : print(OsvWriter.write(advisory, context));
    }
    List<VexStatement> effective = effective(advisory, statements);
    if (effective.isEmpty()) {
      throw new InvalidInputException(
          "advisory " + advisory.id() + " has no VEX statements and no affected package range to state, so there is "
              + "nothing to write as " + format.label(),
          "format");
    }
    JsonNode document =
        switch (format) {
          case CSAF -> CsafVexWriter.write(advisory, effective, context);
          case OPENVEX -> OpenVexWriter.write(advisory, effective, context);
          case CYCLONEDX_VEX -> CycloneDxVexWriter.write(advisory, effective, context);
          case OSV -> throw new AssertionError();
        };
    return print(document);
  }

  /**
   * The statements an export states: the latest statement per product, range and subcomponents, or,
   * when there are none, the advisory's own statements about its affected packages.
   */
  static List<VexStatement> effective(Advisory advisory, List<VexStatement> statements) {
    Map<String, VexStatement> latest = new LinkedHashMap<>();
    for (VexStatement statement : statements) {
      String key = statement.product() + "|" + statement.productRange() + "|" + statement.subcomponents();
      VexStatement current = latest.get(key);
      if (current == null
          || !statement.timestamp().orElse(Instant.MIN).isBefore(current.timestamp().orElse(Instant.MIN))) {
        latest.remove(key);
        latest.put(key, statement);
      }
    }
    if (!latest.isEmpty()) {
      return List.copyOf(latest.values());
    }
    Map<String, List<AffectedPackage>> byPackage = new LinkedHashMap<>();
    for (AffectedPackage affected : advisory.affected()) {
      if (affected.evaluable()) {
        byPackage.computeIfAbsent(affected.packageKey(), key -> new ArrayList<>()).add(affected);
      }
    }
    List<VexStatement> derived = new ArrayList<>();
    for (Map.Entry<String, List<AffectedPackage>> entry : byPackage.entrySet()) {
      List<VersionRange> ranges = new ArrayList<>();
      List<String> fixed = new ArrayList<>();
      for (AffectedPackage affected : entry.getValue()) {
        ranges.add(affected.range());
        for (String version : fixedVersions(affected)) {
          if (!fixed.contains(version)) {
            fixed.add(version);
          }
        }
      }
      String vers = VersionRange.union(ranges).toVers();
      if (vers.startsWith("vers:none")) {
        continue;
      }
      derived.add(
          VexStatement.of(
              advisory.id(), advisory.aliases(), entry.getKey(), vers, List.of(),
              new VexStatus.Affected(action(fixed)), advisory.modified().or(advisory::published)));
    }
    return derived;
  }

  /** The fixed versions of an entry's evaluable ranges, in order. */
  static List<String> fixedVersions(AffectedPackage affected) {
    List<String> fixed = new ArrayList<>();
    for (EventRange range : affected.ranges()) {
      for (OsvEvent event : range.events()) {
        if (event.kind() == OsvEvent.Kind.FIXED && range.type().evaluable() && !fixed.contains(event.version())) {
          fixed.add(event.version());
        }
      }
    }
    return fixed;
  }

  /** The action an advisory implies for an affected package: its fixed versions, or that none is known. */
  static String action(List<String> fixed) {
    return fixed.isEmpty()
        ? "No fixed version is known; remove or replace the affected versions, or mitigate."
        : "Upgrade to a fixed version: " + String.join(", ", fixed) + ".";
  }

  /** Whether a statement's product can be written as a PURL. */
  static boolean hasPurl(VexStatement statement) {
    return statement.applicable();
  }

  /** The range a statement's product versions are in, when it states one. */
  static Optional<VersionRange> productRange(VexStatement statement) {
    return statement.productRange().isEmpty() ? Optional.empty() : Optional.of(VersionRange.parseVersLenient(statement.productRange()));
  }

  static String print(JsonNode node) {
    try {
      return JSON.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
