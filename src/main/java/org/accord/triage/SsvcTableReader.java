package org.accord.triage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.InvalidInputException;

/** Reads and checks an {@code accord-ssvc-table/1} document. Stateless and thread-safe. */
final class SsvcTableReader {

  /*
   * How: one streaming pass over the top-level object keeps each row's line number (for error
   * messages a person can act on); the small header fields are read as trees. Then, in order:
   * header fields; decision points and outcome (ids in normal form, unique; values unique and
   * unambiguous, so that id, key and name lookups never collide); rows (arity, known values); and
   * completeness: the rows are indexed by their mixed-radix combination number, which finds both
   * duplicated and missing combinations in one array of size prod(|values|), capped at one million.
   * The same combination number is SsvcTable's lookup index, so a decision is one array read.
   *
   * [1] CERT/CC, SSVC decision table schema 2.0.0 (data/schema/v2/DecisionTable_2_0_0.schema.json): the
   *     tables we ship are its "mapping" lists, one row per combination.
   * [2] docs/adr/0031-ssvc-table-format.md: the format and its rules.
   */

  static final String FORMAT = "accord-ssvc-table/1";
  private static final Set<String> TOP_FIELDS =
      Set.of("format", "id", "name", "description", "source", "notice", "decisionPoints", "outcome", "rows");
  private static final Set<String> POINT_FIELDS = Set.of("id", "name", "description", "ssvc", "values");
  private static final Set<String> VALUE_FIELDS = Set.of("id", "key", "name", "description");
  private static final int MAX_COMBINATIONS = 1_000_000;
  private static final int NO_ROW = -1;

  private SsvcTableReader() {}

  private record RawRow(int index, int line, JsonNode node) {}

