package org.accord.advisory;

/**
 * The JSON schemas the CSAF validator needs, loaded from the classpath copies in {@code schemas/} on
 * first use: the CSAF 2.0 schema and the three FIRST CVSS schemas it references, and the strict
 * variant of the CSAF schema (with its strict CVSS schemas) for §6.2.20. Thread-safe.
 */
final class CsafSchemas {
  static final String CSAF_2_0 = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
  static final String CVSS_2_0 = "https://www.first.org/cvss/cvss-v2.0.json";
  static final String CVSS_3_0 = "https://www.first.org/cvss/cvss-v3.0.json";
  static final String CVSS_3_1 = "https://www.first.org/cvss/cvss-v3.1.json";

  private CsafSchemas() {}

  static SchemaValidator csaf() {
    return Holder.CSAF;
  }

  /**
   * The CSAF 2.0 schema with every object closed to properties it does not define ({@code
   * additionalProperties: false}), CVSS objects included: the "strict" schema of §6.2.20.
   */
  static SchemaValidator strictCsaf() {
    return StrictHolder.CSAF;
  }

  /** The FIRST schema for a CVSS version ({@code 2.0}, {@code 3.0}, {@code 3.1}), or null for others. */
  static SchemaValidator cvss(String version) {
    switch (version) {
      case "2.0":
        return Holder.CVSS2;
      case "3.0":
        return Holder.CVSS30;
      case "3.1":
        return Holder.CVSS31;
      default:
        return null;
    }
  }

  private static SchemaValidator load(String schemaIri) {
    return load(schemaIri, false);
  }

  private static SchemaValidator load(String schemaIri, boolean strict) {
    return SchemaValidator.builder(schemaIri)
        .strict(strict)
        .map("https://docs.oasis-open.org/csaf/csaf/v2.0/", "classpath:schemas/csaf/2.0/")
        .map("https://www.first.org/cvss/", "classpath:schemas/first/")
        .build();
  }

  private static final class Holder {
    static final SchemaValidator CSAF = load(CSAF_2_0);
    static final SchemaValidator CVSS2 = load(CVSS_2_0);
    static final SchemaValidator CVSS30 = load(CVSS_3_0);
    static final SchemaValidator CVSS31 = load(CVSS_3_1);
  }

  /** Loaded apart from {@link Holder}, so that runs without optional tests never build it. */
  private static final class StrictHolder {
    static final SchemaValidator CSAF = load(CSAF_2_0, true);
  }
}
