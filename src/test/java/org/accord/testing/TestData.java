package org.accord.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way tests reach the shared conformance suites in {@code ../shared/testdata}. The location is
 * {@code ACCORD_TESTDATA} when set, else the build's default beside the checkout. When the folder is
 * missing, the calling test is skipped with a message that says so, and {@link MissingTestDataSummary}
 * counts those skips in one console line at the end of the run; CI always has the data.
 */
public final class TestData {
  private TestData() {}

  /** How the skip reason of a test without the data begins, so that the summary can count it. */
  static final String MISSING = "conformance data not found at ";

  /** The test-data root, or a skipped test when it is absent. */
  public static Path root() {
    Path root = locate();
    assumeTrue(
        root != null,
        () -> MISSING + expected() + " (set ACCORD_TESTDATA or put ../shared/testdata beside the checkout); skipping");
    return root;
  }

  /** A path inside the test-data root, such as {@code resolve("purl/tests")}; skips when absent. */
  public static Path resolve(String relative) {
    Path path = root().resolve(relative);
    assumeTrue(Files.exists(path), "test data " + path + " not found; skipping");
    return path;
  }

  /** Where the data is looked for first, as an absolute path, whether or not it is there. */
  static Path expected() {
    for (String candidate : candidates()) {
      if (candidate != null && !candidate.isBlank()) {
        return Path.of(candidate).toAbsolutePath().normalize();
      }
    }
    throw new AssertionError("unreachable: the last candidate is a constant");
  }

  private static Path locate() {
    for (String candidate : candidates()) {
      if (candidate != null && !candidate.isBlank() && Files.isDirectory(Path.of(candidate))) {
        return Path.of(candidate).toAbsolutePath().normalize();
      }
    }
    return null;
  }

  private static String[] candidates() {
    return new String[] {System.getenv("ACCORD_TESTDATA"), System.getenv("ACCORD_TESTDATA_DEFAULT"), "../shared/testdata"};
  }
}