  static SsvcTable read(byte[] bytes, String origin) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    List<RawRow> rawRows = new ArrayList<>();
    boolean sawRows = false;
    try (JsonParser parser = FeedInput.JSON.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidInputException("an SSVC table must be a JSON object", origin + " $");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!TOP_FIELDS.contains(field)) {
          throw new InvalidInputException(
              "unknown field '" + field + "' (expected " + String.join(", ", sorted(TOP_FIELDS)) + ")",
              origin + " $." + field);
        }
        if (field.equals("rows")) {
          sawRows = true;
          if (value != JsonToken.START_ARRAY) {
            throw new InvalidInputException("rows must be an array of rows", origin + " $.rows");
          }
          for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
            int line = parser.currentTokenLocation().getLineNr();
            rawRows.add(new RawRow(index, line, parser.readValueAsTree()));
          }
        } else {
          fields.put(field, parser.readValueAsTree());
        }
      }
      if (parser.nextToken() != null) {
        throw new InvalidInputException("unexpected content after the table object", origin + " $");
      }
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "not valid JSON: " + FeedInput.problem(e),
          origin + " " + FeedInput.where(e),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    String format = requiredText(fields, "format", origin);
    if (!format.equals(FORMAT)) {
      throw new InvalidInputException(
          "unsupported format '" + format + "' (expected " + FORMAT + ")", origin + " $.format");
    }
    String id = requiredText(fields, "id", origin);
    requireNormalId(id, origin + " $.id");
    String name = optionalText(fields.get("name"), origin + " $.name", id);
    String source = optionalText(fields.get("source"), origin + " $.source", "");
    optionalText(fields.get("description"), origin + " $.description", "");
    optionalText(fields.get("notice"), origin + " $.notice", "");

    JsonNode pointsNode = fields.get("decisionPoints");
    if (pointsNode == null || !pointsNode.isArray() || pointsNode.isEmpty()) {
      throw new InvalidInputException("decisionPoints must be a non-empty array", origin + " $.decisionPoints");
    }
    List<SsvcTable.DecisionPoint> points = new ArrayList<>();
    Map<String, String> pointIds = new HashMap<>();
    for (int i = 0; i < pointsNode.size(); i++) {
      String at = origin + " $.decisionPoints[" + i + "]";
      SsvcTable.DecisionPoint point = point(pointsNode.get(i), at);
      String earlier = pointIds.putIfAbsent(point.id(), at);
      if (earlier != null) {
        throw new InvalidInputException("decision point id '" + point.id() + "' is used twice", at + ".id");
      }
      points.add(point);
    }
    JsonNode outcomeNode = fields.get("outcome");
    if (outcomeNode == null) {
      throw new InvalidInputException("outcome is required", origin + " $.outcome");
    }
    SsvcTable.DecisionPoint outcome = point(outcomeNode, origin + " $.outcome");
    if (pointIds.containsKey(outcome.id())) {
      throw new InvalidInputException(
          "the outcome id '" + outcome.id() + "' is also a decision point id", origin + " $.outcome.id");
    }
    if (!sawRows) {
      throw new InvalidInputException("rows is required", origin + " $.rows");
    }

    long combinations = 1;
    for (SsvcTable.DecisionPoint point : points) {
      combinations *= point.values().size();
      if (combinations > MAX_COMBINATIONS) {
        throw new InvalidInputException(
            "the decision points have more than " + MAX_COMBINATIONS + " combinations", origin + " $.decisionPoints");
      }
    }
    int[] outcomeByCombination = new int[(int) combinations];
    int[] rowOf = new int[(int) combinations];
    Arrays.fill(rowOf, NO_ROW);
    List<List<String>> rows = new ArrayList<>(rawRows.size());
    for (RawRow raw : rawRows) {
      String at = origin + " $.rows[" + raw.index() + "] (line " + raw.line() + ")";
      JsonNode row = raw.node();
      if (!row.isArray() || row.size() != points.size() + 1) {
        throw new InvalidInputException(
            "a row must be an array of " + (points.size() + 1) + " values (" + columns(points, outcome) + "), found "
                + row,
            at);
      }
      List<String> ids = new ArrayList<>(row.size());
      int combination = 0;
      for (int c = 0; c <= points.size(); c++) {
        SsvcTable.DecisionPoint column = c < points.size() ? points.get(c) : outcome;
        JsonNode cell = row.get(c);
        if (!cell.isTextual()) {
          throw new InvalidInputException(
              "column " + column.id() + " must be a string, found " + cell, at);
        }
        SsvcTable.Value value =
            column
                .value(cell.asText())
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "'" + cell.asText() + "' is not a value of " + column.id() + " (one of "
                                + String.join(", ", column.values().stream().map(SsvcTable.Value::id).toList()) + ")",
                            at));
        ids.add(value.id());
        if (c < points.size()) {
          combination = combination * column.values().size() + column.indexOf(value);
        } else {
          if (rowOf[combination] != NO_ROW) {
            throw new InvalidInputException(
                "row repeats the decision-point values of $.rows[" + rowOf[combination] + "] ("
                    + describe(points, ids) + ")",
                at);
          }
          rowOf[combination] = raw.index();
          outcomeByCombination[combination] = column.indexOf(value);
        }
      }
      rows.add(ids);
    }
    List<String> missing = new ArrayList<>();
    int missingCount = 0;
    for (int combination = 0; combination < rowOf.length; combination++) {
      if (rowOf[combination] == NO_ROW) {
        missingCount++;
        if (missing.size() < 3) {
          missing.add("(" + describe(points, decode(points, combination)) + ")");
        }
      }
    }
    if (missingCount > 0) {
      throw new InvalidInputException(
          "the table is incomplete: " + missingCount + " of " + rowOf.length + " combinations have no row, such as "
              + String.join(", ", missing),
          origin + " $.rows");
    }
    return new SsvcTable(
        id, name, source, sha256(bytes), SsvcTable.utf8(bytes), points, outcome, rows, outcomeByCombination);
  }

  private static SsvcTable.DecisionPoint point(JsonNode node, String at) {
    if (!node.isObject()) {
      throw new InvalidInputException("a decision point must be a JSON object", at);
    }
    checkFields(node, POINT_FIELDS, at);
    String id = requiredText(node, "id", at);
    requireNormalId(id, at + ".id");
    String name = optionalText(node.get("name"), at + ".name", id);
    String ssvc = optionalText(node.get("ssvc"), at + ".ssvc", "");
    optionalText(node.get("description"), at + ".description", "");
    JsonNode valuesNode = node.get("values");
    if (valuesNode == null || !valuesNode.isArray() || valuesNode.isEmpty()) {
      throw new InvalidInputException("values must be a non-empty array", at + ".values");
    }
    List<SsvcTable.Value> values = new ArrayList<>();
    Map<String, String> spellings = new HashMap<>();
    for (int v = 0; v < valuesNode.size(); v++) {
      String valueAt = at + ".values[" + v + "]";
      JsonNode valueNode = valuesNode.get(v);
      SsvcTable.Value value;
      if (valueNode.isTextual()) {
        value = new SsvcTable.Value(valueNode.asText(), "", valueNode.asText());
      } else if (valueNode.isObject()) {
        checkFields(valueNode, VALUE_FIELDS, valueAt);
        String valueId = requiredText(valueNode, "id", valueAt);
        value =
            new SsvcTable.Value(
                valueId,
                optionalText(valueNode.get("key"), valueAt + ".key", ""),
                optionalText(valueNode.get("name"), valueAt + ".name", valueId));
        optionalText(valueNode.get("description"), valueAt + ".description", "");
      } else {
        throw new InvalidInputException("a value must be a string (its id) or an object with an id", valueAt);
      }
      requireNormalId(value.id(), valueAt);
      for (SsvcTable.Value earlier : values) {
        if (earlier.id().equals(value.id())) {
          throw new InvalidInputException("value id '" + value.id() + "' is used twice", valueAt);
        }
      }
      for (String spelling : new String[] {value.id(), SsvcTable.normalize(value.key()), SsvcTable.normalize(value.name())}) {
        if (spelling.isEmpty()) {
          continue;
        }
        String other = spellings.putIfAbsent(spelling, value.id());
        if (other != null && !other.equals(value.id())) {
          throw new InvalidInputException(
              "'" + spelling + "' would name both " + other + " and " + value.id() + "; ids, keys and names must be distinct",
              valueAt);
        }
      }
      values.add(value);
    }
    return new SsvcTable.DecisionPoint(id, name, ssvc, values);
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String at) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      if (!allowed.contains(field)) {
        throw new InvalidInputException(
            "unknown field '" + field + "' (expected " + String.join(", ", sorted(allowed)) + ")", at + "." + field);
      }
    }
  }

  private static void requireNormalId(String id, String at) {
    if (id.isEmpty() || !SsvcTable.normalize(id).equals(id)) {
      throw new InvalidInputException(
          "'" + id + "' is not a valid id (lower-case letters, digits, '*' and single hyphens, such as '"
              + (SsvcTable.normalize(id).isEmpty() ? "public-poc" : SsvcTable.normalize(id)) + "')",
          at);
    }
  }

  private static String requiredText(Map<String, JsonNode> fields, String field, String origin) {
    JsonNode node = fields.get(field);
    if (node == null || !node.isTextual()) {
      throw new InvalidInputException(field + " is required and must be a string", origin + " $." + field);
    }
    return node.asText();
  }

  private static String requiredText(JsonNode object, String field, String at) {
    JsonNode node = object.get(field);
    if (node == null || !node.isTextual()) {
      throw new InvalidInputException(field + " is required and must be a string", at + "." + field);
    }
    return node.asText();
  }

  private static String optionalText(JsonNode node, String at, String fallback) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isTextual()) {
      throw new InvalidInputException("must be a string", at);
    }
    return node.asText();
  }

  private static List<String> decode(List<SsvcTable.DecisionPoint> points, int combination) {
    String[] ids = new String[points.size()];
    for (int p = points.size() - 1; p >= 0; p--) {
      List<SsvcTable.Value> values = points.get(p).values();
      ids[p] = values.get(combination % values.size()).id();
      combination /= values.size();
    }
    return Arrays.asList(ids);
  }

  private static String describe(List<SsvcTable.DecisionPoint> points, List<String> ids) {
    List<String> parts = new ArrayList<>();
    for (int p = 0; p < points.size(); p++) {
      parts.add(points.get(p).id() + "=" + ids.get(p));
    }
    return String.join(", ", parts);
  }

  private static String columns(List<SsvcTable.DecisionPoint> points, SsvcTable.DecisionPoint outcome) {
    List<String> names = new ArrayList<>();
    points.forEach(point -> names.add(point.id()));
    names.add(outcome.id());
    return String.join(", ", names);
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
