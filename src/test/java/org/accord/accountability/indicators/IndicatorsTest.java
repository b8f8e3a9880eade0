package org.accord.accountability.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndicatorsTest {
  private static final long DAY = 86_400_000L;
  private static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  /** A case opened by a coordinator, the vendor invited and aware at {@code invited} days, then the given state changes. */
  private static CaseTimeline vendorCase(String id, String vendor, double invited, Object... changes) {
    CaseTimeline.Builder b = new CaseTimeline.Builder(id);
    b.add("case.created", T0, Map.of("owner", "CERT", "roles", List.of("coordinator")));
    b.add("case.participant_invited", at(invited), Map.of("organization", vendor, "roles", List.of("vendor")));
    b.add("case.state_changed", at(invited), Map.of("event", "vendor_aware", "vendor", vendor));
    for (int i = 0; i < changes.length; i += 2) {
      String event = (String) changes[i];
      double day = ((Number) changes[i + 1]).doubleValue();
      b.add("case.state_changed", at(day), event.startsWith("fix") || event.equals("vendor_aware")
          ? Map.of("event", event, "vendor", vendor) : Map.of("event", event));
    }
    return b.build();
  }

  private static long at(double days) {
    return T0 + Math.round(days * DAY);
  }

  /**
   * The skilled vendor has its fix ready before publication every time; the lucky one never does, but
   * like the skilled one it always knows before attacks, which three histories in four do by luck
   * (f_d 0.75). Shares alike on V<A, skill tells them apart on F<P. Values by hand (Wilson, z 1.96):
   * 4 of 4 gives f_obs in [0.510, 1]; α = (f − f_d) / (1 − f_d).
   */
  @Test
  void skillTellsTheSkilledVendorFromTheLuckyOne() {
    List<CaseTimeline> cases = new ArrayList<>();
    double[] fixes = {8, 10, 12, 14};
    for (int i = 0; i < 4; i++) {
      cases.add(vendorCase("ACC-2026-000" + (i + 1), "Skilled", 0, "fix_ready", fixes[i], "public_aware", 20, "attacks_observed", 40));
      cases.add(vendorCase("ACC-2026-010" + (i + 1), "Lucky", 0, "public_aware", 5, "fix_ready", 10, "attacks_observed", 40));
    }
    Indicators.Report report = Indicators.compute(cases, Indicators.Scope.ALL);
    Indicators.Figures skilled = report.organizations().get("Skilled");
    Indicators.Figures lucky = report.organizations().get("Lucky");

    Skill skilledFp = skilled.ordering(Ordering.F_BEFORE_P).skill().orElseThrow();
    assertThat(skilled.ordering(Ordering.F_BEFORE_P).met()).isEqualTo(4);
    assertThat(skilledFp.share()).isEqualTo(1.0);
    assertThat(skilledFp.skill()).isCloseTo(1.0, within(1e-9));
    assertThat(skilledFp.low()).isCloseTo(0.448942, within(1e-6));
    assertThat(skilledFp.high()).isCloseTo(1.0, within(1e-9));

    Skill luckyFp = lucky.ordering(Ordering.F_BEFORE_P).skill().orElseThrow();
    assertThat(lucky.ordering(Ordering.F_BEFORE_P).trials()).isEqualTo(4);
    assertThat(luckyFp.share()).isEqualTo(0.0);
    assertThat(luckyFp.skill()).isCloseTo(-0.124859, within(1e-6));
    assertThat(luckyFp.high()).isCloseTo(0.426199, within(1e-6));
    assertThat(luckyFp.high()).isLessThan(skilledFp.low()); // the intervals do not overlap

    // On V<A both meet every time, and four cases cannot show it was not luck: α's interval reaches -0.96.
    for (Indicators.Figures f : List.of(skilled, lucky)) {
      Skill va = f.ordering(Ordering.V_BEFORE_A).skill().orElseThrow();
      assertThat(va.share()).isEqualTo(1.0);
      assertThat(va.low()).isCloseTo(-0.959563, within(1e-6));
    }
    // Neither had X or D: D<X is no trial (neither happened); X<A and D<P are misses (A and P came, X and D never did).
    assertThat(skilled.ordering(Ordering.D_BEFORE_X).trials()).isZero();
    assertThat(skilled.ordering(Ordering.D_BEFORE_X).skill()).isEmpty();
    assertThat(skilled.ordering(Ordering.X_BEFORE_A).trials()).isEqualTo(4);
    assertThat(skilled.ordering(Ordering.X_BEFORE_A).met()).isZero();
    assertThat(skilled.ordering(Ordering.D_BEFORE_P).trials()).isEqualTo(4);
    assertThat(skilled.ordering(Ordering.D_BEFORE_P).met()).isZero();
    // P<A: P at 20 or 5, A at 40: met everywhere.
    assertThat(report.all().ordering(Ordering.P_BEFORE_A).met()).isEqualTo(8);

    // Intervals: fixes at 8, 10, 12, 14 days; public at 20.
    Indicators.IntervalFigure fix = skilled.interval(Interval.REPORT_TO_FIX);
    assertThat(fix.count()).isEqualTo(4);
    assertThat(fix.medianDays()).contains(11.0);
    assertThat(fix.meanDays()).contains(11.0);
    assertThat(skilled.interval(Interval.FIX_TO_PUBLIC).medianDays()).contains(9.0);
    assertThat(skilled.interval(Interval.REPORT_TO_PUBLIC).meanDays()).contains(20.0);
    // The whole set counts report_to_public once per case: four at 20 days, four at 5.
    Indicators.IntervalFigure pub = report.all().interval(Interval.REPORT_TO_PUBLIC);
    assertThat(pub.count()).isEqualTo(8);
    assertThat(pub.medianDays()).contains(12.5);
    assertThat(pub.meanDays()).contains(12.5);
    // The lucky vendor's fix came after publication: fix_to_public is no duration and is left out.
    assertThat(lucky.interval(Interval.FIX_TO_PUBLIC).count()).isZero();
    assertThat(lucky.interval(Interval.FIX_TO_PUBLIC).medianDays()).isEmpty();
    // The coordinator is counted as an organization of each case, not as a vendor.
    assertThat(report.organizations().get("CERT").ordering(Ordering.F_BEFORE_P).trials()).isZero();
    assertThat(report.all().cases()).isEqualTo(8);
  }

  @Test
  void acknowledgementVexEmbargoAndNotification() {
    CaseTimeline.Builder held = new CaseTimeline.Builder("ACC-2026-0001");
    held.add("case.created", T0, Map.of("owner", "Vendor", "roles", List.of("vendor", "case_owner")));
    held.add("case.embargo_accepted", at(1), Map.of("end", Instant.ofEpochMilli(at(15)).toString(), "em", "active"));
    held.add("case.participant_invited", at(2), Map.of("organization", "Operator", "roles", List.of("deployer")));
    held.add("case.acknowledged", at(2.5), Map.of("organization", "Operator"));
    held.add("case.status_set", at(3), Map.of("organization", "Vendor", "product", "pkg:maven/a/b"));
    held.add("case.state_changed", at(16), Map.of("event", "public_aware"));
    held.add("case.status_set", at(18), Map.of("organization", "Vendor", "product", "pkg:maven/a/c"));
    held.add("case.participant_invited", at(20), Map.of("organization", "Late", "roles", List.of("deployer")));

    CaseTimeline.Builder broken = new CaseTimeline.Builder("ACC-2026-0002");
    broken.add("case.created", T0, Map.of("owner", "Vendor", "roles", List.of("vendor")));
    broken.add("case.embargo_accepted", at(1), Map.of("end", Instant.ofEpochMilli(at(30)).toString(), "em", "active"));
    broken.add("case.state_changed", at(10), Map.of("event", "exploit_public"));

    Indicators.Report report = Indicators.compute(List.of(held.build(), broken.build()), Indicators.Scope.ALL);
    Indicators.Figures all = report.all();
    assertThat(all.embargoed()).isEqualTo(2);
    assertThat(all.embargoHeld()).isEqualTo(1);
    // The operator was notified at day 2, before P; "Late" at day 20, after it.
    assertThat(all.notified()).isEqualTo(2);
    assertThat(all.notifiedBeforePublic()).isEqualTo(1);
    assertThat(report.organizations().get("Operator").interval(Interval.NOTIFIED_TO_RESPONSE).medianDays()).contains(0.5);
    assertThat(report.organizations().get("Operator").interval(Interval.REPORT_TO_ACK).medianDays()).contains(2.5);
    // The vendor's status was set at day 3 but is public only from P (day 16): public_to_vex 0.
    assertThat(report.organizations().get("Vendor").interval(Interval.PUBLIC_TO_VEX).medianDays()).contains(0.0);
    // X implies P: the broken case is public at day 10.
    assertThat(report.organizations().get("Vendor").interval(Interval.REPORT_TO_PUBLIC).meanDays()).contains((16 + 10) / 2.0);

    Map<String, Object> json = Indicators.toJson(report);
    assertThat(json).containsKeys("scope", "intervals", "orderings", "embargo", "notification", "organizations");
    assertThat(((Map<?, ?>) json.get("embargo")).get("share")).isEqualTo(0.5);
    assertThat(((Map<?, ?>) json.get("orderings")).keySet().stream().map(String::valueOf).toList()).containsExactly(
        "V<P", "F<P", "D<P", "V<X", "F<X", "D<X", "V<A", "F<A", "D<A", "P<X", "P<A", "X<A");
  }

  @Test
  void scopeFiltersByOrganizationAndPeriod() {
    CaseTimeline january = vendorCase("ACC-2026-0001", "Acme", 1, "fix_ready", 3, "public_aware", 5);
    CaseTimeline.Builder b = new CaseTimeline.Builder("ACC-2026-0002");
    b.add("case.created", at(40), Map.of("owner", "CERT", "roles", List.of()));
    b.add("case.participant_invited", at(41), Map.of("organization", "Acme", "roles", List.of("vendor")));
    CaseTimeline february = b.build();

    Indicators.Scope acme = new Indicators.Scope(Optional.of("acme"), Optional.empty(), Optional.empty(), true);
    Indicators.Report report = Indicators.compute(List.of(january, february), acme);
    assertThat(report.all().timelines()).isEqualTo(2);
    assertThat(report.organizations()).isEmpty();
    assertThat(report.timelines()).extracting(Timeline::caseId).containsExactly("ACC-2026-0001", "ACC-2026-0002");

    Indicators.Scope jan = new Indicators.Scope(Optional.empty(), Optional.of(Instant.ofEpochMilli(T0)),
        Optional.of(Instant.parse("2026-02-01T00:00:00Z")), false);
    assertThat(Indicators.compute(List.of(january, february), jan).all().cases()).isEqualTo(1);
    assertThatThrownBy(() -> new Indicators.Scope(Optional.empty(), Optional.of(Instant.ofEpochMilli(T0)), Optional.of(Instant.ofEpochMilli(T0)), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not before");
  }

  @Test
  void theSameCasesInAnotherOrderGiveTheSameReport() {
    List<CaseTimeline> cases = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      cases.add(vendorCase("ACC-2026-" + String.format("%04d", i), "V" + (i % 5), random.nextInt(5), "fix_ready",
          5 + random.nextInt(30), "public_aware", 10 + random.nextInt(30)));
    }
    Map<String, Object> first = Indicators.toJson(Indicators.compute(cases, Indicators.Scope.ALL));
    java.util.Collections.shuffle(cases, random);
    assertThat(Indicators.toJson(Indicators.compute(cases, Indicators.Scope.ALL))).isEqualTo(first);
  }

  /** Property: at the same share, more cases give a narrower interval, for every ordering and share. */
  @Test
  void theIntervalNarrowsWithMoreCases() {
    Random random = new Random(42);
    for (int trial = 0; trial < 500; trial++) {
      Ordering ordering = Ordering.values()[random.nextInt(Ordering.values().length)];
      int n = 1 + random.nextInt(200);
      int met = random.nextInt(n + 1);
      int k = 2 + random.nextInt(20);
      Skill few = Skill.of(ordering, met, n);
      Skill many = Skill.of(ordering, (long) met * k, (long) n * k);
      assertThat(many.share()).isCloseTo(few.share(), within(1e-12));
      assertThat(many.high() - many.low())
          .as("%s: %d of %d against %d of %d", ordering, met, n, met * k, n * k)
          .isLessThan(few.high() - few.low());
      assertThat(few.low()).isLessThanOrEqualTo(few.skill());
      assertThat(few.high()).isGreaterThanOrEqualTo(few.skill());
    }
  }

  @Test
  void theBaselinesAreVultronsTable() {
    // Table 4.1 of "Reasoning over Possible Histories": the rarest, D<P, and the most common, V<A.
    assertThat(Ordering.D_BEFORE_P.luck()).isEqualTo(0.037);
    assertThat(Ordering.F_BEFORE_P.luck()).isEqualTo(0.111);
    assertThat(Ordering.V_BEFORE_A.luck()).isEqualTo(0.75);
    assertThat(Ordering.F_BEFORE_P.label()).isEqualTo("F<P");
    assertThat(Skill.alpha(Ordering.V_BEFORE_A, 0.7)).isNegative(); // 7 in 10 before attacks is no better than luck
    assertThatThrownBy(() -> Skill.of(Ordering.F_BEFORE_P, 3, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
