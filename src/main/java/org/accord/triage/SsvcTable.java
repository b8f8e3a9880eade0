package org.accord.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;

/**
 * An SSVC decision table: decision points, each with its ordered values, an outcome, and one row per
 * combination of decision-point values giving the outcome.
 *
 * <p>Accord ships the CERT/CC tables (see {@link #builtinIds()}) as resources in its own JSON format
 * ({@code accord-ssvc-table/1}, documented in {@code docs/adr/0031-ssvc-table-format.md}); a stakeholder
 * expresses a different risk appetite as a custom table in the same format, loaded with {@link
 * #load}. A table is complete: every combination of values has exactly one row, so {@link #decide}
 * always has an answer.
 *
 * <p>Values may be given as their id ({@code public-poc}), their SSVC key ({@code P}) or their name
 * ({@code Public PoC}), case-insensitively and with spaces, hyphens and underscores alike.
 *
 * <p>Immutable and thread-safe.
 */
public final class SsvcTable {

  /**
   * One value of a decision point or outcome.
   *
   * @param id the value's id: lower case, digits, '*' and single hyphens, such as {@code public-poc}
   * @param key the SSVC key, such as {@code P}; empty if none
   * @param name the display name, such as {@code Public PoC}; the id if none was given
   */
  public record Value(String id, String key, String name) {
    public Value {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A decision point (or the outcome) of a table.
   *
   * @param id the id, used as the command-line option name and the key of {@link #decide}'s map
   * @param name the display name
   * @param ssvc the SSVC reference such as {@code ssvc:E:1.1.0}; empty if none
   * @param values the values from lowest to highest concern
   */
  public record DecisionPoint(String id, String name, String ssvc, List<Value> values) {
    public DecisionPoint {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(ssvc, "ssvc");
      values = List.copyOf(values);
    }

    /** The value the text names (by id, key or name), if any. */
    public Optional<Value> value(String text) {
      String normal = normalize(text);
      for (Value value : values) {
        if (value.id().equals(normal)
            || !value.key().isEmpty() && normalize(value.key()).equals(normal)
            || normalize(value.name()).equals(normal)) {
          return Optional.of(value);
        }
      }
      return Optional.empty();
    }

    int indexOf(Value value) {
      return values.indexOf(value);
    }
  }

  /** The decision point a derived {@link Exploitation} feeds. */
  public static final String EXPLOITATION = "exploitation";

  private static final List<String> BUILTIN =
      List.of("deployer", "supplier", "coordinator-triage", "coordinator-publish", "cisa-coordinator");
  private static final Map<String, SsvcTable> LOADED = new ConcurrentHashMap<>();
  private static final long MAX_BYTES = 4L << 20;

  private final String id;
  private final String name;
  private final String source;
  private final String digest;
  private final String text;
  private final List<DecisionPoint> decisionPoints;
  private final DecisionPoint outcome;
  private final List<List<String>> rows;
  /** Outcome value index per combination, mixed-radix over the decision points in order. */
  private final int[] outcomeByCombination;

  SsvcTable(
      String id,
      String name,
      String source,
      String digest,
      String text,
      List<DecisionPoint> decisionPoints,
      DecisionPoint outcome,
      List<List<String>> rows,
      int[] outcomeByCombination) {
    this.id = id;
    this.name = name;
    this.source = source;
    this.digest = digest;
    this.text = text;
    this.decisionPoints = List.copyOf(decisionPoints);
    this.outcome = outcome;
    this.rows = rows.stream().map(List::copyOf).toList();
    this.outcomeByCombination = outcomeByCombination;
  }

  /** The ids of the tables Accord ships: deployer, supplier, coordinator-triage, coordinator-publish, cisa-coordinator. */
  public static List<String> builtinIds() {
    return BUILTIN;
  }

  /**
   * A table Accord ships.
   *
   * @throws NotFoundException if there is no built-in table with this id
   */
  public static SsvcTable builtin(String id) {
    Objects.requireNonNull(id, "id");
    if (!BUILTIN.contains(id)) {
      throw new NotFoundException(
          "no built-in SSVC table '" + id + "' (built in: " + String.join(", ", BUILTIN) + ")");
    }
    return LOADED.computeIfAbsent(
        id,
        key -> {
          try (InputStream in = SsvcTable.class.getResourceAsStream("ssvc/" + key + ".json")) {
            if (in == null) {
              throw new IllegalStateException("built-in SSVC table " + key + " is missing from the build");
            }
            return load(in, "built-in table " + key);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * Reads and checks a table in Accord's format. Does not close the stream.
   *
   * @param in the JSON document
   * @param origin names the document in error locations, such as a file name
   * @throws InvalidInputException when the document is malformed or the table is not complete and
   *     unambiguous; the location names the origin, the JSON path (for a row, {@code $.rows[11]}) and,
   *     for rows, the line
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static SsvcTable load(InputStream in, String origin) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(origin, "origin");
    byte[] bytes;
    try {
      bytes = FeedInput.bounded(in, MAX_BYTES, origin).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SsvcTableReader.read(bytes, origin);
  }

  /** The table's id, such as {@code deployer}. */
  public String id() {
    return id;
  }

  /** The table's display name. */
  public String name() {
    return name;
  }

  /** Where the table comes from (free text); empty if the document does not say. */
  public String source() {
    return source;
  }

  /** The SHA-256 of the table document, lower-case hex. */
  public String digest() {
    return digest;
  }

  /** The table document as loaded, for display or as a template for a custom table. */
  public String text() {
    return text;
  }

  /** The decision points, in column order. */
  public List<DecisionPoint> decisionPoints() {
    return decisionPoints;
  }

  /** The outcome and its values. */
  public DecisionPoint outcome() {
    return outcome;
  }

  /** The rows as value ids, decision points first and the outcome last, in document order. */
  public List<List<String>> rows() {
    return rows;
  }

  /** The decision point with this id, if the table has one. */
  public Optional<DecisionPoint> decisionPoint(String pointId) {
    for (DecisionPoint point : decisionPoints) {
      if (point.id().equals(pointId)) {
        return Optional.of(point);
      }
    }
    return Optional.empty();
  }

  /**
   * Decides: looks up the outcome for one value per decision point.
   *
   * @param inputs decision point id to value (id, SSVC key or name); exactly the table's decision points
   * @return the decision, with inputs as value ids in column order and no evidence
   * @throws InvalidInputException naming every missing decision point, or the first unknown decision
   *     point or unknown value
   */
  public SsvcDecision decide(Map<String, String> inputs) {
    return decide(inputs, List.of(), List.of());
  }

  /**
   * Decides with Exploitation derived from evidence: the assessment's value fills the table's {@value
   * #EXPLOITATION} decision point, and its provenance and reason go into the decision record.
   *
   * @param inputs the other decision points; must not contain {@value #EXPLOITATION}
   * @param exploitation the derived Exploitation
   * @throws InvalidInputException if the table has no {@value #EXPLOITATION} decision point, the inputs
   *     already give one, or as {@link #decide(Map)}
   */
  public SsvcDecision decide(Map<String, String> inputs, Exploitation.Assessment exploitation) {
    Objects.requireNonNull(exploitation, "exploitation");
    if (decisionPoint(EXPLOITATION).isEmpty()) {
      throw new InvalidInputException(
          "table " + id + " has no " + EXPLOITATION + " decision point for the evidence to feed", "table " + id);
    }
    if (inputs.containsKey(EXPLOITATION)) {
      throw new InvalidInputException(
          EXPLOITATION + " is given both directly and from evidence; give one", "decision point " + EXPLOITATION);
    }
    Map<String, String> all = new LinkedHashMap<>(inputs);
    all.put(EXPLOITATION, exploitation.exploitation().id());
    return decide(
        all,
        exploitation.provenance(),
        List.of(EXPLOITATION + "=" + exploitation.exploitation().id()
            + (exploitation.source() == Exploitation.Source.ASSUMED ? " (assumed)" : "") + ": " + exploitation.reason()));
  }

  private SsvcDecision decide(Map<String, String> inputs, List<Provenance> evidence, List<String> rationale) {
    Objects.requireNonNull(inputs, "inputs");
    List<String> missing = new ArrayList<>();
    for (DecisionPoint point : decisionPoints) {
      if (!inputs.containsKey(point.id())) {
        missing.add(point.id());
      }
    }
    for (String key : inputs.keySet()) {
      if (decisionPoint(key).isEmpty()) {
        throw new InvalidInputException(
            "table " + id + " has no decision point '" + key + "' (it has " + pointIds() + ")",
            "decision point " + key);
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "table " + id + " needs a value for " + String.join(", ", missing),
          (missing.size() == 1 ? "decision point " : "decision points ") + String.join(", ", missing));
    }
    Map<String, String> chosen = new LinkedHashMap<>();
    int combination = 0;
    for (DecisionPoint point : decisionPoints) {
      String text = inputs.get(point.id());
      Value value =
          point
              .value(text == null ? "" : text)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "'" + text + "' is not a value of " + point.id() + " (one of "
                              + String.join(", ", point.values().stream().map(Value::id).toList()) + ")",
                          "decision point " + point.id()));
      combination = combination * point.values().size() + point.indexOf(value);
      chosen.put(point.id(), value.id());
    }
    String result = outcome.values().get(outcomeByCombination[combination]).id();
    return new SsvcDecision(id, digest, chosen, result, evidence, rationale);
  }

  private String pointIds() {
    return String.join(", ", decisionPoints.stream().map(DecisionPoint::id).toList());
  }

  /** Lower case; runs of anything but letters, digits and '*' become one hyphen; no edge hyphens. */
  static String normalize(String text) {
    String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    boolean pendingHyphen = false;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '*') {
        if (pendingHyphen && out.length() > 0) {
          out.append('-');
        }
        pendingHyphen = false;
        out.append(c);
      } else {
        pendingHyphen = true;
      }
    }
    return out.toString();
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
