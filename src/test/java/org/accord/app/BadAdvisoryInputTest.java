package org.accord.app;

import static org.accord.app.AdvisoryFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad advisory input: each kind is refused with a clear message and location, and nothing is stored
 * (no advisory, name, package, match or VEX row), even when the graph has versions it would match.
 */
class BadAdvisoryInputTest {
  @TempDir Path dir;
  Accord accord;

  @BeforeEach
  void open() {
    accord = Accord.open(new Accord.Config(dir, null));
    accord.ingestSbom(stream(AdvisoryFixtures.sbom("scada", "2.1.0")), org.accord.TestPrincipals.member(accord, "Acme"));
  }

  @AfterEach
  void close() {
    accord.close();
  }

  static final String GOOD = AdvisoryFixtures.libraAdvisory("GHSA-bad1-2345-6789", "CVE-2025-20002");

  static List<Arguments> badDocuments() {
    return List.of(
        Arguments.of("malformed advisory (truncated JSON)", GOOD.substring(0, GOOD.length() / 2),
            "malformed JSON", "line "),
        Arguments.of("malformed advisory (no modified)", GOOD.replace("\"modified\": \"2025-08-01T00:00:00Z\",", ""),
            "missing required field 'modified'", "$"),
        Arguments.of("malformed advisory (a timestamp that is no timestamp)", GOOD.replace("2025-07-30T00:00:00Z", "last tuesday"),
            "not an RFC 3339 timestamp", "$.published"),
        Arguments.of("malformed advisory (repeated member)", GOOD.replace("\"schema_version\": \"1.6.0\",", "\"id\": \"x\","),
            "Duplicate field 'id'", "line "),
        Arguments.of("unknown ecosystem", GOOD.replace("\"ecosystem\": \"Maven\"", "\"ecosystem\": \"Mavern\""),
            "unknown OSV ecosystem 'Mavern'", "$.affected[0].package.ecosystem"),
        Arguments.of("unsupported ecosystem", GOOD.replace("\"ecosystem\": \"Maven\"", "\"ecosystem\": \"Hex\""),
            "OSV ecosystem 'Hex' is not supported", "$.affected[0].package.ecosystem"),
        Arguments.of("unparsable version in a range", GOOD.replace("{\"fixed\": \"2.3.4\"}", "{\"fixed\": \"2.3.4 final\"}"),
            "2.3.4 final", "$.affected[0].ranges[0].events[1].fixed"),
        Arguments.of("unparsable version in a list", GOOD.replace("\"ranges\"", "\"versions\": [\"2.1.0\", \"\"], \"ranges\""),
            "", "$.affected[0].versions[1]"),
        Arguments.of("range without introduced", GOOD.replace("{\"introduced\": \"2.0\"}, ", ""),
            "no 'introduced' event", "$.affected[0].ranges[0].events"),
        Arguments.of("fixed and last_affected in one range", GOOD.replace("{\"fixed\": \"2.3.4\"}", "{\"fixed\": \"2.3.4\"}, {\"last_affected\": \"2.3.3\"}"),
            "mixes 'fixed' and 'last_affected'", "$.affected[0].ranges[0].events"),
        Arguments.of("CVSS vector with a missing metric", GOOD.replace("/C:H/I:H/A:H", "/C:H/I:H"),
            "is invalid", "metric A"),
        Arguments.of("CVSS vector with an unknown value", GOOD.replace("AV:N", "AV:Q"),
            "is invalid", "AV"),
        Arguments.of("a schema violation Accord's own checks let through", GOOD.replace("\"type\": \"ADVISORY\"", "\"type\": \"BLOG\""),
            "not a valid OSV document", "$.references[0].type"),
        Arguments.of("an OpenVEX not_affected statement without a reason",
            AdvisoryFixtures.openVex("CVE-2025-20002", "pkg:generic/acme/scada@1.0", "not_affected", "", "2025-08-02T00:00:00Z"),
            "not a valid OpenVEX document", "$.statements[0]"),
        Arguments.of("a CycloneDX document without vulnerabilities",
            AdvisoryFixtures.sbom("other", "2.1.0"), "no vulnerabilities", "$.vulnerabilities"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDocuments")
  void isRefusedClearlyAndNothingIsStored(String what, String document, String message, String location) {
    assertThatThrownBy(() -> accord.advisories().ingest(stream(document), org.accord.TestPrincipals.of(accord, "test", true), false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).contains(location));
    for (String table : List.of("advisories", "advisory_names", "advisory_packages", "advisory_matches", "vex_documents", "vex_statements")) {
      long rows = accord.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
      assertThat(rows).as(what + ": rows in " + table).isZero();
    }
    assertThat(accord.advisories().matcher().advisories()).isZero();
    // The good document is accepted, so the refusal was about the fault.
    assertThat(accord.advisories().ingest(stream(GOOD), org.accord.TestPrincipals.of(accord, "test", true), false).matched()).isEqualTo(1);
  }
}
