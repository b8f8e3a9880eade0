package org.accord.exercise;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.InvalidInputException;
import org.accord.advisory.SchemaValidator;
import org.accord.advisory.SchemaViolation;
import org.accord.identity.VersionRange;

/**
 * Reads a scenario: JSON, or YAML for files named {@code .yaml}/{@code .yml}; checks it against the
 * shipped JSON Schema ({@code org/accord/exercise/scenario-1.json}) through {@link SchemaValidator},
 * then what a schema cannot check (a {@code vers:} range that parses, an inject that follows a later
 * event); fills the behaviour the scenario leaves out from the shipped, cited defaults.
 *
 * <p>Every refusal is a {@link ScenarioException} naming the file, the line and the field (a JSON
 * Pointer). Lines come from one streaming pass over the document that records where each pointer
 * starts, since a parsed tree keeps no locations. Stateless and thread-safe.
 */
public final class ScenarioReader {
  /** The {@code $id} of the shipped schema. */
  public static final String SCHEMA_ID = "https://accord.local/schemas/scenario-1.json";
  /** The largest scenario read: 1 MiB. */
  public static final int MAX_BYTES = 1 << 20;
  /** The defaults' resource, a {@code behaviour} object. */
  static final String DEFAULTS = "org/accord/exercise/defaults.yaml";

  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private static final ObjectMapper YAML = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  /** Built on first use: loading the schema is far slower than validating against it. */
  private static final class Schema {
    static final SchemaValidator VALIDATOR =
        SchemaValidator.builder(SCHEMA_ID).map("https://accord.local/schemas/", "classpath:org/accord/exercise/").pointers(true).build();
  }

  private ScenarioReader() {}

