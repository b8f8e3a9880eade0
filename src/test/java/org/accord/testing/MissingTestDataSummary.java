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
 * <p>A skip counts when its reason is the one {@link TestData#root()} gives: a test or container that
 * was aborted by that assumption, or skipped with that reason. Silent when there is none. Registered
 * with the JUnit Platform launcher through {@code META-INF/services}, so it runs in every test JVM
 * (Surefire, Failsafe, an IDE). Thread-safe: JUnit may report from several threads.
 */
public final class MissingTestDataSummary implements TestExecutionListener {
  private final AtomicInteger skipped = new AtomicInteger();

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    skipped.set(0);
  }

  @Override
  public void executionSkipped(TestIdentifier identifier, String reason) {
    count(reason);
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      result.getThrowable().ifPresent(cause -> count(cause.getMessage()));
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    int count = skipped.get();
    if (count > 0) {
      System.out.println(
          "conformance data not found at " + TestData.expected() + " (set ACCORD_TESTDATA): "
              + count + (count == 1 ? " test" : " tests") + " skipped");
    }
  }

  private void count(String reason) {
    if (reason != null && reason.startsWith(TestData.MISSING)) {
      skipped.incrementAndGet();
    }
  }
}
