package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.InputStreamSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates JSON documents against one JSON Schema whose {@code $ref}s resolve to local copies, never to
 * the network. It is the one place Accord talks to the schema library (networknt json-schema-validator),
 * used by the CSAF validator at run time and by the tests of every exporter (OSV, OpenVEX, CycloneDX
 * VEX) against the official schemas.
 *
 * <p>Build one with {@link #builder(String)}: name the schema by its {@code $id} and map each IRI
 * prefix the schema and its references use to where the copies live, either on the classpath
 * ({@code classpath:schemas/first/}) or on disk ({@code file:///…/}, in tests). An IRI that no mapping
 * covers is refused rather than fetched: building or validating then fails with an {@link
 * IllegalStateException} naming it.
 *
 * <pre>{@code
 * SchemaValidator csaf = SchemaValidator.builder("https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json")
 *     .map("https://docs.oasis-open.org/csaf/csaf/v2.0/", "classpath:schemas/csaf/2.0/")
 *     .map("https://www.first.org/cvss/", "classpath:schemas/first/")
 *     .build();
 * List<SchemaViolation> problems = csaf.validate(document);
 * }</pre>
 *
 * <p>Immutable and thread-safe once built; build once and reuse, since loading a schema is far slower
 * than validating against it.
 */
public final class SchemaValidator {
  /** The IRI scheme of strict variants of mapped schemas (see {@link Builder#strict(boolean)}). */
  private static final String STRICT = "strict";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Schema schema;
  private final String schemaIri;
  /** The path of the whole document: {@code $}, or {@code ""} as a JSON Pointer. */
  private final String root;

  private SchemaValidator(Schema schema, String schemaIri, boolean pointers) {
    this.schema = schema;
    this.schemaIri = schemaIri;
    this.root = pointers ? "" : "$";
  }

  /** Starts a validator for the schema whose {@code $id} (or mapped IRI) is {@code schemaIri}. */
  public static Builder builder(String schemaIri) {
    return new Builder(schemaIri);
  }

  /** The IRI of the schema this validator checks against. */
  public String schemaIri() {
    return schemaIri;
  }

  /**
   * Validates one instance.
   *
   * @param instance the parsed document; not null
   * @return every violation, ordered by path and then message; empty when the instance is valid
   * @throws IllegalStateException when a {@code $ref} needed for this instance cannot be resolved
   *     locally
   */
  public List<SchemaViolation> validate(JsonNode instance) {
    Objects.requireNonNull(instance, "instance");
    List<Error> errors;
    try {
      errors = schema.validate(instance);
    } catch (SchemaException e) {
      throw new IllegalStateException("schema " + schemaIri + " cannot be used: " + e.getMessage(), e);
    }
    List<SchemaViolation> violations = new ArrayList<>(errors.size());
    for (Error error : errors) {
      String path = error.getInstanceLocation() == null ? root : error.getInstanceLocation().toString();
      violations.add(new SchemaViolation(path, error.getKeyword(), stripPath(error.getMessage(), path)));
    }
    violations.sort(Comparator.comparing(SchemaViolation::path).thenComparing(SchemaViolation::message));
    return List.copyOf(violations);
  }

  /** The library prefixes some messages with the instance path, which we report separately. */
  private static String stripPath(String message, String path) {
    if (message == null) {
      return "invalid";
    }
    String prefix = path + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  /**
   * Reads {@code strict:} IRIs, which {@link Builder#strict(boolean)} maps to: the location after the
   * prefix ({@code classpath:} or {@code file:}) is read and every subschema with {@code properties}
   * gets {@code "additionalProperties": false}, as the OASIS script that generates the strict CSAF
   * schemas does ({@code csaf_2.0/test/generate_strict_schema.py}).
   */
  private static InputStreamSource strictResource(AbsoluteIri iri) {
    if (!STRICT.equals(iri.getScheme())) {
      return null;
    }
    String location = iri.toString().substring(STRICT.length() + 1);
    JsonNode schema;
    try (InputStream in = open(location)) {
      if (in == null) {
        return null;
      }
      schema = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + location, e);
    }
    forbidAdditionalProperties(schema);
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return () -> new ByteArrayInputStream(bytes);
  }

  private static InputStream open(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      String path = location.substring("classpath:".length());
      return SchemaValidator.class.getClassLoader().getResourceAsStream(path.startsWith("/") ? path.substring(1) : path);
    }
    if (location.startsWith("file:")) {
      Path path = Path.of(URI.create(location));
      return Files.isRegularFile(path) ? Files.newInputStream(path) : null;
    }
    return null;
  }

  /** Sets {@code additionalProperties} to false on every object in the tree that has {@code properties}. */
  private static void forbidAdditionalProperties(JsonNode root) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isObject() && node.has("properties")) {
        ((ObjectNode) node).put("additionalProperties", false);
      }
      node.forEach(pending::push);
    }
  }

  /** Reads {@code file:} IRIs (schemas mapped to a folder on disk); declines every other scheme. */
  private static InputStreamSource fileResource(AbsoluteIri iri) {
    if (!"file".equals(iri.getScheme())) {
      return null;
    }
    Path path = Path.of(URI.create(iri.toString()));
    return Files.isRegularFile(path) ? () -> Files.newInputStream(path) : null;
  }

  /** Collects the schema's IRI mappings and options. Not thread-safe. */
  public static final class Builder {
    private final String schemaIri;
    private final Map<String, String> mappings = new LinkedHashMap<>();
    private boolean assertFormats = true;
    private boolean strict;
    private boolean pointers;

    private Builder(String schemaIri) {
      this.schemaIri = Objects.requireNonNull(schemaIri, "schemaIri");
    }

    /**
     * Maps every IRI that starts with {@code iriPrefix} to {@code location} followed by the rest of the
     * IRI, such as {@code https://www.first.org/cvss/} to {@code classpath:schemas/first/}.
     */
    public Builder map(String iriPrefix, String location) {
      mappings.put(Objects.requireNonNull(iriPrefix, "iriPrefix"), Objects.requireNonNull(location, "location"));
      return this;
    }

    /**
     * Whether {@code format} keywords ({@code date-time}, {@code uri}, {@code email}, …) are asserted
     * rather than treated as annotations; default true, since the formats are part of the contract of
     * the schemas we use.
     */
    public Builder assertFormats(boolean assertFormats) {
      this.assertFormats = assertFormats;
      return this;
    }

    /**
     * Whether to validate against the "strict" variant of the schema and of everything it references:
     * every subschema that lists {@code properties} forbids any other property ({@code
     * "additionalProperties": false}), as CSAF 2.0 §6.2.20 describes and the OASIS {@code *_strict.json}
     * schemas are made. Default false.
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Whether {@link SchemaViolation#path()} is an RFC 6901 JSON Pointer ({@code /rules/0/trigger},
     * {@code ""} for the whole document) rather than a JSONPath; default false.
     */
    public Builder pointers(boolean pointers) {
      this.pointers = pointers;
      return this;
    }

    /**
     * Loads the schema and everything it references.
     *
     * @throws IllegalStateException when the schema or one of its references cannot be found locally
     */
    public SchemaValidator build() {
      SchemaRegistryConfig config =
          SchemaRegistryConfig.builder()
              .pathType(pointers ? PathType.JSON_POINTER : PathType.JSON_PATH)
              .formatAssertionsEnabled(assertFormats)
              .build();
      Map<String, String> prefixes = new LinkedHashMap<>();
      mappings.forEach((prefix, location) -> prefixes.put(prefix, strict ? STRICT + ":" + location : location));
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12,
              registryBuilder ->
                  registryBuilder
                      .schemaRegistryConfig(config)
                      .schemaLoader(
                          loader ->
                              loader
                                  // Only classpath: (built in), strict: and file: (below) are ever read.
                                  .fetchRemoteResources(false)
                                  .resourceLoaders(
                                      loaders -> loaders.add(SchemaValidator::strictResource).add(SchemaValidator::fileResource))
                                  .schemaIdResolvers(resolvers -> prefixes.forEach(resolvers::mapPrefix))));
      try {
        Schema schema = registry.getSchema(SchemaLocation.of(schemaIri));
        schema.initializeValidators();
        return new SchemaValidator(schema, schemaIri, pointers);
      } catch (SchemaException | IllegalArgumentException | UnsupportedOperationException e) {
        throw new IllegalStateException("cannot load schema " + schemaIri + ": " + e.getMessage(), e);
      }
    }
  }
}
