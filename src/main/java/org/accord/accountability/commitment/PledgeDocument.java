package org.accord.accountability.commitment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.sbom.Sector;
import org.accord.triage.Severity;

/**
 * A commitment document as a publisher sends it (the body of {@code POST /api/v1/commitments}, the file of
 * {@code accord commitment publish}), read and checked:
 *
 * <pre>
 * {"kind": "pledge", "title": "Vendora response pledge",
 *  "terms": [{"kind": "acknowledge-report", "within": "P3D"},
 *            {"kind": "fix-ready", "severity": "critical", "within": "P30D"}],
 *  "scope": {"severities": ["critical", "high"], "products": ["pkg:maven/com.vendora/"], "sectors": ["energy"]},
 *  "valid_from": "2027-01-01T00:00:00Z", "valid_until": "2028-01-01T00:00:00Z",
 *  "escalation": {"steps": [{"level": "reminder", "after": "-P1D"}, {"level": "scorecard", "after": "P7D"}]},
 *  "supersedes": {"commitment": "cmt_0123456789abcdef", "version": 1}}
 * </pre>
 *
 * <p>{@code organization} may be given but is never identity: {@link CommitmentRules#requireOwnName}
 * refuses a document that names anyone but the authenticated organization. Stateless and thread-safe.
 *
 * @param pledge what the version says
 * @param organization the organization the document names, if it names one
 * @param supersedes the version this one supersedes, if it is not a new commitment
 */
public record PledgeDocument(Pledge pledge, Optional<String> organization, Optional<Supersedes> supersedes) {
  /** The members a document may have. */
  public static final Set<String> MEMBERS = Set.of("kind", "title", "organization", "terms", "scope", "valid_from", "valid_until", "supersedes",
      "escalation");

  public PledgeDocument {
    Objects.requireNonNull(pledge, "pledge");
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(supersedes, "supersedes");
  }

  /**
   * The version a new one supersedes: the commitment and the version the publisher read, so two
   * publishers who read the same version cannot both supersede it.
   *
   * @param commitment the commitment id, {@code cmt_} and 16 hex digits
   * @param version the version read, from 1
   */
  public record Supersedes(String commitment, int version) {
    public Supersedes {
      Objects.requireNonNull(commitment, "commitment");
      if (version < 1) {
        throw new InvalidInputException("supersedes.version is " + version + "; versions count from 1", "supersedes.version");
      }
    }
  }

  /**
   * Reads a document.
   *
   * @param now the server's time: {@code valid_from} when the document gives none
   * @throws InvalidInputException naming the field: an unknown member, a missing title, no terms, a term of
   *     unknown kind or with a zero, negative or over-five-year duration, a scope that names nothing or an
   *     unknown severity or sector, a bad time, a validity that ends before it starts or is over already
   */
  public static PledgeDocument read(JsonNode json, Instant now) {
    return read(json, now, true);
  }

  /**
   * A pledge as {@link #describe} wrote it for the store, read back without the checks against the
   * time of publication (a stored version may have expired since).
   *
   * @throws InvalidInputException if it is not a document {@link #describe} writes
   */
  public static Pledge stored(JsonNode json) {
    return read(json, Instant.EPOCH, false).pledge();
  }

  /**
   * A pledge as JSON-ready values in the document's own format, the same members {@link #read} takes:
   * what the store keeps, the log attests and the edges show.
   */
  public static java.util.Map<String, Object> describe(Pledge pledge) {
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("kind", pledge.kind().label());
    out.put("title", pledge.title());
    List<Object> terms = new ArrayList<>();
    for (Term term : pledge.terms()) {
      java.util.Map<String, Object> t = new java.util.LinkedHashMap<>();
      t.put("kind", term.kind().label());
      term.severity().ifPresent(s -> t.put("severity", s.label().toLowerCase(java.util.Locale.ROOT)));
      t.put("within", Term.text(term.within()));
      terms.add(t);
    }
    out.put("terms", terms);
    java.util.Map<String, Object> scope = new java.util.LinkedHashMap<>();
    scope.put("severities", pledge.scope().severities().stream().sorted().map(s -> s.label().toLowerCase(java.util.Locale.ROOT)).toList());
    scope.put("products", pledge.scope().products());
    scope.put("sectors", pledge.scope().sectors().stream().sorted().map(Sector::label).toList());
    out.put("scope", scope);
    out.put("valid_from", pledge.validFrom().toString());
    pledge.validUntil().ifPresent(u -> out.put("valid_until", u.toString()));
    pledge.escalation().ifPresent(l -> out.put("escalation", l.describe()));
    return out;
  }

