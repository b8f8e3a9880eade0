package org.accord.disclosure.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.accord.InvalidInputException;
import org.accord.disclosure.Suggestion;
import org.accord.disclosure.Tlp;
import org.accord.party.Organization;

/**
 * The plan strategies Accord ships (issue 11, item 2; ADR 0133).
 *
 * <ul>
 *   <li>{@link #COORDINATED}, the default: the maintainers and the coordinator first; then the vendors
 *       whose products include an affected package directly; then every affected vendor, once a fix
 *       is ready; then the operators of essential deployments and the CERTs and authorities of their
 *       countries; then publication.
 *   <li>{@link #IMMEDIATE}: everyone at once, and publication at the same time, the baseline the
 *       exercise mode compares staged disclosure against.
 * </ul>
 */
public enum ShippedStrategy implements PlanStrategy {
  COORDINATED {
    @Override
    public NotificationPlan plan(PlanInput input) {
      /*
       * How the due times are set, and why (ADR 0133):
       *  - Coordination goes out now: the maintainers can fix the component and the coordinator runs
       *    the case; nobody downstream can act before the maintainer has confirmed the flaw.
       *  - Direct vendors follow VENDOR_LEAD later, the time a maintainer gets to confirm and start a
       *    fix before the people who integrate the component hear of it (FIRST's multi-party guidelines,
       *    use case 1: the upstream vendor first, then the downstream ones).
       *  - All vendors and then the operators wait for a fix: told earlier, a vendor or an operator can
       *    only wait, and every extra party widens the circle an embargo must hold. Operators get
       *    OPERATOR_LEAD before the embargo ends, the time to deploy the fix before it is public.
       *  - Observed attacks (A) lift the fix gates: attackers already know, so every defender is told
       *    now (CERT/CC Guide to CVD, §7.5 "active exploitation": disclosure may not wait for a fix).
       *  - Publication is at the embargo's end, or once a fix is ready when no embargo is in force.
       *  - Pre-publication waves share under TLP:AMBER+STRICT (the recipient's organization only), the
       *    operators' wave under TLP:AMBER (they may need to tell their own service providers), never
       *    under a label lower than the case's; the publication is TLP:CLEAR.
       */
      PlanFacts facts = input.facts();
      Map<WaveKind, List<Recipient>> buckets = recipients(input, false);
      boolean attacked = facts.exploited().isPresent();
      Instant now = facts.now();
      Instant direct = attacked ? now : now.plus(VENDOR_LEAD);
      Optional<Instant> fix = facts.fixReady();
      boolean gated = fix.isEmpty() && !attacked;
      Instant allVendors = fix.filter(f -> f.isAfter(direct)).orElse(direct);
      Instant operators = facts.embargoEnd().map(end -> end.minus(OPERATOR_LEAD)).filter(t -> t.isAfter(allVendors)).orElse(allVendors);
      Instant publication = facts.embargoEnd().filter(end -> end.isAfter(operators)).orElse(operators);
      List<Wave> waves = new ArrayList<>();
      add(waves, WaveKind.COORDINATION, now, false, WaveChannel.INVITATION, at(Tlp.AMBER_STRICT, facts), buckets);
      add(waves, WaveKind.DIRECT_VENDORS, direct, false, WaveChannel.INVITATION, at(Tlp.AMBER_STRICT, facts), buckets);
      add(waves, WaveKind.ALL_VENDORS, allVendors, gated, WaveChannel.INVITATION, at(Tlp.AMBER_STRICT, facts), buckets);
      add(waves, WaveKind.OPERATORS, operators, gated, WaveChannel.INVITATION, at(Tlp.AMBER, facts), buckets);
      add(waves, WaveKind.PUBLICATION, publication, gated && facts.embargoEnd().isEmpty(), WaveChannel.PUBLICATION, Tlp.CLEAR, buckets);
      return finish(this, input, waves);
    }
  },
  IMMEDIATE {
    @Override
    public NotificationPlan plan(PlanInput input) {
      PlanFacts facts = input.facts();
      Map<WaveKind, List<Recipient>> buckets = recipients(input, true);
      List<Wave> waves = new ArrayList<>();
      add(waves, WaveKind.EVERYONE, facts.now(), false, WaveChannel.INVITATION, at(Tlp.AMBER, facts), buckets);
      add(waves, WaveKind.PUBLICATION, facts.now(), false, WaveChannel.PUBLICATION, Tlp.CLEAR, buckets);
      return finish(this, input, waves);
    }
  };

  /** How long after the maintainers the direct vendors are told. */
  public static final Duration VENDOR_LEAD = Duration.ofDays(2);
  /** How long before the embargo ends the operators of essential deployments are told. */
  public static final Duration OPERATOR_LEAD = Duration.ofDays(3);

