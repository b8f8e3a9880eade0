package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.accord.app.Accord;
import org.accord.testing.Documents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7, item 4: every kind of bad input file given to every ingest command ends in exit code 1 and
 * one line on stderr that starts with {@code accord: }, names the file and says what is wrong; never an
 * internal error, and nothing is stored. Each command's good document is ingested too, so that each
 * bad variant fails for its own reason, not because the command never works.
 *
 * <p>"Unreadable" is a file whose reads fail with an I/O error: a link to {@code /proc/self/mem},
 * whose first page is never mapped. {@code chmod 000} would do only when not running as root, and the
 * build runs as root; a file that cannot be opened at all takes the same path as a missing one.
 */
class IngestBadInputTest {
  @TempDir static Path files;
  private static Map<String, Long> emptyStore;

  /** The kinds of bad input, each a file made for one command. */
  enum Kind {
    DIRECTORY, MISSING, UNREADABLE, NOT_UTF8, EMPTY, WRONG_FORMAT, TRUNCATED
  }

  /** Each command's good document; its bad variants are made from it. */
  static final Map<String, String> GOOD = Map.of(
      "sbom", Documents.cycloneDx("scada", "2.3.3").replace("\"name\": \"adapter\"", "\"name\": \"adaptér\""),
      // the local command line's own organization runs these sites: a row's operator is the uploader
      "inventory", Documents.inventory("scada", "AquaNet").replace("AquaNet,", "local,").replace("Lyon Plant", "Lyon Usine Pérache"),
      "advisory", """
          {"schema_version": "1.6.0", "id": "GHSA-bad0-inpu-t000", "modified": "2025-08-01T00:00:00Z",
           "aliases": ["CVE-2099-0001"], "summary": "LibraCore café",
           "affected": [{"package": {"ecosystem": "Maven", "name": "org.libra:libracore"},
             "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "2.0"}, {"fixed": "2.3.4"}]}]}]}
          """,
      "kev", """
          {"title": "t", "catalogVersion": "2025.01.02", "dateReleased": "2025-01-02T10:00:00.000Z", "count": 1,
           "vulnerabilities": [{"cveID": "CVE-2099-0001", "vendorProject": "Café", "product": "P",
             "vulnerabilityName": "N", "dateAdded": "2025-01-01", "shortDescription": "d", "requiredAction": "a",
             "dueDate": "2025-01-22"}]}
          """,
      "epss", "#model_version:v2025.03.14-café,score_date:2025-08-25T12:55:00Z\ncve,epss,percentile\nCVE-2099-0001,0.42,0.97\n");

  /** What each command is given as the wrong format: another command's document. */
  static final Map<String, String> WRONG = Map.of(
      "sbom", "inventory",
      "inventory", "sbom",
      "advisory", "sbom",
      "kev", "kev.csv",
      "epss", "kev");

  @BeforeAll
  static void emptyStore() {
    Path data = files.resolve("baseline-data");
    try (Accord accord = Accord.open(new Accord.Config(data, null))) {
      emptyStore = rowCounts(accord);
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String command : new TreeMap<>(GOOD).keySet()) {
      for (Kind kind : Kind.values()) {
        cases.add(Arguments.of(command, kind));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "ingest {0}: {1}")
  @MethodSource("cases")
  void aBadFileIsOneLineNamingItAndStoresNothing(String command, Kind kind, @TempDir Path dir) throws Exception {
    Path file = badFile(command, kind, dir);
    Path data = dir.resolve("data");
    CliRun run = CliRun.run("--data", data.toString(), "ingest", command, file.toString());
    if (Files.isSymbolicLink(file)) {
      Files.delete(file); // JUnit would warn about a link out of its directory
    }

    assertThat(run.exit()).as(run.all()).isEqualTo(1);
    assertThat(run.err().lines().toList()).as(run.err()).hasSize(1);
    assertThat(run.err()).startsWith("accord: ").contains(file.toString()).doesNotContain("internal error").doesNotContain("Exception");
    assertThat(run.err().strip()).as("a reason follows the file name").doesNotEndWith(file.toString()).doesNotEndWith(":");
    if (kind == Kind.NOT_UTF8) {
      assertThat(run.err()).contains("UTF-8");
    }
    if (Files.exists(data.resolve("accord.db"))) {
      try (Accord accord = Accord.open(new Accord.Config(data, null))) {
        assertThat(rowCounts(accord)).as("nothing stored").isEqualTo(emptyStore);
      }
    }
  }

  @ParameterizedTest(name = "ingest {0}: the good document")
  @MethodSource("commands")
  void theGoodDocumentIsIngested(String command, @TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve(command + extension(command, null)), GOOD.get(command));
    CliRun run = CliRun.run("--data", dir.resolve("data").toString(), "ingest", command, file.toString());
    assertThat(run.exit()).as(run.all()).isZero();
  }

  static Stream<String> commands() {
    return new TreeMap<>(GOOD).keySet().stream();
  }

  /**
   * A bug is reported as one: a store whose JSON column was damaged behind Accord's back breaks an
   * invariant the code relies on, and that is an internal error (exit 3) with the ACCORD_DEBUG hint,
   * not a user error.
   */
  @Test
  void anInvariantBrokenInTheStoreIsAnInternalError(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path advisory = Files.writeString(dir.resolve("advisory.json"), GOOD.get("advisory"));
    assertThat(CliRun.run("--data", data.toString(), "ingest", "advisory", advisory.toString()).exit()).isZero();
    try (Accord accord = Accord.open(new Accord.Config(data, null))) {
      accord.database().jdbi().useHandle(handle -> handle.execute("UPDATE advisories SET aliases = 'not JSON'"));
    }
    CliRun run = CliRun.run("--data", data.toString(), "advisory", "list");
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.INTERNAL_ERROR);
    assertThat(run.err()).startsWith("accord: internal error: java.lang.IllegalStateException: corrupt").contains("ACCORD_DEBUG=1");
  }

