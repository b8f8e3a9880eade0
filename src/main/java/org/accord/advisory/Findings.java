package org.accord.advisory;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of one validation run, and what its tests could not check. A finding's level
 * follows from its test id. Not thread-safe; one per run.
 */
final class Findings {
  private final List<CsafFinding> list = new ArrayList<>();
  private final List<CsafValidation.Unchecked> unchecked = new ArrayList<>();

  void add(String testId, String path, String message) {
    list.add(new CsafFinding(testId, path, message));
  }

  void add(String testId, Located where, String message) {
    add(testId, where.path(), message);
  }

  /** Records that {@code testId} could not check {@code where}, and why. */
  void unchecked(String testId, String path, String reason) {
    unchecked.add(new CsafValidation.Unchecked(testId, path, reason));
  }

  List<CsafFinding> list() {
    return list;
  }

  List<CsafValidation.Unchecked> unchecked() {
    return unchecked;
  }
}