  @Override
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The strategy named {@code label}, ignoring case.
   *
   * @throws InvalidInputException naming the field {@code strategy} and the known names when none is
   */
  public static ShippedStrategy parse(String label) {
    for (ShippedStrategy s : values()) {
      if (s.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
        return s;
      }
    }
    throw new InvalidInputException("'" + label + "' is not a plan strategy; use one of "
        + Arrays.stream(values()).map(ShippedStrategy::label).collect(Collectors.joining(", ")), "strategy");
  }

  private static Tlp at(Tlp floor, PlanFacts facts) {
    return facts.caseTlp().stricterThan(floor) ? facts.caseTlp() : floor;
  }

  /** Adds a wave of the bucket's recipients, numbered next; an empty wave is left out, but for publication. */
  private static void add(
      List<Wave> waves, WaveKind kind, Instant due, boolean gated, WaveChannel channel, Tlp tlp, Map<WaveKind, List<Recipient>> buckets) {
    List<Recipient> recipients = buckets.getOrDefault(kind, List.of());
    if (recipients.isEmpty() && kind != WaveKind.PUBLICATION) {
      return;
    }
    waves.add(new Wave(waves.size() + 1, kind, due, gated ? Optional.of(Wave.Gate.FIX_READY) : Optional.empty(), channel, tlp, recipients));
  }

  private static NotificationPlan finish(ShippedStrategy strategy, PlanInput input, List<Wave> waves) {
    PlanStrategy.requireDistinct(waves);
    List<String> notes = new ArrayList<>(input.suggestions().notes());
    if (input.suggestions().of(org.accord.disclosure.SuggestionKind.VENDOR).isEmpty()) {
      notes.add("No vendor of an affected product is known to Accord: only maintainers, operators and CERTs are planned");
    }
    for (Wave w : waves) {
      for (Recipient r : w.recipients()) {
        if (r.country() == null) {
          notes.add(r.organization() + " gives no country: no jurisdiction's rules can be applied to it");
        }
      }
    }
    return new NotificationPlan(strategy.label(), input.facts().now(), waves, input.suggestions().withheld(), notes);
  }

  /**
   * Sorts every suggested organization (and the coordinator) into the earliest wave any of its
   * reasons puts it in, with all its reasons; {@code everyone} puts all of them in {@link
   * WaveKind#EVERYONE}.
   */
  private static Map<WaveKind, List<Recipient>> recipients(PlanInput input, boolean everyone) {
    Map<String, Entry> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    input.coordinator().ifPresent(name -> entry(byName, input, name).reason(WaveKind.COORDINATION, new Recipient.Coordinates()));
    for (Suggestion s : input.suggestions().suggestions()) {
      Entry e = entry(byName, input, s.organization());
      switch (s.kind()) {
        case MAINTAINER -> e.reason(WaveKind.COORDINATION, new Recipient.Maintains(s.evidence().packages()));
        case VENDOR -> {
          for (Suggestion.ProductPath path : s.evidence().paths()) {
            Recipient.Ships ships = new Recipient.Ships(path);
            e.reason(ships.direct() ? WaveKind.DIRECT_VENDORS : WaveKind.ALL_VENDORS, ships);
          }
        }
        case OPERATOR -> {
          Recipient.Runs runs = new Recipient.Runs(s.evidence().deployments());
          e.reason(runs.essential() ? WaveKind.OPERATORS : WaveKind.PUBLICATION, runs);
        }
        case CERT, AUTHORITY -> {
          Recipient.Runs cells = new Recipient.Runs(s.evidence().deployments());
          String country = e.organization.country() != null ? e.organization.country()
              : s.evidence().deployments().isEmpty() ? "?" : s.evidence().deployments().get(0).country();
          e.reason(WaveKind.OPERATORS, new Recipient.NationalCert(country, cells.essential()));
        }
      }
    }
    Map<WaveKind, List<Recipient>> buckets = new EnumMap<>(WaveKind.class);
    for (Entry e : byName.values()) {
      if (e.reasons.isEmpty()) {
        continue; // a vendor suggested without a product path has nothing to be told about
      }
      WaveKind kind = everyone ? WaveKind.EVERYONE : e.wave;
      buckets.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Recipient(
          e.organization.name(), e.organization.kind(), e.organization.country(),
          input.participants().contains(e.organization.name()), e.reasons));
    }
    return buckets;
  }

  private static Entry entry(Map<String, Entry> byName, PlanInput input, String name) {
    return byName.computeIfAbsent(name, n -> {
      Organization org = input.organizations().get(n);
      if (org == null) {
        throw new IllegalArgumentException(n + " is suggested but is not among the organizations given");
      }
      return new Entry(org);
    });
  }

  /** One organization's reasons, and the earliest wave they put it in. */
  private static final class Entry {
    final Organization organization;
    final List<Recipient.Reason> reasons = new ArrayList<>();
    WaveKind wave = WaveKind.PUBLICATION;

    Entry(Organization organization) {
      this.organization = organization;
    }

    void reason(WaveKind kind, Recipient.Reason reason) {
      reasons.add(reason);
      if (kind.compareTo(wave) < 0) {
        wave = kind;
      }
    }
  }
}
