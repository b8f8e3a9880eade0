package org.accord.jurisdiction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.accord.InvalidInputException;
import org.accord.advisory.SchemaValidator;
import org.accord.advisory.SchemaViolation;

/**
 * Reads rule packs: JSON, or YAML for files named {@code *.yaml} or {@code *.yml}. Each is first checked
 * against the shipped JSON Schema ({@code org/accord/jurisdiction/rule-pack-1.json}, draft 2020-12, networknt), then bound
 * to {@link RulePack} with Jackson, whose constructors check what a schema cannot (country codes, unique
 * ids, the rule an {@code after} names). Every refusal is a {@link RulePackException} naming the file and
 * the JSON Pointer of the field.
 *
 * <p>Also writes packs back as JSON or YAML in the same shape, so a pack read, written and read again is
 * equal to the first. Thread-safe.
 */
public final class RulePackReader {
  /** The {@code $id} of the shipped schema. */
  public static final String SCHEMA_ID = "https://accord.local/schemas/rule-pack-1.json";
  /** The largest pack file read: 1 MiB. */
  public static final int MAX_BYTES = 1 << 20;

  private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
  /** YAML with the obligation's {@code type} as a property, as in JSON, not as a YAML tag. */
  private static final ObjectMapper YAML =
      configure(YAMLMapper.builder().disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID).build());

  /** Built on first use: loading the schema is far slower than validating against it. */
  private static final class Schema {
    static final SchemaValidator VALIDATOR =
        SchemaValidator.builder(SCHEMA_ID)
            .map("https://accord.local/schemas/", "classpath:org/accord/jurisdiction/")
            .pointers(true)
            .build();
  }

  private RulePackReader() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    SimpleModule dates = new SimpleModule("rule-pack-dates");
    dates.addSerializer(LocalDate.class, ToStringSerializer.instance);
    dates.addDeserializer(LocalDate.class, new FromStringDeserializer<>(LocalDate.class) {
      @Override
      protected LocalDate _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext context) {
        return LocalDate.parse(value);
      }
    });
    mapper.registerModule(dates);
    mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
    mapper.configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true);
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    mapper.configure(SerializationFeature.INDENT_OUTPUT, true);
    // A key given twice is refused, not silently the last one.
    mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }

  /** Whether {@code file} is read as YAML ({@code .yaml}, {@code .yml}) rather than JSON. */
  public static boolean isYaml(String file) {
    String lower = file.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  /**
   * Reads one pack from {@code in} (not closed), as YAML when {@code file} says so, else as JSON.
   *
   * @param file how errors name the document, such as {@code rules/acme.json}
   * @throws RulePackException naming {@code file} and each field at fault
   * @throws UncheckedIOException if {@code in} cannot be read
   */
  public static RulePack read(String file, InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new RulePackException(file, "", "a rule pack is at most " + MAX_BYTES + " bytes");
    }
    return read(file, bytes);
  }

  /** As {@link #read(String, InputStream)}, from bytes. */
  public static RulePack read(String file, byte[] bytes) {
    ObjectMapper mapper = isYaml(file) ? YAML : JSON;
    JsonNode tree;
    try {
      tree = mapper.readTree(bytes);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new RulePackException(file, "", "not well-formed " + (mapper == YAML ? "YAML" : "JSON")
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new RulePackException(file, "", "the document is empty");
    }
    List<SchemaViolation> violations = Schema.VALIDATOR.validate(tree);
    if (!violations.isEmpty()) {
      List<RulePackException.Problem> problems = new ArrayList<>();
      for (SchemaViolation violation : violations) {
        problems.add(new RulePackException.Problem(violation.path(), violation.message()));
      }
      throw new RulePackException(file, problems);
    }
    try {
      return JSON.treeToValue(tree, RulePack.class);
    } catch (JsonMappingException e) {
      String pointer = pointer(e.getPath());
      if (e.getCause() instanceof InvalidInputException cause) {
        String at = cause.location().isEmpty() ? pointer : pointer + "/" + cause.location();
        throw new RulePackException(file, at, cause.getMessage());
      }
      throw new RulePackException(file, pointer, e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new RulePackException(file, "", e.getOriginalMessage());
    }
  }

  /** The pack as JSON, in the shape {@link #read} takes. */
  public static String writeJson(RulePack pack) {
    return write(JSON, pack);
  }

  /** The pack as YAML, in the shape {@link #read} takes from a {@code .yaml} file. */
  public static String writeYaml(RulePack pack) {
    return write(YAML, pack);
  }

  /** The pack as a JSON tree, in the shape {@link #read} takes (for API answers). */
  public static JsonNode toTree(RulePack pack) {
    return JSON.valueToTree(pack);
  }

  private static String write(ObjectMapper mapper, RulePack pack) {
    try {
      return mapper.writeValueAsString(pack);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write rule pack " + pack.id() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Jackson's path as an RFC 6901 JSON Pointer. */
  private static String pointer(List<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      pointer.append('/');
      if (reference.getIndex() >= 0) {
        pointer.append(reference.getIndex());
      } else if (reference.getFieldName() != null) {
        pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
      }
    }
    return pointer.toString();
  }
}
