package org.accord.jurisdiction;

import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * A published disclosure deadline a case can adopt, such as Project Zero's 90+30 days. Counts are days
 * from the report to the vendor; each is null when the policy states none.
 *
 * @param id unique within its pack
 * @param title who publishes it and what it is
 * @param deadlineDays days until disclosure
 * @param extensionDays days the deadline may be extended (a grace period, or Project Zero's +30)
 * @param exploitedDeadlineDays days until disclosure when the vulnerability is exploited in the wild
 * @param maxEmbargoDays the longest embargo the policy accepts (linux-distros: 14)
 * @param url where the policy is published
 * @param note how the numbers read, in the publisher's terms; may be null
 */
public record DisclosurePolicy(
    String id,
    String title,
    Integer deadlineDays,
    Integer extensionDays,
    Integer exploitedDeadlineDays,
    Integer maxEmbargoDays,
    String url,
    String note) {
  public DisclosurePolicy {
    RulePack.requireId(id, "id");
    if (title == null || title.isBlank()) {
      throw new InvalidInputException("a policy has a title", "title");
    }
    if (deadlineDays == null && maxEmbargoDays == null) {
      throw new InvalidInputException("a policy states a deadline or a longest embargo", "deadline_days");
    }
    if (url == null || url.isBlank()) {
      throw new InvalidInputException("a policy cites where it is published", "url");
    }
  }

  /** The deadline when the vulnerability is exploited in the wild, or the usual one. */
  public Optional<Integer> deadlineDays(boolean exploited) {
    return Optional.ofNullable(exploited && exploitedDeadlineDays != null ? exploitedDeadlineDays : deadlineDays);
  }
}
