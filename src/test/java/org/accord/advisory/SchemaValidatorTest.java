package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    System.out.println(violations);
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
  void unmappedSchemaIsRefusedNotFetched() {
    assertThatThrownBy(() -> SchemaValidator.builder("https://example.invalid/schema.json").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("https://example.invalid/schema.json");
  }
}
