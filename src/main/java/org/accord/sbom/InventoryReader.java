package org.accord.sbom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.identity.Purl;

/**
 * Reads a deployment inventory: which operator runs which product version at which site, in which
 * sector and country, and how critical it is.
 *
 * <p>Two shapes are accepted, told apart by the file name's extension ({@code .csv}, {@code .json})
 * or, failing that, by the first character ({@code [} or <code>{</code> is JSON):
 *
 * <ul>
 *   <li>CSV (RFC 4180, read with jackson-dataformat-csv): a header row, then one row per deployment.
 *       Columns {@code operator, site, sector, country, criticality, product} in any order; {@code
 *       product_purl} is accepted for {@code product}; header names ignore case and treat spaces and
 *       hyphens as underscores; other columns are ignored; fields may be quoted; blank rows are skipped.
 *   <li>JSON: an array of objects with the same members, or <code>{"deployments": [...]}</code>.
 * </ul>
 *
 * <p>Field rules: operator and site are non-empty; sector is one of {@link Sector}'s labels;
 * country is an ISO 3166-1 alpha-2 code known to {@link Locale#getISOCountries()} (case ignored);
 * criticality is one of {@link Criticality}'s labels; product is a PURL with a version. One row per
 * deployment: a second row with the same operator, site and product version is an error.
 *
 * <p>The whole file is validated before anything is returned: a file with any error is refused as a
 * whole with one {@link InvalidInputException} listing up to {@value #MAX_ERRORS_SHOWN} errors, each
 * naming its line and field (CSV) or array index and member (JSON), and the total count. Stateless and
 * thread-safe. The stream is read but not closed.
 */
public final class InventoryReader {
  /** How many errors one refusal lists. */
  public static final int MAX_ERRORS_SHOWN = 20;

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Map<String, String> COUNTRY_HINTS = Map.of("UK", "GB", "EL", "GR");

  /** The columns, in the order messages name them. */
  private enum Field {
    OPERATOR("operator"),
    SITE("site"),
    SECTOR("sector"),
    COUNTRY("country"),
    CRITICALITY("criticality"),
    PRODUCT("product");

    final String column;

    Field(String column) {
      this.column = column;
    }

    static Field of(String header) {
      String normalized =
          header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
      if (normalized.equals("product_purl")) {
        return PRODUCT;
      }
      for (Field field : values()) {
        if (field.column.equals(normalized)) {
          return field;
        }
      }
      return null;
    }
  }

  private InventoryReader() {}

  /**
   * Reads and validates a whole inventory.
   *
   * @param in the inventory; read to its end (or the size limit), not closed
   * @param fileNameOrNull the file's name, used only to pick CSV or JSON by extension; may be null
   * @param limits the size limit and JSON depth limit apply
   * @return the deployments, in file order; never empty
   * @throws InvalidInputException if the file is malformed, not UTF-8, too large, empty, or any row is
   *     invalid
   * @throws UncheckedIOException if reading the stream itself fails
   */
  public static List<DeploymentRow> read(InputStream in, String fileNameOrNull, ReadLimits limits) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(limits, "limits");
    BufferedInputStream buffered = new BufferedInputStream(new LimitedInputStream(in, limits.maxBytes()), 8192);
    Errors errors = new Errors();
    List<DeploymentRow> rows;
    try {
      rows = isJson(buffered, fileNameOrNull) ? readJson(buffered, limits, errors) : readCsv(buffered, errors);
    } catch (StreamConstraintsException e) {
      throw Json.limitExceeded(e, null, limits.maxJsonDepth());
    } catch (JsonProcessingException e) {
      LimitedInputStream.SizeLimitExceeded exceeded = LimitedInputStream.find(e);
      if (exceeded != null) {
        throw BomReader.tooLarge(exceeded);
      }
      throw Json.malformed("malformed inventory", e);
    } catch (LimitedInputStream.SizeLimitExceeded e) {
      throw BomReader.tooLarge(e);
    } catch (java.io.CharConversionException | java.nio.charset.CharacterCodingException e) {
      throw BomReader.notUtf8(e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the inventory: " + e.getMessage(), e);
    }
    rejectRepeats(rows, errors);
    errors.throwIfAny();
    if (rows.isEmpty()) {
      throw new InvalidInputException("the inventory has no deployment rows");
    }
    return List.copyOf(rows);
  }

  /**
   * One row per deployment: a second row for the same operator, site and product version is an error
   * naming the first, since counting it twice would skew every aggregate.
   */
  private static void rejectRepeats(List<DeploymentRow> rows, Errors errors) {
    Map<String, Integer> firstLine = new java.util.HashMap<>();
    for (DeploymentRow row : rows) {
      String key = row.operator() + "\u0000" + row.site() + "\u0000" + row.product().canonical();
      Integer first = firstLine.putIfAbsent(key, row.line());
      if (first != null) {
        errors.add(
            "line " + row.line(),
            "repeats the deployment of line " + first + " (same operator, site and product); one row per deployment");
      }
    }
  }

