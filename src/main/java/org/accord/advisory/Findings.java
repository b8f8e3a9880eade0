package org.accord.advisory;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one validation run. Not thread-safe; one per run. */
final class Findings {
  private final List<CsafFinding> list = new ArrayList<>();

  void add(String testId, String path, String message) {
    list.add(new CsafFinding(testId, path, message));
  }

  void add(String testId, Located where, String message) {
    add(testId, where.path(), message);
  }

  List<CsafFinding> list() {
    return list;
  }
}