  private static PledgeDocument read(JsonNode json, Instant now, boolean publishing) {
    if (json == null || !json.isObject()) {
      throw new InvalidInputException("a commitment is a JSON object", "body");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        throw new InvalidInputException("unknown member '" + name + "'; a commitment has " + new java.util.TreeSet<>(MEMBERS), name);
      }
    }
    CommitmentKind kind = CommitmentKind.parse(text(json, "kind"), "kind");
    List<Term> terms = new ArrayList<>();
    JsonNode termsNode = json.get("terms");
    if (termsNode != null && !termsNode.isArray()) {
      throw new InvalidInputException("terms is a list of {kind, severity?, within}", "terms");
    }
    if (termsNode != null) {
      for (int i = 0; i < termsNode.size(); i++) {
        terms.add(term(termsNode.get(i), "terms[" + i + "]"));
      }
    }
    JsonNode scopeNode = json.get("scope");
    if (scopeNode == null || !scopeNode.isObject()) {
      throw new InvalidInputException("missing scope: name severities, products or sectors", "scope");
    }
    for (Iterator<String> names = scopeNode.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Set.of("severities", "products", "sectors").contains(name)) {
        throw new InvalidInputException("unknown member '" + name + "'; a scope has severities, products and sectors", "scope." + name);
      }
    }
    Set<Severity> severities = EnumSet.noneOf(Severity.class);
    List<String> rawSeverities = texts(scopeNode, "severities", "scope.severities");
    for (int i = 0; i < rawSeverities.size(); i++) {
      severities.add(severity(rawSeverities.get(i), "scope.severities[" + i + "]"));
    }
    Set<Sector> sectors = EnumSet.noneOf(Sector.class);
    List<String> rawSectors = texts(scopeNode, "sectors", "scope.sectors");
    for (int i = 0; i < rawSectors.size(); i++) {
      try {
        sectors.add(Sector.parse(rawSectors.get(i)));
      } catch (InvalidInputException e) {
        throw new InvalidInputException(e.getMessage(), "scope.sectors[" + i + "]");
      }
    }
    Scope scope = new Scope(severities, texts(scopeNode, "products", "scope.products"), sectors);
    Instant from = Optional.ofNullable(text(json, "valid_from")).map(t -> instant(t, "valid_from")).orElse(now);
    Optional<Instant> until = Optional.ofNullable(text(json, "valid_until")).map(t -> instant(t, "valid_until"));
    if (publishing && until.isPresent() && !until.get().isAfter(now)) {
      throw new InvalidInputException("valid_until " + until.get() + " has passed; a commitment is published to apply", "valid_until");
    }
    JsonNode block = json.get("escalation");
    Optional<org.accord.accountability.escalation.Ladder> escalation = block == null || block.isNull() ? Optional.empty()
        : Optional.of(org.accord.accountability.escalation.Ladder.read(block, "escalation"));
    Pledge pledge = new Pledge(kind, text(json, "title"), terms, scope, from, until, escalation);
    Optional<Supersedes> supersedes = Optional.empty();
    JsonNode sup = json.get("supersedes");
    if (sup != null && !sup.isNull()) {
      if (!sup.isObject() || !sup.path("commitment").isTextual() || !sup.path("version").canConvertToInt() || !sup.path("version").isIntegralNumber()) {
        throw new InvalidInputException("supersedes is {\"commitment\": \"cmt_…\", \"version\": N}, the version you read", "supersedes");
      }
      supersedes = Optional.of(new Supersedes(sup.get("commitment").asText().strip(), sup.get("version").asInt()));
    }
    return new PledgeDocument(pledge, Optional.ofNullable(text(json, "organization")), supersedes);
  }

  private static Term term(JsonNode node, String location) {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("a term is {kind, severity?, within}", location);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Set.of("kind", "severity", "within").contains(name)) {
        throw new InvalidInputException("unknown member '" + name + "'; a term has kind, severity and within", location + "." + name);
      }
    }
    String kind = text(node, "kind", location + ".kind");
    if (kind == null) {
      throw new InvalidInputException("missing kind", location + ".kind");
    }
    String within = text(node, "within", location + ".within");
    if (within == null) {
      throw new InvalidInputException("missing within: how long, such as P3D or 24h", location + ".within");
    }
    String severity = text(node, "severity", location + ".severity");
    return new Term(PledgeKind.parse(kind, location + ".kind"),
        severity == null ? Optional.empty() : Optional.of(severity(severity, location + ".severity")),
        Term.parseDuration(within, location + ".within"));
  }

  /** A CVSS qualitative rating by name, any case ({@code critical}). */
  static Severity severity(String text, String location) {
    for (Severity s : Severity.values()) {
      if (s.label().equalsIgnoreCase(text.strip())) {
        return s;
      }
    }
    throw new InvalidInputException("'" + text + "' is not a severity; use none, low, medium, high or critical", location);
  }

  private static Instant instant(String text, String location) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("'" + text + "' is not an instant such as 2027-01-01T00:00:00Z", location);
    }
  }

  private static String text(JsonNode json, String name) {
    return text(json, name, name);
  }

  private static String text(JsonNode json, String name, String location) {
    JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidInputException(location + " must be a string", location);
    }
    return value.asText();
  }

  private static List<String> texts(JsonNode json, String name, String location) {
    JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new InvalidInputException(location + " must be a list of strings", location);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual() || value.get(i).asText().isBlank()) {
        throw new InvalidInputException(location + "[" + i + "] must be a non-empty string", location + "[" + i + "]");
      }
      out.add(value.get(i).asText());
    }
    return out;
  }
}
