package org.accord.disclosure.plan;

import java.util.List;

/**
 * A way to stage a case's notifications. Accord ships {@link ShippedStrategy}; the exercise mode
 * plugs in its own to compare them. An implementation is a pure function of its input and must
 * include every suggested organization in exactly one wave, or say in the plan's notes why not.
 */
public interface PlanStrategy {
  /** The name the API and the command line use, in lower case. */
  String label();

  /**
   * Computes the plan.
   *
   * @param input what the plan is computed from
   * @return the plan, its waves numbered from 1 in due order
   */
  NotificationPlan plan(PlanInput input);

  /** The waves' recipients must be distinct across the plan; checked by the strategies Accord ships. */
  static void requireDistinct(List<Wave> waves) {
    java.util.Set<String> seen = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Wave w : waves) {
      for (Recipient r : w.recipients()) {
        if (!seen.add(r.organization())) {
          throw new IllegalStateException(r.organization() + " is in two waves");
        }
      }
    }
  }
}
