package org.accord.disclosure.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A way around a {@link Conflict} that survives the plan's own rule check (ADR 0137): a route that would
 * itself break a rule or reach a blocked jurisdiction is not offered. A closed set.
 */
public sealed interface Alternative {
  /** The lower-case label shown in the API and on the command line. */
  String kind();

  /** One sentence a case owner reads. */
  String text();

  /**
   * Reach the parties through a foundation in the plan (it may have members or a presence where the case
   * cannot go).
   *
   * @param foundation the foundation's name
   * @param country its country
   */
  record RouteViaFoundation(String foundation, String country) implements Alternative {
    public RouteViaFoundation {
      Objects.requireNonNull(foundation, "foundation");
      Objects.requireNonNull(country, "country");
    }

    @Override
    public String kind() {
      return "route_via_foundation";
    }

    @Override
    public String text() {
      return "route through the foundation " + foundation + " (" + country + ")";
    }
  }

  /**
   * Reach the parties through a vendor in the plan (its own customers, or the component it integrates).
   *
   * @param vendor the vendor's name
   * @param country its country
   */
  record RouteViaVendor(String vendor, String country) implements Alternative {
    public RouteViaVendor {
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(country, "country");
    }

    @Override
    public String kind() {
      return "route_via_vendor";
    }

    @Override
    public String text() {
      return "route through the vendor " + vendor + " (" + country + ")";
    }
  }

  /**
   * The bound party reports as the law says, while the embargo holds for everyone else: the authority
   * learns before the public and is asked to keep the embargo.
   *
   * @param party who reports
   * @param to whom
   * @param by the due time
   */
  record ReportEarly(String party, List<String> to, Instant by) implements Alternative {
    public ReportEarly {
      Objects.requireNonNull(party, "party");
      to = List.copyOf(to);
      Objects.requireNonNull(by, "by");
    }

    @Override
    public String kind() {
      return "report_early";
    }

    @Override
    public String text() {
      return party + " reports to " + String.join(", ", to) + " by " + by + " under the embargo";
    }
  }

  /**
   * End the embargo by the law's due time, so the state learns no earlier than the public.
   *
   * @param to the new end of the embargo
   */
  record ShortenEmbargo(Instant to) implements Alternative {
    public ShortenEmbargo {
      Objects.requireNonNull(to, "to");
    }

    @Override
    public String kind() {
      return "shorten_embargo";
    }

    @Override
    public String text() {
      return "shorten the embargo to end by " + to;
    }
  }

  /**
   * Tell the party only when the details are published, when no rule restricts them any more.
   *
   * @param party who
   * @param at the publication's due time
   */
  record TellAtPublication(String party, Instant at) implements Alternative {
    public TellAtPublication {
      Objects.requireNonNull(party, "party");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String kind() {
      return "tell_at_publication";
    }

    @Override
    public String text() {
      return "tell " + party + " at the publication, " + at;
    }
  }

  /**
   * Nobody in the plan can reach the parties: a gap in the coverage, named as such so the case owner
   * sees who stays exposed without notice.
   *
   * @param country the jurisdiction
   * @param parties the parties left without notice, by name (those the requester may see)
   * @param deployments the affected deployments there the plan can count (k-anonymous cells with a
   *     hidden count add nothing)
   */
  record CoverageGap(String country, List<String> parties, int deployments) implements Alternative {
    public CoverageGap {
      Objects.requireNonNull(country, "country");
      parties = List.copyOf(parties);
    }

    @Override
    public String kind() {
      return "coverage_gap";
    }

    @Override
    public String text() {
      return "coverage gap: " + (parties.isEmpty() ? "no named party" : String.join(", ", parties)) + " in " + country
          + " and " + deployments + " affected deployment(s) there get no notice before publication";
    }
  }
}
