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
 * Validates CSAF 2.0 documents: the CSAF JSON schema, then the tests of CSAF 2.0 §6. A run covers one
 * of the three validator profiles the standard defines (§9.1.14 to §9.1.16, see {@link Extent}): the
 * schema and every mandatory test of §6.1 (6.1.1 to 6.1.33, with the profile tests 6.1.27.1 to
 * 6.1.27.11), plus the optional tests of §6.2 (6.2.1 to 6.2.20), plus the informative tests of §6.3
 * (6.3.1 to 6.3.11). A document is {@linkplain CsafValidation#valid() valid} when no mandatory test
 * fails; each finding names the test, its level, the JSONPath and the problem.
 *
 * <p>{@link #validate(InputStream)} and {@link #validate(JsonNode)} run the basic profile, which is what
 * the import needs; {@link #validate(JsonNode, Options)} runs any profile.
 *
 * <p>The schemas (CSAF 2.0 and the FIRST CVSS v2.0, v3.0 and v3.1 schemas it references), the
 * reference data and the spelling dictionary are read from the classpath; nothing is fetched from the
 * network. URLs (§6.3.6, §6.3.7) are resolved only by a {@link UrlResolver} the caller passes; the
 * default resolves none and reports them {@linkplain CsafValidation#unchecked() unchecked}. Schema
 * violations are reported with the test id {@link CsafFinding#SCHEMA}, except those inside a {@code
 * cvss_v2} or {@code cvss_v3} object, which belong to test 6.1.8 (Invalid CVSS) and are reported there,
 * once. The tests run even when the schema fails, on whatever parts of the document they can read.
 *
 * <p>Thread-safe and stateless; the schemas and the dictionary load once, on first use.
 */
public final class CsafValidator {
  /** The largest document {@link #validate(InputStream)} reads, in bytes. */
  public static final long MAX_DOCUMENT_BYTES = 64L << 20;
  /** The deepest nesting of arrays and objects {@link #validate(InputStream)} accepts. */
  public static final int MAX_NESTING_DEPTH = 256;

  /**
   * Orders test ids as CSAF numbers them: {@code schema} first, then {@code 6.1.1}, {@code 6.1.2}, …,
   * {@code 6.1.9} before {@code 6.1.10}, {@code 6.1.27.11} before {@code 6.1.28}, then {@code 6.2.1}, …,
   * {@code 6.3.11}.
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

  /** Which tests a run covers: the three validator profiles of CSAF 2.0 §9.1.14 to §9.1.16. */
  public enum Extent {
    /** The JSON schema and the mandatory tests of §6.1 ("CSAF basic validator", §9.1.14). */
    BASIC,
    /** {@link #BASIC} plus the optional tests of §6.2 ("CSAF extended validator", §9.1.15). */
    EXTENDED,
    /** {@link #EXTENDED} plus the informative tests of §6.3 ("CSAF full validator", §9.1.16). */
    FULL
  }

  /**
   * How to run a validation.
   *
   * @param extent which tests run; not null
   * @param urlResolver how §6.3.6 and §6.3.7 resolve URLs (used by {@link Extent#FULL} only); not null,
   *     {@link UrlResolver#offline()} to use no network
   */
  public record Options(Extent extent, UrlResolver urlResolver) {
    public Options {
      Objects.requireNonNull(extent, "extent");
      Objects.requireNonNull(urlResolver, "urlResolver");
    }

    /** The tests of {@code extent}, resolving no URLs. */
    public static Options of(Extent extent) {
      return new Options(extent, UrlResolver.offline());
    }

    /** These options with another URL resolver. */
    public Options withUrlResolver(UrlResolver resolver) {
      return new Options(extent, resolver);
    }
  }

  /**
   * Reads a JSON document from the stream (which the caller closes) and validates it against the
   * schema and the mandatory tests ({@link Extent#BASIC}).
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
   * Reads a JSON document from the stream (which the caller closes) and runs the tests {@code options}
   * name.
   *
   * @throws InvalidInputException as {@link #validate(InputStream)}
   * @throws UncheckedIOException when reading the stream fails
   */
  public static CsafValidation validate(InputStream in, Options options) {
    return validate(parse(in), options);
  }

  /**
   * Validates a parsed document against the schema and the mandatory tests ({@link Extent#BASIC}). Any
   * JSON value is accepted; one that is not a CSAF document simply fails the schema. The size and
   * depth limits of {@link #validate(InputStream)} are the caller's business here.
   *
   * @param document the document; not null
   * @return the findings, empty when the document is valid
   */
  public static CsafValidation validate(JsonNode document) {
    return validate(document, Options.of(Extent.BASIC));
  }

  /**
   * Runs the tests {@code options} name on a parsed document. Optional and informative findings never
   * make the document invalid.
   *
   * @param document the document; not null
   * @param options which tests, and how to resolve URLs; not null
   * @return the findings of every level that ran, and what could not be checked
   * @throws IllegalStateException when a test fails on this document in a way it should not (a bug),
   *     naming the test
   */
  public static CsafValidation validate(JsonNode document, Options options) {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(options, "options");
    CsafDocument csaf = new CsafDocument(document, options.urlResolver());
    List<CsafFinding> findings = new ArrayList<>();
    for (SchemaViolation violation : csaf.schemaViolations()) {
      if (!CVSS_PATH.matcher(violation.path()).matches()) {
        findings.add(new CsafFinding(CsafFinding.SCHEMA, violation.path(), violation.message()));
      }
    }
    Findings testFindings = new Findings();
    for (CsafTest test : tests(options.extent())) {
      try {
        test.check().accept(csaf, testFindings);
      } catch (RuntimeException e) {
        throw new IllegalStateException("CSAF test " + test.id() + " failed on this document: " + e, e);
      }
    }
    findings.addAll(testFindings.list());
    findings.sort((left, right) -> MandatoryTests.ORDER.compare(left.testId(), right.testId()));
    return new CsafValidation(findings, testFindings.unchecked());
  }

  private static List<CsafTest> tests(Extent extent) {
    List<CsafTest> tests = new ArrayList<>(MandatoryTests.ALL);
    if (extent != Extent.BASIC) {
      tests.addAll(OptionalTests.ALL);
    }
    if (extent == Extent.FULL) {
      tests.addAll(InformativeTests.ALL);
    }
    return tests;
  }

  /** The mandatory tests this validator runs, by id, with the titles CSAF 2.0 §6.1 gives them. */
  public static Map<String, String> mandatoryTests() {
    return tests(CsafFinding.Level.MANDATORY);
  }

  /**
   * The tests of one level this validator runs, by id in specification order, with the titles CSAF 2.0
   * §6.1, §6.2 or §6.3 gives them.
   */
  public static Map<String, String> tests(CsafFinding.Level level) {
    List<CsafTest> registry =
        switch (level) {
          case MANDATORY -> MandatoryTests.ALL;
          case OPTIONAL -> OptionalTests.ALL;
          case INFORMATIVE -> InformativeTests.ALL;
        };
    Map<String, String> tests = new LinkedHashMap<>();
    for (CsafTest test : registry) {
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
