package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code osv/} (the OSV schema, its tools' test data, the 34 real GitHub advisories, and
 * the licence and source notes) and every CSAF 2.0 example is either imported through the full path
 * (read, CVSS check, store, match) or refused with a clear error, and this test says which, file by file.
 * A refused file leaves the store as it was.
 */
class AdvisoryImportFilesTest {
  /** The files Accord refuses, with a fragment of the message that must explain why. Every other file is imported. */
  static final Map<String, String> REFUSED = new LinkedHashMap<>();

  static {
    REFUSED.put("osv/LICENSE.osv-schema", "malformed JSON");
    REFUSED.put("osv/SOURCE.md", "malformed JSON");
    REFUSED.put("osv/osv-schema/ecosystems.json", "not an advisory or VEX document");
    REFUSED.put("osv/osv-schema/validation/schema.json", "it is a JSON Schema");
    for (String ghsa :
        List.of("equals_no_patch", "equals_with_patch", "full_ranges", "greater_than_equals_no_patch", "less_than_equals_no_patch",
            "less_than_equals_with_patch", "maven_greater_than", "multiple_ranges_in_package", "npm_greater_than", "pypi_normalize",
            "withdrawn")) {
      // GitHub's advisory API JSON, the input of the GHSA-to-OSV converter (its *.osv.json outputs are imported).
      REFUSED.put("osv/osv-schema/tools/ghsa/testdata/" + ghsa + ".json", "GitHub's advisory API format");
    }
    // A linter case with a PyPI version that PEP 440 cannot read.
    REFUSED.put("osv/osv-schema/tools/osv-linter/testdata/GHSA-9v2f-6vcg-3hgv.json", "invalid pypi version '4.36.-1'");
    // A linter case whose range lacks the 'introduced' event the schema requires.
    REFUSED.put("osv/osv-schema/tools/osv-linter/testdata/nointroduced-CVE-2023-41045.json", "no 'introduced' event");
    // Red Hat's 2003 advisory dates revision 1 after revision 2 (CSAF 2.0 mandatory test 6.1.14).
    REFUSED.put("osv/osv-schema/tools/redhat/testdata/CSAF/rhsa-2003_315.json", "test 6.1.14");
    // The CSAF distribution documents (CSAF 2.0 §7) are not advisories.
    for (String rolie : List.of("example-01-category", "example-01-feed-tlp-white", "example-01-service", "example-02-service")) {
      REFUSED.put("csaf/csaf_2.0/examples/ROLIE/" + rolie + ".json", "ROLIE feed or service document");
    }
    for (String aggregator : List.of("example-01-aggregator", "example-02-aggregator", "example-03-aggregator")) {
      REFUSED.put("csaf/csaf_2.0/examples/aggregator/" + aggregator + ".json", "CSAF aggregator document");
    }
    REFUSED.put("csaf/csaf_2.0/examples/provider-metadata/example-01-provider-metadata.json", "CSAF provider metadata");
  }

  @TempDir static Path dir;
  static Accord accord;

  @BeforeAll
  static void open() {
    accord = Accord.open(new Accord.Config(dir, null));
  }

  @AfterAll
  static void close() {
    accord.close();
  }

  static List<String> files() throws IOException {
    Path root = TestData.root();
    List<String> files = new java.util.ArrayList<>();
    for (String folder : List.of("osv", "csaf/csaf_2.0/examples")) {
      try (Stream<Path> walk = Files.walk(TestData.resolve(folder))) {
        walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/')).sorted().forEach(files::add);
      }
    }
    return files;
  }

  @Test
  void theSuiteHasEveryFileItShouldHave() throws IOException {
    List<String> files = files();
    assertThat(files.stream().filter(f -> f.startsWith("osv/"))).hasSize(79); // 77 data files, the licence, SOURCE.md
    assertThat(files.stream().filter(f -> f.startsWith("osv/advisories/"))).hasSize(34);
    assertThat(files.stream().filter(f -> f.startsWith("csaf/"))).hasSize(27);
    assertThat(files).containsAll(REFUSED.keySet());
    assertThat(files.size() - REFUSED.size()).as("imported files").isEqualTo(61 + 19);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void eachFileIsImportedOrRefusedWithAClearError(String file) throws IOException {
    long advisoriesBefore = count("advisories");
    long statementsBefore = count("vex_statements");
    try (InputStream in = Files.newInputStream(TestData.root().resolve(file))) {
      if (REFUSED.containsKey(file)) {
        assertThatThrownBy(() -> accord.advisories().ingest(in, org.accord.TestPrincipals.of(accord, "test", true), false))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining(REFUSED.get(file));
        assertThat(count("advisories")).as("nothing stored").isEqualTo(advisoriesBefore);
        assertThat(count("vex_statements")).as("nothing stored").isEqualTo(statementsBefore);
      } else {
        Advisories.Imported imported = accord.advisories().ingest(in, org.accord.TestPrincipals.of(accord, "test", true), false);
        assertThat(imported.sha256()).hasSize(64);
        assertThat(imported.advisory().isEmpty() && imported.statements() == 0).as("something was read").isFalse();
      }
    }
  }

  private static long count(String table) {
    return accord.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }
}
