package org.accord.disclosure.plan;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.accord.disclosure.ParticipantRole;
import java.util.Objects;
import org.accord.disclosure.Suggestion;
import org.accord.party.OrgKind;
import org.accord.sbom.Criticality;

/**
 * One organization a wave tells of the case, with every reason it is included. Immutable.
 *
 * @param organization the organization's name
 * @param kind what the organization is
 * @param country its ISO 3166-1 alpha-2 code, or null when the organization gave none (a plan
 *     that needs a jurisdiction says so in its notes)
 * @param participant whether it already takes part in the case (adopting the plan invites only the
 *     others)
 * @param reasons why it is included, at least one
 */
public record Recipient(String organization, OrgKind kind, String country, boolean participant, List<Reason> reasons) {
  public Recipient {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(kind, "kind");
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a recipient needs a reason: " + organization);
    }
  }

  /**
   * The roles it is invited with when its wave goes out (ADR 0134): maintaining or shipping an affected
   * package makes a vendor, running affected deployments a deployer, the coordinator and a national CERT
   * coordinators; an authority (any other kind named as a national CERT or authority) an observer.
   */
  public Set<ParticipantRole> roles() {
    EnumSet<ParticipantRole> roles = EnumSet.noneOf(ParticipantRole.class);
    for (Reason reason : reasons) {
      if (reason instanceof Maintains || reason instanceof Ships) {
        roles.add(ParticipantRole.VENDOR);
      } else if (reason instanceof Runs) {
        roles.add(ParticipantRole.DEPLOYER);
      } else if (reason instanceof Coordinates) {
        roles.add(ParticipantRole.COORDINATOR);
      } else if (reason instanceof NationalCert) {
        roles.add(kind == OrgKind.CERT ? ParticipantRole.COORDINATOR : ParticipantRole.OBSERVER);
      } else {
        throw new IllegalStateException("no role for the reason " + reason);
      }
    }
    return roles;
  }

  /** Why a recipient is in a plan. */
  public sealed interface Reason {
    /** One sentence a case owner reads. */
    String text();
  }

  /**
   * It holds the approved claim covering an affected package.
   *
   * @param packages the affected packages, without version
   */
  public record Maintains(List<String> packages) implements Reason {
    public Maintains {
      packages = List.copyOf(packages);
    }

    @Override
    public String text() {
      return "maintains " + String.join(", ", packages);
    }
  }

  /** It is the instance's coordinator, which runs the case. */
  public record Coordinates() implements Reason {
    @Override
    public String text() {
      return "coordinates the case";
    }
  }

  /**
   * One of its products contains an affected version.
   *
   * @param path the dependency path from the product version down to the affected component
   */
  public record Ships(Suggestion.ProductPath path) implements Reason {
    public Ships {
      Objects.requireNonNull(path, "path");
    }

    /** Whether the product includes the affected component itself rather than through another component. */
    public boolean direct() {
      return path.path().size() <= 2;
    }

    @Override
    public String text() {
      return path.product() + (direct() ? " includes " : " includes, through " + (path.path().size() - 2) + " component(s), ")
          + path.path().get(path.path().size() - 1);
    }
  }

  /**
   * It runs affected deployments.
   *
   * @param deployments its affected deployments per sector, country and criticality
   */
  public record Runs(List<Suggestion.DeploymentCount> deployments) implements Reason {
    public Runs {
      deployments = List.copyOf(deployments);
    }

    /** Whether any of the deployments is essential. */
    public boolean essential() {
      return deployments.stream().anyMatch(d -> Criticality.ESSENTIAL.label().equals(d.criticality()));
    }

    @Override
    public String text() {
      StringBuilder s = new StringBuilder("runs");
      for (Suggestion.DeploymentCount d : deployments) {
        s.append(s.length() == 4 ? " " : "; ")
            .append(d.deployments() == null ? "some" : d.deployments())
            .append(' ').append(d.criticality()).append(' ').append(d.sector()).append(" deployment(s) in ").append(d.country());
      }
      return s.toString();
    }
  }

  /**
   * It is a CERT or authority of a country where affected deployments run.
   *
   * @param country the ISO 3166-1 alpha-2 code
   * @param essential whether essential deployments run there
   */
  public record NationalCert(String country, boolean essential) implements Reason {
    public NationalCert {
      Objects.requireNonNull(country, "country");
    }

    @Override
    public String text() {
      return "national CERT or authority of " + country + ", where " + (essential ? "essential " : "") + "affected deployments run";
    }
  }
}
