package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaValidatorTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  void reportsPathKeywordAndMessageOfEachViolation() throws Exception {
    SchemaValidator cvss31 =
        SchemaValidator.builder("https://www.first.org/cvss/cvss-v3.1.json")
            .map("https://www.first.org/cvss/", "classpath:schemas/first/")
            .build();
    List<SchemaViolation> violations =
        cvss31.validate(
            json("{\"version\":\"3.1\",\"vectorString\":\"CVSS:3.1/AV:X\",\"baseScore\":11}"));
    assertThat(violations).extracting(SchemaViolation::keyword).contains("required", "pattern", "maximum");
    assertThat(violations).extracting(SchemaViolation::path).contains("$", "$.vectorString", "$.baseScore");
  }

  @Test
  void validInstanceHasNoViolations() throws Exception {
    SchemaValidator cvss2 =
        SchemaValidator.builder("https://www.first.org/cvss/cvss-v2.0.json")
            .map("https://www.first.org/cvss/", "classpath:schemas/first/")
            .build();
    assertThat(cvss2.validate(json("{\"version\":\"2.0\",\"vectorString\":\"AV:N/AC:L/Au:N/C:C/I:C/A:C\",\"baseScore\":10.0}")))
        .isEmpty();
  }

  @Test
  void strictVariantsCloseEveryObjectOfTheSchemaAndOfWhatItReferences(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("outer.json"), """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://schemas.example/outer.json",
         "type": "object", "properties": {"inner": {"$ref": "https://schemas.example/inner.json"}}}
        """);
    Files.writeString(folder.resolve("inner.json"), """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://schemas.example/inner.json",
         "type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "string"}}
        """);
    JsonNode extra = json("{\"inner\": {\"a\": \"x\", \"b\": \"y\"}, \"c\": 1}");
    SchemaValidator lenient =
        SchemaValidator.builder("https://schemas.example/outer.json").map("https://schemas.example/", folder.toUri().toString()).build();
    assertThat(lenient.validate(extra)).isEmpty();
    SchemaValidator strict =
        SchemaValidator.builder("https://schemas.example/outer.json")
            .map("https://schemas.example/", folder.toUri().toString())
            .strict(true)
            .build();
    assertThat(strict.validate(extra))
        .extracting(SchemaViolation::path, SchemaViolation::keyword)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("$", "additionalProperties"),
            org.assertj.core.groups.Tuple.tuple("$.inner", "additionalProperties"));
    assertThat(strict.validate(json("{\"inner\": {\"a\": \"x\"}}"))).isEmpty();

    SchemaValidator strictCvss =
        SchemaValidator.builder("https://www.first.org/cvss/cvss-v2.0.json")
            .map("https://www.first.org/cvss/", "classpath:schemas/first/")
            .strict(true)
            .build();
    assertThat(strictCvss.validate(json("{\"version\":\"2.0\",\"vectorString\":\"AV:N/AC:L/Au:N/C:C/I:C/A:C\",\"baseScore\":10.0,\"x\":1}")))
        .extracting(SchemaViolation::keyword)
        .containsExactly("additionalProperties");
  }

  @Test
  void schemasOnDiskResolveTheirReferencesThroughTheMappings(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("outer.json"), """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://schemas.example/outer.json",
         "type": "object", "properties": {"inner": {"$ref": "https://schemas.example/inner.json"}}}
        """);
    Files.writeString(folder.resolve("inner.json"), """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://schemas.example/inner.json",
         "type": "string", "format": "date-time"}
        """);
    SchemaValidator outer =
        SchemaValidator.builder("https://schemas.example/outer.json").map("https://schemas.example/", folder.toUri().toString()).build();
    assertThat(outer.validate(json("{\"inner\": \"2024-01-01T00:00:00Z\"}"))).isEmpty();
    assertThat(outer.validate(json("{\"inner\": \"yesterday\"}")))
        .extracting(SchemaViolation::path, SchemaViolation::keyword)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.inner", "format"));
  }

  @Test
  void referenceOutsideTheMappingsIsRefusedNotFetched(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("outer.json"), """
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://schemas.example/outer.json",
         "properties": {"inner": {"$ref": "https://elsewhere.example/inner.json"}}}
        """);
    assertThatThrownBy(
            () -> SchemaValidator.builder("https://schemas.example/outer.json")
                .map("https://schemas.example/", folder.toUri().toString())
                .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("https://elsewhere.example/inner.json");
  }

  @Test
  void unmappedSchemaIsRefusedNotFetched() {
    assertThatThrownBy(() -> SchemaValidator.builder("https://example.invalid/schema.json").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("https://example.invalid/schema.json");
  }
}
