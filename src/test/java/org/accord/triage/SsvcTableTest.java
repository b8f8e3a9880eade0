package org.accord.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SsvcTableTest {

  /** Built-in table id and the CERT/CC files it must agree with (CSV and JSON of the same table). */
  static Stream<Arguments> certTables() {
    return Stream.of(
        Arguments.of("deployer", "ssvc/deployer_patch_application_priority_1_0_0", 72),
        Arguments.of("supplier", "ssvc/supplier_patch_development_priority_1_0_0", 36),
        Arguments.of("coordinator-triage", "ssvc/coordinator_triage_1_0_0", 192),
        Arguments.of("coordinator-publish", "ssvc/coordinator_publish_decision_table_1_0_0", 27),
        Arguments.of("cisa-coordinator", "cisa/cisa_coordinator_2_0_3", 36));
  }

  /** Every CSV row of the CERT/CC table, decided by our table, gives the CSV's outcome. */
  @ParameterizedTest(name = "{0} vs CERT/CC CSV")
  @MethodSource("certTables")
  void agreesWithCertCsvRowByRow(String id, String certName, int rowCount) throws IOException {
    SsvcTable table = SsvcTable.builtin(id);
    List<String> lines = Files.readAllLines(TestData.resolve("ssvc/data/csv/" + certName + ".csv"));
    List<String> header = csv(lines.get(0));
    // Columns: row number, the decision points in our order, the outcome.
    assertThat(header).hasSize(table.decisionPoints().size() + 2);
    for (int c = 0; c < table.decisionPoints().size(); c++) {
      assertThat(stripVersion(header.get(c + 1))).isEqualTo(table.decisionPoints().get(c).name());
    }
    assertThat(stripVersion(header.get(header.size() - 1))).isEqualTo(table.outcome().name());
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = csv(line);
      Map<String, String> inputs = new LinkedHashMap<>();
      for (int c = 0; c < table.decisionPoints().size(); c++) {
        inputs.put(table.decisionPoints().get(c).id(), cells.get(c + 1)); // CSV uses value names
      }
      String expected = table.outcome().value(cells.get(cells.size() - 1)).orElseThrow().id();
      assertThat(table.decide(inputs).outcome()).as("%s row %s", id, cells.get(0)).isEqualTo(expected);
      checked++;
    }
    assertThat(checked).isEqualTo(rowCount);
    assertThat(table.rows()).hasSize(rowCount);
  }

  /** Every JSON mapping entry of the CERT/CC table, by SSVC keys, gives the same outcome key. */
  @ParameterizedTest(name = "{0} vs CERT/CC JSON")
  @MethodSource("certTables")
  void agreesWithCertJsonRowByRow(String id, String certName, int rowCount) throws IOException {
    SsvcTable table = SsvcTable.builtin(id);
    JsonNode cert = new ObjectMapper().readTree(TestData.resolve("ssvc/data/json/decision_tables/" + certName + ".json").toFile());
    List<String> refs = new ArrayList<>();
    cert.get("decision_points").fieldNames().forEachRemaining(refs::add);
    String outcomeRef = cert.get("outcome").asText();
    refs.remove(outcomeRef);
    assertThat(table.decisionPoints()).extracting(SsvcTable.DecisionPoint::ssvc).containsExactlyElementsOf(refs);
    assertThat(table.outcome().ssvc()).isEqualTo(outcomeRef);
    // Values: same keys, same order (lowest concern first), for every decision point and the outcome.
    for (SsvcTable.DecisionPoint point : concat(table.decisionPoints(), table.outcome())) {
      List<String> keys = new ArrayList<>();
      cert.get("decision_points").get(point.ssvc()).get("values").forEach(v -> keys.add(v.get("key").asText()));
      assertThat(point.values()).extracting(SsvcTable.Value::key).as(point.id()).containsExactlyElementsOf(keys);
    }
    int checked = 0;
    for (JsonNode row : cert.get("mapping")) {
      Map<String, String> inputs = new LinkedHashMap<>();
      for (int c = 0; c < refs.size(); c++) {
        inputs.put(table.decisionPoints().get(c).id(), row.get(refs.get(c)).asText()); // SSVC keys
      }
      SsvcDecision decision = table.decide(inputs);
      String expectedKey = row.get(outcomeRef).asText();
      assertThat(table.outcome().value(decision.outcome()).orElseThrow().key()).as("%s %s", id, row).isEqualTo(expectedKey);
      checked++;
    }
    assertThat(checked).isEqualTo(rowCount);
  }

  @Test
  void builtinTablesAreListedAndUnknownOnesAreNotFound() {
    assertThat(SsvcTable.builtinIds())
        .containsExactly("deployer", "supplier", "coordinator-triage", "coordinator-publish", "cisa-coordinator");
    assertThat(SsvcTable.builtin("deployer").decisionPoints())
        .extracting(SsvcTable.DecisionPoint::id)
        .containsExactly("exploitation", "system-exposure", "automatable", "human-impact");
    assertThatThrownBy(() -> SsvcTable.builtin("cvss"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("deployer, supplier");
  }

  @Test
  void decidesWithIdsKeysOrNames() {
    SsvcTable deployer = SsvcTable.builtin("deployer");
    SsvcDecision decision =
        deployer.decide(Map.of("exploitation", "Public PoC", "system-exposure", "O", "automatable", "yes", "human-impact", "very_high"));
    assertThat(decision.outcome()).isEqualTo("out-of-cycle");
    assertThat(decision.inputs())
        .containsExactly(
            Map.entry("exploitation", "public-poc"),
            Map.entry("system-exposure", "open"),
            Map.entry("automatable", "yes"),
            Map.entry("human-impact", "very-high"));
    assertThat(decision.table()).isEqualTo("deployer");
    assertThat(decision.tableDigest()).hasSize(64).isEqualTo(deployer.digest());
    assertThat(decision.evidence()).isEmpty();
    assertThat(deployer.decide(Map.of("exploitation", "none", "system-exposure", "small", "automatable", "no", "human-impact", "low")).outcome())
        .isEqualTo("defer");
  }

  @Test
  void decideNamesWhatIsMissingOrWrong() {
    SsvcTable deployer = SsvcTable.builtin("deployer");
    assertThatThrownBy(() -> deployer.decide(Map.of("exploitation", "active", "automatable", "yes")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.getMessage()).contains("needs a value for system-exposure, human-impact");
              assertThat(e.location()).isEqualTo("decision points system-exposure, human-impact");
            });
    assertThatThrownBy(
            () -> deployer.decide(Map.of("exploitation", "active", "system-exposure", "open", "automatable", "yes", "human-impact", "low", "utility", "laborious")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no decision point 'utility'");
    assertThatThrownBy(
            () -> deployer.decide(Map.of("exploitation", "likely", "system-exposure", "open", "automatable", "yes", "human-impact", "low")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.getMessage()).contains("'likely' is not a value of exploitation (one of none, public-poc, active)");
              assertThat(e.location()).isEqualTo("decision point exploitation");
            });
  }

  @Test
  void evidenceFeedsExploitationAndIsRecorded() {
    Provenance kev = new Provenance(Provenance.KEV, "2025.08.25", Instant.parse("2025-08-25T17:04:19Z"));
    Exploitation.Assessment assessment =
        new Exploitation.Assessment(
            "CVE-2021-44228", Exploitation.ACTIVE, Exploitation.Source.EVIDENCE, "CVE-2021-44228 is in cisa-kev", List.of(kev));
    SsvcTable cisa = SsvcTable.builtin("cisa-coordinator");
    SsvcDecision decision =
        cisa.decide(Map.of("automatable", "yes", "technical-impact", "total", "mission-and-well-being-impact", "high"), assessment);
    assertThat(decision.outcome()).isEqualTo("act");
    assertThat(decision.inputs()).containsEntry("exploitation", "active");
    assertThat(decision.evidence()).containsExactly(kev);
    assertThat(decision.rationale()).singleElement().asString().startsWith("exploitation=active: ");

    assertThatThrownBy(() -> cisa.decide(Map.of("exploitation", "none"), assessment))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("both directly and from evidence");
    assertThatThrownBy(() -> SsvcTable.builtin("coordinator-triage").decide(Map.of(), assessment))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has no exploitation decision point");
  }

  static final String CUSTOM =
      """
      {
        "format": "accord-ssvc-table/1",
        "id": "cautious-deployer",
        "name": "A cautious deployer",
        "decisionPoints": [
          {"id": "exploitation", "values": ["none", {"id": "public-poc", "key": "P", "name": "Public PoC"}, "active"]},
          {"id": "system-exposure", "values": ["small", "controlled", "open"]}
        ],
        "outcome": {"id": "priority", "values": ["scheduled", "out-of-cycle", "immediate"]},
        "rows": [
          ["none", "small", "scheduled"],
          ["none", "controlled", "scheduled"],
          ["none", "open", "out-of-cycle"],
          ["public-poc", "small", "out-of-cycle"],
          ["P", "controlled", "out-of-cycle"],
          ["Public PoC", "open", "immediate"],
          ["active", "small", "immediate"],
          ["active", "controlled", "immediate"],
          ["active", "open", "immediate"]
        ]
      }
      """;

  @Test
  void loadsACustomRiskAppetite() {
    SsvcTable table = load(CUSTOM);
    assertThat(table.id()).isEqualTo("cautious-deployer");
    assertThat(table.decide(Map.of("exploitation", "none", "system-exposure", "open")).outcome()).isEqualTo("out-of-cycle");
    assertThat(table.decide(Map.of("exploitation", "P", "system-exposure", "open")).outcome()).isEqualTo("immediate");
    assertThat(table.rows().get(4)).containsExactly("public-poc", "controlled", "out-of-cycle");
    assertThat(table.digest()).isNotEqualTo(load(CUSTOM.replace("A cautious", "Another cautious")).digest());
    assertThat(table.text()).isEqualTo(CUSTOM);
  }

  static Stream<Arguments> malformedTables() {
    return Stream.of(
        Arguments.of(CUSTOM.replace("[\"none\", \"open\", \"out-of-cycle\"]", "[\"none\", \"open\"]"),
            "custom.json $.rows[2] (line 13)", "a row must be an array of 3 values (exploitation, system-exposure, priority)"),
        Arguments.of(CUSTOM.replace("[\"none\", \"open\", \"out-of-cycle\"]", "[\"none\", \"open\", \"soon\"]"),
            "custom.json $.rows[2] (line 13)", "'soon' is not a value of priority (one of scheduled, out-of-cycle, immediate)"),
        Arguments.of(CUSTOM.replace("[\"none\", \"open\", \"out-of-cycle\"]", "[\"nonee\", \"open\", \"out-of-cycle\"]"),
            "custom.json $.rows[2] (line 13)", "'nonee' is not a value of exploitation"),
        Arguments.of(CUSTOM.replace("[\"none\", \"open\", \"out-of-cycle\"]", "[\"none\", \"controlled\", \"immediate\"]"),
            "custom.json $.rows[2] (line 13)", "repeats the decision-point values of $.rows[1] (exploitation=none, system-exposure=controlled)"),
        Arguments.of(CUSTOM.replace("[\"none\", \"open\", \"out-of-cycle\"]", "[\"none\", 3, \"out-of-cycle\"]"),
            "custom.json $.rows[2] (line 13)", "column system-exposure must be a string"),
        Arguments.of(CUSTOM.replace("    [\"none\", \"open\", \"out-of-cycle\"],\n", ""),
            "custom.json $.rows", "1 of 9 combinations have no row, such as (exploitation=none, system-exposure=open)"),
        Arguments.of(CUSTOM.replace("\"rows\"", "\"row\""), "custom.json $.row", "unknown field 'row'"),
        Arguments.of(CUSTOM.replace("accord-ssvc-table/1", "accord-ssvc-table/2"), "custom.json $.format", "unsupported format"),
        Arguments.of(CUSTOM.replace("\"cautious-deployer\"", "\"Cautious Deployer\""), "custom.json $.id", "is not a valid id"),
        Arguments.of(CUSTOM.replace("\"small\", \"controlled\", \"open\"", "\"small\", \"controlled\", \"small\""),
            "custom.json $.decisionPoints[1].values[2]", "value id 'small' is used twice"),
        Arguments.of(CUSTOM.replace("{\"id\": \"public-poc\", \"key\": \"P\"", "{\"id\": \"public-poc\", \"key\": \"none\""),
            "custom.json $.decisionPoints[0].values[1]", "'none' would name both none and public-poc"),
        Arguments.of(CUSTOM.replace("{\"id\": \"system-exposure\"", "{\"id\": \"exploitation\""),
            "custom.json $.decisionPoints[1].id", "decision point id 'exploitation' is used twice"),
        Arguments.of(CUSTOM.replace("\"id\": \"priority\"", "\"id\": \"system-exposure\""),
            "custom.json $.outcome.id", "also a decision point id"),
        Arguments.of(CUSTOM.replace("\"values\": [\"small\", \"controlled\", \"open\"]", "\"values\": []"),
            "custom.json $.decisionPoints[1].values", "non-empty array"),
        Arguments.of(CUSTOM.replace("\"name\": \"A cautious deployer\",", "\"name\": \"A cautious deployer\""),
            "custom.json line 5, column", "not valid JSON"),
        Arguments.of(CUSTOM.replace("\"id\": \"cautious-deployer\",", "\"id\": \"cautious-deployer\", \"id\": \"x\","),
            "custom.json line 3, column", "Duplicate field 'id'"),
        Arguments.of("[1, 2]", "custom.json $", "must be a JSON object"));
  }

  @ParameterizedTest
  @MethodSource("malformedTables")
  void malformedTablesNameTheRowOrField(String document, String location, String message) {
    assertThatThrownBy(() -> load(document))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.location()).startsWith(location);
              assertThat(e.getMessage()).contains(message);
            });
  }

  @Test
  void refusesHugeDocumentsBeforeParsing() {
    String huge = CUSTOM.replace("\"rows\"", " ".repeat(5 << 20) + "\"rows\"");
    assertThatThrownBy(() -> load(huge))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("larger than 4 MiB");
  }

  /** Property: a random complete table, rows shuffled, decides every combination as its row says. */
  @Test
  void randomTablesDecideAsTheirRowsSay() {
    long seed = new java.util.Random().nextLong();
    java.util.Random random = new java.util.Random(seed);
    ObjectMapper mapper = new ObjectMapper();
    for (int round = 0; round < 200; round++) {
      int pointCount = 1 + random.nextInt(4);
      List<List<String>> values = new ArrayList<>();
      var table = mapper.createObjectNode();
      table.put("format", "accord-ssvc-table/1").put("id", "t" + round);
      var points = table.putArray("decisionPoints");
      for (int p = 0; p < pointCount; p++) {
        int size = 1 + random.nextInt(4);
        List<String> ids = new ArrayList<>();
        var point = points.addObject().put("id", "p" + p);
        var array = point.putArray("values");
        for (int v = 0; v < size; v++) {
          ids.add("v" + v);
          array.add("v" + v);
        }
        values.add(ids);
      }
      table.putObject("outcome").put("id", "out").putArray("values").add("low").add("high");
      List<List<String>> rows = new ArrayList<>();
      cartesian(values, 0, new ArrayList<>(), rows);
      Map<List<String>, String> expected = new LinkedHashMap<>();
      for (List<String> row : rows) {
        String outcome = random.nextBoolean() ? "low" : "high";
        expected.put(row, outcome);
      }
      List<List<String>> shuffled = new ArrayList<>(expected.keySet());
      java.util.Collections.shuffle(shuffled, random);
      var rowArray = table.putArray("rows");
      for (List<String> row : shuffled) {
        var json = rowArray.addArray();
        row.forEach(json::add);
        json.add(expected.get(row));
      }
      SsvcTable loaded = load(table.toPrettyString());
      for (Map.Entry<List<String>, String> entry : expected.entrySet()) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (int p = 0; p < pointCount; p++) {
          inputs.put("p" + p, entry.getKey().get(p));
        }
        assertThat(loaded.decide(inputs).outcome()).as("seed %d round %d %s", seed, round, inputs).isEqualTo(entry.getValue());
      }
    }
  }

  private static void cartesian(List<List<String>> values, int depth, List<String> prefix, List<List<String>> out) {
    if (depth == values.size()) {
      out.add(List.copyOf(prefix));
      return;
    }
    for (String value : values.get(depth)) {
      prefix.add(value);
      cartesian(values, depth + 1, prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  static SsvcTable load(String document) {
    return SsvcTable.load(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "custom.json");
  }

  private static String stripVersion(String header) {
    return header.replaceAll(" v[0-9]+\\.[0-9]+\\.[0-9]+( \\(\\w+\\))?$", "");
  }

  private static List<SsvcTable.DecisionPoint> concat(List<SsvcTable.DecisionPoint> points, SsvcTable.DecisionPoint outcome) {
    List<SsvcTable.DecisionPoint> all = new ArrayList<>(points);
    all.add(outcome);
    return all;
  }

  /** A minimal RFC 4180 line splitter (quoted fields with doubled quotes); enough for these files. */
  static List<String> csv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

}
