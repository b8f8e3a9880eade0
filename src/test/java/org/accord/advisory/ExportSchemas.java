package org.accord.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.accord.testing.TestData;

/**
 * The official schemas every export is checked against, from the shared test data (never copied into
 * the project): OSV, OpenVEX 0.2.0, CycloneDX 1.6 and CSAF 2.0 (the CSAF validator, which also runs the
 * §6.1 mandatory tests). Loaded once per test run.
 */
public final class ExportSchemas {
  private ExportSchemas() {}

  private static SchemaValidator osv;
  private static SchemaValidator openVex;
  private static SchemaValidator cycloneDx;

  static synchronized SchemaValidator osv() {
    if (osv == null) {
      osv = SchemaValidator.builder("https://raw.githubusercontent.com/ossf/osv-schema/main/validation/schema.json")
          .map("https://raw.githubusercontent.com/ossf/osv-schema/main/validation/", TestData.resolve("osv/osv-schema/validation").toUri().toString())
          .build();
    }
    return osv;
  }

  static synchronized SchemaValidator openVex() {
    if (openVex == null) {
      openVex = SchemaValidator.builder("https://github.com/openvex/spec/openvex_json_schema_0.2.0.json")
          .map("https://github.com/openvex/spec/openvex_json_schema_0.2.0.json",
              TestData.resolve("openvex/openvex-spec/openvex_json_schema.json").toUri().toString())
          .build();
    }
    return openVex;
  }

  static synchronized SchemaValidator cycloneDx() {
    if (cycloneDx == null) {
      cycloneDx = SchemaValidator.builder("http://cyclonedx.org/schema/bom-1.6.schema.json")
          .map("http://cyclonedx.org/schema/", TestData.resolve("cyclonedx/specification/schema").toUri().toString())
          .build();
    }
    return cycloneDx;
  }

  private static SchemaValidator provider;

  /** Every problem the CSAF 2.0 provider-metadata schema finds in a document, as text. */
  public static synchronized List<String> providerMetadataProblems(JsonNode document) {
    if (provider == null) {
      provider = SchemaValidator.builder("https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json")
          .map("https://docs.oasis-open.org/csaf/csaf/v2.0/", TestData.resolve("csaf/csaf_2.0/json_schema").toUri().toString())
          .map("https://www.first.org/cvss/", "classpath:schemas/first/")
          .build();
    }
    List<String> problems = new ArrayList<>();
    provider.validate(document).forEach(v -> problems.add(v.path() + ": " + v.message()));
    return problems;
  }

  private static SchemaValidator csafSchema;

  /**
   * Every problem the official CSAF 2.0 JSON schema, read from the shared test data, finds in a document
   * (its CVSS references resolve to FIRST's schemas on the classpath, as for the provider metadata). {@link
   * #problems} runs the classpath copy of the same schema with the §6.1 tests; this one reads the published file.
   */
  public static synchronized List<String> csafSchemaProblems(JsonNode document) {
    if (csafSchema == null) {
      csafSchema = SchemaValidator.builder("https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json")
          .map("https://docs.oasis-open.org/csaf/csaf/v2.0/", TestData.resolve("csaf/csaf_2.0/json_schema").toUri().toString())
          .map("https://www.first.org/cvss/", "classpath:schemas/first/")
          .build();
    }
    List<String> problems = new ArrayList<>();
    csafSchema.validate(document).forEach(v -> problems.add(v.path() + ": " + v.message()));
    return problems;
  }

  /** Every problem the CycloneDX reference library (cyclonedx-core-java) finds in a CycloneDX 1.6 JSON document. */
  public static List<String> cycloneDxLibraryProblems(byte[] document) throws java.io.IOException {
    List<String> problems = new ArrayList<>();
    new org.cyclonedx.parsers.JsonParser().validate(document, org.cyclonedx.Version.VERSION_16).forEach(e -> problems.add(e.getMessage()));
    return problems;
  }

  /** Every problem the format's official schema (and, for CSAF, the mandatory tests) finds, as text. */
  public static List<String> problems(AdvisoryFormat format, JsonNode document) {
    List<String> problems = new ArrayList<>();
    switch (format) {
      case OSV -> osv().validate(document).forEach(v -> problems.add(v.path() + ": " + v.message()));
      case OPENVEX -> openVex().validate(document).forEach(v -> problems.add(v.path() + ": " + v.message()));
      case CYCLONEDX_VEX -> cycloneDx().validate(document).forEach(v -> problems.add(v.path() + ": " + v.message()));
      case CSAF -> {
        // The CSAF schema on the classpath is byte-for-byte the one in the test data (schemas/SOURCE.md);
        // CsafValidator applies it and the §6.1 mandatory tests.
        CsafValidator.validate(document).findings().forEach(f -> problems.add(f.testId() + " " + f.jsonPath() + ": " + f.message()));
      }
    }
    return problems;
  }
}