  /** A data directory another process holds is the user's to fix: exit 1, one line, not an internal error. */
  @Test
  @SuppressWarnings("try") // the holder is held, not used
  void aDataDirectoryInUseIsAUserError(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Path sbom = Files.writeString(dir.resolve("sbom.json"), GOOD.get("sbom"));
    try (Accord holder = Accord.open(new Accord.Config(data, null))) {
      CliRun run = CliRun.run("--data", data.toString(), "ingest", "sbom", sbom.toString());
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err().lines().toList()).hasSize(1);
      assertThat(run.err()).startsWith("accord: data directory").contains("in use by another Accord process");
    }
  }

  private static Path badFile(String command, Kind kind, Path dir) throws Exception {
    Path file = dir.resolve(command + "-" + kind.name().toLowerCase(java.util.Locale.ROOT) + extension(command, kind));
    String good = GOOD.get(command);
    switch (kind) {
      case DIRECTORY -> Files.createDirectories(file);
      case MISSING -> { }
      case UNREADABLE -> {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.exists(mem), "needs Linux's /proc/self/mem for a file whose reads fail");
        Files.createSymbolicLink(file, mem);
      }
      case NOT_UTF8 -> Files.write(file, latin1(good));
      case EMPTY -> Files.write(file, new byte[0]);
      case WRONG_FORMAT -> Files.writeString(file, wrongFormat(command));
      case TRUNCATED -> Files.write(file, truncated(command, good));
    }
    return file;
  }

  /** The document with its non-ASCII character ("é") in ISO 8859-1: a single byte 0xE9. */
  private static byte[] latin1(String good) {
    assertThat(good).as("the document has a character to mis-encode").contains("é");
    return good.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String wrongFormat(String command) {
    String other = WRONG.get(command);
    if (other.equals("kev.csv")) {
      return "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate,"
          + "knownRansomwareCampaignUse,notes,cwes\nCVE-2099-0001,V,P,N,2025-01-01,d,a,2025-01-22,Unknown,,\n";
    }
    return GOOD.get(other);
  }

  /** The first half of the document; EPSS comes as .csv.gz, so its truncation is a cut gzip stream. */
  private static byte[] truncated(String command, String good) throws Exception {
    byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
    if (command.equals("epss")) {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(bytes);
      }
      bytes = gz.toByteArray();
    } else if (command.equals("inventory")) {
      bytes = "[{\"operator\": \"GridCo\", \"site\": \"Hamburg North\", \"sector\": \"energy\"".getBytes(StandardCharsets.UTF_8);
    }
    return Arrays.copyOf(bytes, bytes.length / 2);
  }

  /** The usual name ending of the file: a truncated inventory is JSON, a truncated EPSS file gzip. */
  private static String extension(String command, Kind kind) {
    if (kind == Kind.TRUNCATED) {
      return command.equals("epss") ? ".csv.gz" : ".json";
    }
    return command.equals("inventory") || command.equals("epss") ? ".csv" : ".json";
  }

  /** Rows per table of the store: what an ingest would change. */
  private static Map<String, Long> rowCounts(Accord accord) {
    return accord.database().jdbi().withHandle(handle -> {
      Map<String, Long> counts = new TreeMap<>();
      for (String table : handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
          .mapTo(String.class).list()) {
        counts.put(table, handle.createQuery("SELECT COUNT(*) FROM \"" + table + "\"").mapTo(Long.class).one());
      }
      return counts;
    });
  }
}
