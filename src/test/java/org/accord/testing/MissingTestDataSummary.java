package org.accord.testing;

import java.util.Set;
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
 * <p>A skip counts when its reason is the one {@link TestData#root()} gives. A test aborted by that
 * assumption counts once; a class aborted before its tests ran counts each of its tests; a
 * parameterized test or test factory whose arguments need the data is counted apart, since its tests
 * are made only when it runs. Silent when there is none.
 *
 * <p>Registered with the JUnit Platform launcher through {@code META-INF/services}, so it runs in every
 * test JVM (Surefire, Failsafe, an IDE). Thread-safe: JUnit may report from several threads.
 */
public final class MissingTestDataSummary implements TestExecutionListener {
  private final AtomicInteger tests = new AtomicInteger();
  private final AtomicInteger groups = new AtomicInteger();
  private volatile TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    tests.set(0);
    groups.set(0);
  }

  @Override
  public void executionSkipped(TestIdentifier identifier, String reason) {
    if (missingData(reason)) {
      count(identifier);
    }
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED
        && result.getThrowable().map(Throwable::getMessage).filter(MissingTestDataSummary::missingData).isPresent()) {
      count(identifier);
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    int tests = this.tests.get();
    int groups = this.groups.get();
    if (tests + groups > 0) {
      System.out.println("conformance data not found at " + TestData.expected() + " (set ACCORD_TESTDATA): "
          + plural(tests, "test") + (groups > 0 ? " and " + plural(groups, "parameterized test") : "") + " skipped");
    }
  }

  private static boolean missingData(String reason) {
    return reason != null && reason.contains(TestData.MISSING);
  }

  /**
   * Counts what a skipped or aborted node held: a test, the tests of a class (aborted before they ran),
   * or a parameterized test or test factory, whose tests are only made when it runs.
   */
  private void count(TestIdentifier identifier) {
    if (identifier.isTest()) {
      tests.incrementAndGet();
      return;
    }
    Set<TestIdentifier> children = plan.getChildren(identifier);
    if (children.isEmpty()) {
      groups.incrementAndGet();
    }
    children.forEach(this::count);
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