  private static boolean isJson(BufferedInputStream in, String fileName) throws IOException {
    if (fileName != null) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".json")) {
        return true;
      }
      if (lower.endsWith(".csv")) {
        return false;
      }
    }
    in.mark(4097);
    byte[] head = in.readNBytes(4096);
    in.reset();
    for (byte b : head) {
      int c = b & 0xff;
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xef || c == 0xbb || c == 0xbf) {
        continue;
      }
      return c == '[' || c == '{';
    }
    return false;
  }

  // ---- CSV ----

  private static List<DeploymentRow> readCsv(InputStream in, Errors errors) throws IOException {
    CsvFactory factory = CsvFactory.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    List<DeploymentRow> rows = new ArrayList<>();
    try (CsvParser parser = factory.createParser(in)) {
      parser.setSchema(CsvSchema.emptySchema());
      List<String> header = csvRecord(parser);
      if (header == null) {
        throw new InvalidInputException("the inventory is empty; expected a header row naming " + columns());
      }
      Map<Field, Integer> index = new EnumMap<>(Field.class);
      for (int i = 0; i < header.size(); i++) {
        Field field = Field.of(header.get(i));
        if (field != null && index.putIfAbsent(field, i) != null) {
          throw new InvalidInputException(
              "the header names column " + field.column + " twice (product and product_purl are the same column)",
              "line 1");
        }
      }
      List<String> missing = new ArrayList<>();
      for (Field field : Field.values()) {
        if (!index.containsKey(field)) {
          missing.add(field.column);
        }
      }
      if (!missing.isEmpty()) {
        throw new InvalidInputException(
            "the header lacks column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                + "; an inventory needs " + columns() + " (product_purl may stand for product)",
            "line 1");
      }
      while (true) {
        int line = parser.currentLocation().getLineNr();
        List<String> record = csvRecord(parser);
        if (record == null) {
          break;
        }
        if (record.stream().allMatch(String::isBlank)) {
          continue;
        }
        String where = "line " + line;
        if (record.size() > header.size()) {
          errors.add(where, record.size() + " fields, but the header names " + header.size() + " columns");
          continue;
        }
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (Map.Entry<Field, Integer> column : index.entrySet()) {
          int i = column.getValue();
          values.put(column.getKey(), i < record.size() ? record.get(i) : null);
        }
        DeploymentRow row = validate(line, values, field -> where + ", field " + field.column, errors);
        if (row != null) {
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** The next record's fields, or null at the end. */
  private static List<String> csvRecord(CsvParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      throw new InvalidInputException("malformed CSV", BomReader.at(parser.currentTokenLocation()));
    }
    List<String> fields = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      fields.add(parser.getText());
    }
    return fields;
  }

  // ---- JSON ----

  private static List<DeploymentRow> readJson(InputStream in, ReadLimits limits, Errors errors) throws IOException {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxJsonDepth()).build())
            .build();
    List<DeploymentRow> rows = new ArrayList<>();
    try (JsonParser parser = factory.createParser(in)) {
      try {
        readJson(parser, rows, errors);
      } catch (StreamConstraintsException e) {
        throw Json.limitExceeded(e, parser, limits.maxJsonDepth());
      }
    }
    return rows;
  }

  private static void readJson(JsonParser parser, List<DeploymentRow> rows, Errors errors) throws IOException {
    {
      JsonToken first = parser.nextToken();
      String arrayPath;
      if (first == JsonToken.START_OBJECT) {
        arrayPath = "$.deployments";
        boolean found = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          if (name.equals("deployments") && !found) {
            Json.expect(parser, JsonToken.START_ARRAY, arrayPath);
            found = true;
            jsonRows(parser, arrayPath, rows, errors);
          } else {
            parser.skipChildren();
          }
        }
        if (!found) {
          throw new InvalidInputException(
              "a JSON inventory is an array of deployments or an object with a \"deployments\" array", "$");
        }
      } else if (first == JsonToken.START_ARRAY) {
        arrayPath = "$";
        jsonRows(parser, arrayPath, rows, errors);
      } else {
        throw new InvalidInputException(
            "a JSON inventory is an array of deployments or an object with a \"deployments\" array, not "
                + Json.describe(first),
            "$");
      }
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw new InvalidInputException(
            "malformed JSON: unexpected " + Json.describe(after) + " after the end of the document",
            BomReader.at(parser.currentTokenLocation()));
      }
    }
  }

  private static void jsonRows(JsonParser parser, String arrayPath, List<DeploymentRow> rows, Errors errors)
      throws IOException {
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String path = arrayPath + "[" + index++ + "]";
      JsonLocation start = parser.currentTokenLocation();
      int line = start.getLineNr();
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        errors.add(Json.location(path, start), "a deployment must be an object, not " + Json.describe(parser.currentToken()));
        parser.skipChildren();
        continue;
      }
      Map<Field, String> values = new EnumMap<>(Field.class);
      boolean typeError = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        Field field = Field.of(name);
        if (field == null) {
          parser.skipChildren();
          continue;
        }
        if (value == JsonToken.VALUE_STRING) {
          values.put(field, parser.getText());
        } else if (value != JsonToken.VALUE_NULL) {
          errors.add(
              path + "." + name + " (line " + parser.currentTokenLocation().getLineNr() + ")",
              "must be a string, not " + Json.describe(value));
          typeError = true;
          parser.skipChildren();
        }
      }
      DeploymentRow row =
          validate(line, values, field -> path + "." + field.column + " (line " + line + ")", errors);
      if (row != null && !typeError) {
        rows.add(row);
      }
    }
  }

  // ---- shared field rules ----

  private static DeploymentRow validate(
      int line, Map<Field, String> values, java.util.function.Function<Field, String> where, Errors errors) {
    int before = errors.count();
    String operator = required(values, Field.OPERATOR, where, errors);
    String site = required(values, Field.SITE, where, errors);
    Sector sector = null;
    String sectorText = required(values, Field.SECTOR, where, errors);
    if (sectorText != null) {
      try {
        sector = Sector.parse(sectorText);
      } catch (InvalidInputException e) {
        errors.add(where.apply(Field.SECTOR), e.getMessage());
      }
    }
    String country = required(values, Field.COUNTRY, where, errors);
    if (country != null) {
      country = country.toUpperCase(Locale.ROOT);
      if (!COUNTRIES.contains(country)) {
        String hint = COUNTRY_HINTS.containsKey(country) ? " (did you mean " + COUNTRY_HINTS.get(country) + "?)" : "";
        errors.add(
            where.apply(Field.COUNTRY),
            Warnings.quote(values.get(Field.COUNTRY).strip()) + " is not an ISO 3166-1 alpha-2 country code" + hint);
      }
    }
    Criticality criticality = null;
    String criticalityText = required(values, Field.CRITICALITY, where, errors);
    if (criticalityText != null) {
      try {
        criticality = Criticality.parse(criticalityText);
      } catch (InvalidInputException e) {
        errors.add(where.apply(Field.CRITICALITY), e.getMessage());
      }
    }
    Purl product = null;
    String productText = required(values, Field.PRODUCT, where, errors);
    if (productText != null) {
      try {
        product = Purl.parse(productText);
        if (!product.hasVersion()) {
          errors.add(
              where.apply(Field.PRODUCT),
              "product PURL " + Warnings.quote(productText) + " has no version; a deployment runs one version (add @version)");
          product = null;
        }
      } catch (InvalidInputException e) {
        errors.add(where.apply(Field.PRODUCT), e.getMessage());
      }
    }
    if (errors.count() > before) {
      return null;
    }
    return new DeploymentRow(line, operator, site, sector, country, criticality, product);
  }

  private static String required(
      Map<Field, String> values, Field field, java.util.function.Function<Field, String> where, Errors errors) {
    String value = values.get(field);
    if (value == null || value.isBlank()) {
      errors.add(where.apply(field), field.column + " is missing");
      return null;
    }
    return value.strip();
  }

  private static String columns() {
    List<String> names = new ArrayList<>();
    for (Field field : Field.values()) {
      names.add(field.column);
    }
    return String.join(", ", names);
  }

  /** All errors of one file: counted in full, the first {@link #MAX_ERRORS_SHOWN} kept. */
  /**
   * Refuses an inventory with a row whose operator is not {@code operator}, the organization that
   * uploads it: a row's operator is never taken from the document as an identity, so no one can
   * write deployments for another operator, or make operators appear by naming them (issue 8).
   * Names every such row by line and field, as the reader's other errors do.
   *
   * @throws InvalidInputException if any row names another operator
   */
  public static void requireOperator(List<DeploymentRow> rows, String operator) {
    Errors errors = new Errors();
    for (DeploymentRow row : rows) {
      if (!row.operator().equals(operator)) {
        errors.add("line " + row.line() + ", field operator",
            "names '" + row.operator() + "', but every row's operator is the uploading organization '" + operator
                + "' (a coordinator uploads for an existing organization with --org / ?org=)");
      }
    }
    errors.throwIfAny();
  }

  private static final class Errors {
    private final List<String> shown = new ArrayList<>();
    private String firstLocation = "";
    private int count;

    void add(String location, String message) {
      if (count == 0) {
        firstLocation = location;
      }
      count++;
      if (shown.size() < MAX_ERRORS_SHOWN) {
        shown.add(location + ": " + message);
      }
    }

    int count() {
      return count;
    }

    void throwIfAny() {
      if (count == 0) {
        return;
      }
      StringBuilder message = new StringBuilder("the inventory was refused as a whole: ");
      message.append(count).append(count == 1 ? " error" : " errors");
      if (count > shown.size()) {
        message.append(" (the first ").append(shown.size()).append(" shown)");
      }
      for (String line : shown) {
        message.append("\n  ").append(line);
      }
      throw new InvalidInputException(message.toString(), firstLocation);
    }
  }
}
