package org.accord.disclosure;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.accord.party.Organization;
import org.accord.party.ProductClaim;

/**
 * Who receives a report besides the instance coordinator (ADR 0114): the maintainers of the affected
 * packages, that is the owner ({@link ProductClaim#owner}, the most specific approved claim) of each
 * package. Pure.
 *
 * <p>Why. Vultron's report goes to the vendor that can fix it (RM is per participant: each receiving
 * party moves its own state, {@code specs/rm-behavior.yaml}); the scenario has the maintainer
 * accept the report. The coordinator keeps receiving every report, so a package without an approved
 * claim is never left without a receiver. An unapproved claim routes nothing: only a vetted owner
 * learns of a report on its package.
 */
public final class ReportRecipients {
  private ReportRecipients() {}

  /** The owners of the affected packages, each once, ordered by organization id. */
  public static List<Organization> maintainers(List<ReportedPackage> affected, Collection<ProductClaim> approved) {
    Map<Long, Organization> owners = new TreeMap<>();
    for (ReportedPackage p : affected) {
      ProductClaim.owner(approved, p.purl().packageKey()).ifPresent(c -> owners.putIfAbsent(c.organization().id(), c.organization()));
    }
    return List.copyOf(owners.values());
  }

  /**
   * Who owns the case a report opens, and who joins it as a vendor, decided by the receivers' RM
   * states and never by which receiver accepts first ("nothing is decided by being first"): the
   * maintainer with the lowest organization id that has not found the report invalid or closed it owns
   * it, and the other such maintainers join; with no such maintainer, the coordinator owns it.
   *
   * @param maintainers each maintainer receiver's organization id and its RM state
   * @param coordinator the coordinator organization's id
   */
  public static Opening opening(Map<Long, RmState> maintainers, long coordinator) {
    List<Long> willing = new TreeMap<>(maintainers).entrySet().stream()
        .filter(e -> e.getValue() != RmState.INVALID && e.getValue() != RmState.CLOSED)
        .map(Map.Entry::getKey)
        .toList();
    return willing.isEmpty()
        ? new Opening(coordinator, false, List.of())
        : new Opening(willing.get(0), true, willing.subList(1, willing.size()));
  }

  /**
   * How a report's case opens.
   *
   * @param owner the owning organization's id
   * @param ownerIsVendor whether the owner is a maintainer (role vendor) rather than the coordinator
   * @param vendors the other maintainers, invited as vendors
   */
  public record Opening(long owner, boolean ownerIsVendor, List<Long> vendors) {
    public Opening {
      vendors = List.copyOf(vendors);
    }
  }
}
