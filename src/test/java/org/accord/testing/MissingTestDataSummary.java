package org.accord.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says once on the console, at the end of a test run, how many tests were skipped because the shared
 * conformance data is missing, and where it was looked for. Without it those skips show only in the
 * Surefire reports, and a run without the data looks as complete as one with it.
 *
 * <p>A skip counts when its reason is the one {@link TestData#root()} gives: a test aborted by that
 * assumption or skipped with that reason, or a test group (a parameterized test or test factory whose
 * source needs the data) that never made its tests, counted apart since its size is unknown. Silent
 * when there is none. Registered
 * with the JUnit Platform launcher through {@code META-INF/services}, so it runs in every test JVM
 * (Surefire, Failsafe, an IDE). Thread-safe: JUnit may report from several threads.
 */
public final class MissingTestDataSummary implements TestExecutionListener {
  private final AtomicInteger tests = new AtomicInteger();
  private final AtomicInteger groups = new AtomicInteger();

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    tests.set(0);
    groups.set(0);
  }

  @Override
  public void executionSkipped(TestIdentifier identifier, String reason) {
    count(identifier, reason);
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      result.getThrowable().ifPresent(cause -> count(identifier, cause.getMessage()));
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    int tests = this.tests.get();
    int groups = this.groups.get();
    if (tests + groups > 0) {
      System.out.println("conformance data not found at " + TestData.expected() + " (set ACCORD_TESTDATA): "
          + plural(tests, "test") + (groups > 0 ? " and " + plural(groups, "test group") : "") + " skipped");
    }
  }

  /** Counts a skip whose reason is the missing data: a test, or a container that never made its tests. */
  private void count(TestIdentifier identifier, String reason) {
    if (reason != null && reason.contains(TestData.MISSING)) {
      (identifier.isTest() ? tests : groups).incrementAndGet();
    }
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
