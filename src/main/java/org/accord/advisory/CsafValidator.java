package org.accord.advisory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.accord.InvalidInputException;

/**
 * Validates CSAF 2.0 documents: the CSAF JSON schema, then every mandatory test of CSAF 2.0 §6.1
 * (6.1.1 to 6.1.33, with the profile tests 6.1.27.1 to 6.1.27.11). A document is valid when nothing is
 * found; each finding names the test, the JSONPath and the problem.
 *
 * <p>The schemas (CSAF 2.0 and the FIRST CVSS v2.0, v3.0 and v3.1 schemas it references) are read from
 * the classpath; nothing is fetched from the network. Schema violations are reported with the test id
 * {@link CsafFinding#SCHEMA}, except those inside a {@code cvss_v2} or {@code cvss_v3} object, which
 * belong to test 6.1.8 (Invalid CVSS) and are reported there, once. The tests run even when the
 * schema fails, on whatever parts of the document they can read.
 *
 * <p>Thread-safe and stateless; the schemas load once, on first use.
 */
public final class CsafValidator {
  /** The largest document {@link #validate(InputStream)} reads, in bytes. */
  public static final long MAX_DOCUMENT_BYTES = 64L << 20;
  /** The deepest nesting of arrays and objects {@link #validate(InputStream)} accepts. */
  public static final int MAX_NESTING_DEPTH = 256;

  /**
   * Orders test ids as CSAF numbers them: {@code schema} first, then {@code 6.1.1}, {@code 6.1.2}, …,
   * {@code 6.1.9} before {@code 6.1.10}, {@code 6.1.27.11} before {@code 6.1.28}.
   */
  public static final Comparator<String> TEST_ORDER = MandatoryTests.ORDER;

  private static final Pattern CVSS_PATH =
      Pattern.compile("^\\$\\.vulnerabilities\\[\\d+]\\.scores\\[\\d+]\\.cvss_v[23](?:$|[.\\[]).*");

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxDocumentLength(MAX_DOCUMENT_BYTES)
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private CsafValidator() {}

  /**
   * Reads a JSON document from the stream (which the caller closes) and validates it.
   *
   * @throws InvalidInputException when the stream is not one well-formed JSON value (the location
   *     names line and column), repeats a member name, exceeds {@link #MAX_DOCUMENT_BYTES} or nests
   *     deeper than {@link #MAX_NESTING_DEPTH}
   * @throws UncheckedIOException when reading the stream fails
   */
  public static CsafValidation validate(InputStream in) {
    return validate(parse(in));
  }

  /**
   * Validates a parsed document. Any JSON value is accepted; one that is not a CSAF document simply
   * fails the schema. The size and depth limits of {@link #validate(InputStream)} are the caller's
   * business here.
   *
   * @param document the document; not null
   * @return the findings, empty when the document is valid
   */
  public static CsafValidation validate(JsonNode document) {
    Objects.requireNonNull(document, "document");
    List<CsafFinding> findings = new ArrayList<>();
    for (SchemaViolation violation : CsafSchemas.csaf().validate(document)) {
      if (!CVSS_PATH.matcher(violation.path()).matches()) {
        findings.add(new CsafFinding(CsafFinding.SCHEMA, violation.path(), violation.message()));
      }
    }
    CsafDocument csaf = new CsafDocument(document);
    Findings testFindings = new Findings();
    for (MandatoryTests.Test test : MandatoryTests.ALL) {
      try {
        test.check().accept(csaf, testFindings);
      } catch (RuntimeException e) {
        throw new IllegalStateException("CSAF test " + test.id() + " failed on this document: " + e, e);
      }
    }
    findings.addAll(testFindings.list());
    findings.sort((left, right) -> MandatoryTests.ORDER.compare(left.testId(), right.testId()));
    return new CsafValidation(findings);
  }

  /** The mandatory tests this validator runs, by id, with the titles CSAF 2.0 §6.1 gives them. */
  public static Map<String, String> mandatoryTests() {
    Map<String, String> tests = new LinkedHashMap<>();
    for (MandatoryTests.Test test : MandatoryTests.ALL) {
      tests.put(test.id(), test.title());
    }
    return tests;
  }

  /**
   * Parses one JSON document with the validator's limits (see {@link #validate(InputStream)}).
   *
   * @throws InvalidInputException when the input is not one well-formed JSON value within the limits
   */
  public static JsonNode parse(InputStream in) {
    Objects.requireNonNull(in, "in");
    return JsonFields.readDocument(MAPPER, () -> MAPPER.createParser(in));
  }
}
