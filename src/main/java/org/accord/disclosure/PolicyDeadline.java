package org.accord.disclosure;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.jurisdiction.DisclosurePolicy;

/**
 * The latest a case must be public under the disclosure policy it adopted, and the reason in words
 * (ADR 0152). An embargo may not end after it: {@link #check} refuses such terms. Immutable.
 *
 * <p>How each published policy reads (the {@code disclosure-policies} pack, issue 11):
 *
 * <ul>
 *   <li>A deadline in days ({@link DisclosurePolicy#deadlineDays()}: CERT/CC 45, ZDI 120, Project Zero 90)
 *       counts from the report to the vendor, which for a case is when the case was opened: Accord learns
 *       of no earlier report.
 *   <li>An extension ({@link DisclosurePolicy#extensionDays()}) is Project Zero's "+30": when a fix is
 *       ready before the deadline, the details follow that many days after the fix, and never later than
 *       the deadline plus the extension. Without a fix in time the deadline stands.
 *   <li>An exploited deadline ({@link DisclosurePolicy#exploitedDeadlineDays()}: Project Zero's 7 days
 *       for a bug exploited in the wild) counts from when exploitation was observed (the case's A event),
 *       because a case whose exploitation is seen on day 60 cannot have been due on day 7; the earlier of
 *       it and the usual deadline holds.
 *   <li>A longest embargo ({@link DisclosurePolicy#maxEmbargoDays()}: linux-distros' 14 days) counts from
 *       when the case adopted the policy: that is when the list is told, and the list's clock runs from
 *       its report, not the vendor's.
 * </ul>
 *
 * @param policy the adopted policy's id
 * @param at the latest time the case must be public
 * @param reason which clause sets {@code at}, in a sentence naming the policy
 */
public record PolicyDeadline(String policy, Instant at, String reason) {
  public PolicyDeadline {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * The deadline {@code policy} sets for a case.
   *
   * @param reported when the case was opened (the report to the vendor, as Accord knows it)
   * @param adopted when the case adopted the policy
   * @param fixReady when a vendor first reached F, if one did
   * @param exploited when exploitation was first observed (A), if it was
   */
  public static PolicyDeadline of(
      DisclosurePolicy policy, Instant reported, Instant adopted, Optional<Instant> fixReady, Optional<Instant> exploited) {
    String name = policy.title();
    PolicyDeadline out = null;
    if (policy.deadlineDays() != null) {
      Instant deadline = reported.plus(days(policy.deadlineDays()));
      out = new PolicyDeadline(policy.id(), deadline,
          name + ": disclosure " + policy.deadlineDays() + " days after the report");
      if (policy.extensionDays() != null && fixReady.isPresent() && !fixReady.get().isAfter(deadline)) {
        Instant afterFix = fixReady.get().plus(days(policy.extensionDays()));
        out = new PolicyDeadline(policy.id(), afterFix,
            name + ": a fix was ready before the " + policy.deadlineDays() + "-day deadline, so disclosure "
                + policy.extensionDays() + " days after the fix");
      }
    }
    if (policy.maxEmbargoDays() != null) {
      out = earlier(out, new PolicyDeadline(policy.id(), adopted.plus(days(policy.maxEmbargoDays())),
          name + ": at most " + policy.maxEmbargoDays() + " days from the report to the list (adopted by the case)"));
    }
    if (policy.exploitedDeadlineDays() != null && exploited.isPresent()) {
      out = earlier(out, new PolicyDeadline(policy.id(), exploited.get().plus(days(policy.exploitedDeadlineDays())),
          name + ": exploited in the wild, so disclosure " + policy.exploitedDeadlineDays()
              + " days after exploitation was observed"));
    }
    // DisclosurePolicy requires a deadline or a longest embargo, so out is set.
    return Objects.requireNonNull(out, "a policy states a deadline or a longest embargo");
  }

  /**
   * Refuses embargo terms ending after this deadline.
   *
   * @throws InvalidInputException naming {@code end}, with the policy's reason and the latest end
   */
  public void check(EmbargoTerms terms) {
    if (terms.end().isAfter(at)) {
      throw new InvalidInputException("the embargo would end " + terms.end() + ", after the case's disclosure policy allows ("
          + reason + "): end it by " + at, "end");
    }
  }

  private static PolicyDeadline earlier(PolicyDeadline a, PolicyDeadline b) {
    return a == null || b.at.isBefore(a.at) ? b : a;
  }

  private static Duration days(int days) {
    return Duration.ofDays(days);
  }
}