  /** Reads from {@code in} (not closed); {@code file} names it in errors and decides YAML or JSON. */
  public static Scenario read(String file, InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new ScenarioException(file, 0, "", "a scenario is at most " + MAX_BYTES + " bytes");
    }
    return read(file, bytes);
  }

  /**
   * Reads a scenario from bytes.
   *
   * @throws ScenarioException naming the file, line and field of the first problem
   */
  public static Scenario read(String file, byte[] bytes) {
    String lower = file.toLowerCase(Locale.ROOT);
    ObjectMapper mapper = lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
    JsonNode tree;
    LineMap lines;
    try {
      tree = mapper.readTree(bytes);
      lines = lines(mapper, bytes);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ScenarioException(file, line, "", "not well-formed " + (mapper == YAML ? "YAML" : "JSON") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new ScenarioException(file, 0, "", "the document is empty");
    }
    List<SchemaViolation> violations = Schema.VALIDATOR.validate(tree);
    if (!violations.isEmpty()) {
      SchemaViolation first = violations.get(0);
      String more = violations.size() == 1 ? "" : " (and " + (violations.size() - 1) + " more)";
      throw new ScenarioException(file, lines.lineOf(first.path()), first.path(), first.message() + more);
    }
    return new Binder(file, lines).scenario(tree);
  }

  /** Where each pointer starts, from a streaming pass. */
  private static LineMap lines(ObjectMapper mapper, byte[] bytes) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          // the context is the new container: its pointer is the parent's path
          pointer = parser.getParsingContext().getParent() == null ? "" : parser.getParsingContext().getParent().pathAsPointer().toString();
        }
        lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
      }
    }
    return new LineMap(lines);
  }

  /** The shipped defaults as a tree (a {@code behaviour} object). */
  static ObjectNode defaults() {
    try (InputStream in = ScenarioReader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Binds a schema-valid tree, checking what the schema cannot. */
  private static final class Binder {
    private final String file;
    private final LineMap lines;

    Binder(String file, LineMap lines) {
      this.file = file;
      this.lines = lines;
    }

    ScenarioException error(String pointer, String message) {
      return new ScenarioException(file, lines.lineOf(pointer), pointer, message);
    }

    Scenario scenario(JsonNode root) {
      JsonNode world = root.get("world");
      Scenario.World w;
      if (world.has("store")) {
        w = new Scenario.World.Store();
      } else if (world.get("generate").isTextual()) {
        w = new Scenario.World.Generated(true, 0, 0, 0, 0);
      } else {
        JsonNode g = world.get("generate");
        w = new Scenario.World.Generated(false, g.get("versions").asInt(), g.get("edges").asLong(), g.get("deployments").asInt(),
            g.path("seed").asLong(42));
      }
      JsonNode vulnerable = root.get("vulnerable");
      String range = vulnerable.get("range").asText();
      try {
        VersionRange.parseVers(range);
      } catch (InvalidInputException e) {
        throw error("/vulnerable/range", e.getMessage());
      }
      JsonNode clock = root.get("clock");
      LocalDate start;
      try {
        start = LocalDate.parse(clock.get("start").asText());
      } catch (java.time.format.DateTimeParseException e) {
        throw error("/clock/start", "not a date (YYYY-MM-DD): " + clock.get("start").asText());
      }
      int horizon = clock.path("horizon_days").asInt(365);
      int step = clock.path("step_days").asInt(7);
      if (step > horizon) {
        throw error("/clock/step_days", "step_days (" + step + ") is longer than horizon_days (" + horizon + ")");
      }
      Behaviour behaviour = behaviour(root.path("behaviour"));
      List<Inject> injects = new ArrayList<>();
      JsonNode list = root.path("injects");
      for (int i = 0; i < list.size(); i++) {
        injects.add(inject(list.get(i), "/injects/" + i));
      }
      List<Strategy> strategies = new ArrayList<>();
      for (JsonNode s : root.get("strategies")) {
        strategies.add(Strategy.parse(s.asText()));
      }
      return new Scenario(file, root.get("scenario").asText(), root.path("title").asText(""), w, vulnerable.get("package").asText(),
          range, start, horizon, step, root.path("embargo_days").asDouble(90), behaviour, injects, strategies, lines);
    }

    Behaviour behaviour(JsonNode given) {
      ObjectNode merged = defaults();
      for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getKey().equals("deploy") || field.getKey().equals("sector_factors")) {
          ((ObjectNode) merged.get(field.getKey())).setAll((ObjectNode) field.getValue());
        } else {
          merged.set(field.getKey(), field.getValue());
        }
      }
      Map<String, Double> sectors = new LinkedHashMap<>();
      merged.path("sector_factors").fields().forEachRemaining(e -> sectors.put(e.getKey(), e.getValue().asDouble()));
      JsonNode deploy = merged.get("deploy");
      return new Behaviour(lag(merged, "acknowledge"), lag(merged, "fix"), lag(merged, "release"), lag(merged, "exploit"),
          lag(merged, "attacks"), lag(merged, "relay"), lag(deploy, "essential", "/behaviour/deploy/essential"),
          lag(deploy, "important", "/behaviour/deploy/important"), lag(deploy, "other", "/behaviour/deploy/other"),
          merged.get("exploit_factor").get("value").asDouble(), merged.get("kev_factor").get("value").asDouble(), sectors);
    }

    Lag lag(JsonNode parent, String name) {
      return lag(parent, name, "/behaviour/" + name);
    }

    Lag lag(JsonNode parent, String name, String pointer) {
      JsonNode node = parent.get(name);
      double median = node.get("median_days").asDouble();
      double p90 = node.has("p90_days") ? node.get("p90_days").asDouble() : median;
      if (p90 < median) {
        throw error(pointer + "/p90_days", "p90_days (" + p90 + ") is below median_days (" + median + ")");
      }
      if (median == 0 && p90 > 0) {
        throw error(pointer + "/median_days", "a median of 0 means no delay; p90_days must then be 0 too");
      }
      return new Lag(median, p90, node.get("source").asText());
    }

    Inject inject(JsonNode node, String pointer) {
      Inject.Kind kind = Inject.Kind.valueOf(node.get("type").asText().toUpperCase(Locale.ROOT));
      Inject.Trigger on = node.has("on") ? Inject.Trigger.valueOf(node.get("on").asText().toUpperCase(Locale.ROOT)) : null;
      if (on != null && kind.timeline() && !follows(kind, on)) {
        throw error(pointer + "/on", "a " + kind.label() + " inject cannot follow " + on.label() + ", which it may cause");
      }
      List<String> countries = new ArrayList<>();
      node.path("countries").forEach(c -> countries.add(c.asText()));
      if (kind.needsCountries() && countries.isEmpty()) {
        throw error(pointer, "a " + kind.label() + " inject needs countries");
      }
      if (!kind.needsCountries() && !countries.isEmpty()) {
        throw error(pointer + "/countries", "a " + kind.label() + " inject concerns no country");
      }
      boolean delayed = kind == Inject.Kind.SOVEREIGN_FORK || kind == Inject.Kind.MAINTAINER_DISENGAGES;
      if (delayed != node.has("delay_days")) {
        throw error(delayed ? pointer : pointer + "/delay_days",
            delayed ? "a " + kind.label() + " inject needs delay_days (a number of days, or never)" : "a " + kind.label() + " inject takes no delay_days");
      }
      if (node.has("probability") && kind != Inject.Kind.STATE_FIRST_REPORTING) {
        throw error(pointer + "/probability", "only a state_first_reporting inject takes a probability");
      }
      if (node.has("after_days") && on == null) {
        throw error(pointer + "/after_days", "after_days needs on");
      }
      JsonNode delay = node.path("delay_days");
      double delayDays = delay.isTextual() ? Double.POSITIVE_INFINITY : delay.asDouble(0);
      return new Inject(kind, node.has("at_day") ? node.get("at_day").asDouble() : Double.NaN, on, node.path("after_days").asDouble(0),
          countries, delayDays, node.path("probability").asDouble(1), node.path("note").asText(""), lines.lineOf(pointer));
    }

    /** The run's public timeline is fix ready, then publication, then exploit, then attacks. */
    private static boolean follows(Inject.Kind kind, Inject.Trigger on) {
      return switch (kind) {
        case LEAK -> on == Inject.Trigger.FIX_READY;
        case EXPLOIT_PUBLIC -> on == Inject.Trigger.FIX_READY || on == Inject.Trigger.PUBLICATION;
        default -> on != Inject.Trigger.ATTACKS_OBSERVED;
      };
    }
  }
}
