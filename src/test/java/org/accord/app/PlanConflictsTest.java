package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.accord.TestPrincipals;
import org.accord.disclosure.plan.Alternative;
import org.accord.disclosure.plan.AppliedRule;
import org.accord.disclosure.plan.CaseFact;
import org.accord.disclosure.plan.Conflict;
import org.accord.disclosure.plan.NotificationPlan;
import org.accord.disclosure.plan.ShippedStrategy;
import org.accord.disclosure.plan.Wave;
import org.accord.disclosure.plan.WaveKind;
import org.accord.party.Principal;
import org.accord.testing.LibraCorePlanWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plan computed with the instance's rule packs (ADR 0137) on the LibraCore world of issue 11's "Done
 * means": a US maintainer, a CN vendor whose RTU includes libracore directly, an EU (DE) manufacturer
 * whose meter includes it through an adapter, a CH foundation shipping a distribution with it,
 * operators in DE and in RU, a CN finder taking part, a 45-day embargo, attacks observed, and an
 * instance sanctions pack (in the data directory's {@code rules}) that blocks RU.
 */
class PlanConflictsTest {
  static final Instant START = LibraCorePlanWorld.START;
  static final String MEASURE = LibraCorePlanWorld.MEASURE;
  @TempDir Path dir;
  Accord accord;

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  String world(String engine) throws Exception {
    LibraCorePlanWorld world = LibraCorePlanWorld.open(dir, engine);
    accord = world.accord();
    return world.caseId();
  }

  static List<String> names(Wave w) {
    return w.recipients().stream().map(r -> r.organization()).toList();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void theLibraCoreWorldReportsAllFourConflictKindsWithAlternatives(String engine) throws Exception {
    String id = world(engine);
    Principal coordinator = TestPrincipals.coordinator(accord, "Coordination Center");
    NotificationPlan plan = accord.plans().compute(coordinator, id, ShippedStrategy.COORDINATED);

    // the waves, in order; attacks lift the fix gates, so every invitation wave is due now
    assertThat(plan.waves()).extracting(Wave::kind).containsExactly(
        WaveKind.COORDINATION, WaveKind.DIRECT_VENDORS, WaveKind.ALL_VENDORS, WaveKind.OPERATORS, WaveKind.PUBLICATION);
    assertThat(plan.waves()).extracting(Wave::number).containsExactly(1, 2, 3, 4, 5);
    assertThat(plan.waves()).allSatisfy(w -> assertThat(w.due()).isAfterOrEqualTo(START));
    for (int i = 1; i < plan.waves().size(); i++) {
      assertThat(plan.waves().get(i).due()).isAfterOrEqualTo(plan.waves().get(i - 1).due());
    }
    assertThat(names(plan.waves().get(0))).containsExactly("Coordination Center", "Libra Maintainers");
    assertThat(names(plan.waves().get(1))).containsExactly("Open Grid Foundation", "Shenzhen Gridware");
    assertThat(names(plan.waves().get(2))).containsExactly("Berlin Devices");
    assertThat(names(plan.waves().get(3))).containsExactly("CERT-Bund", "GridCo");
    Instant end = START.plus(Duration.ofDays(45));
    assertThat(plan.waves().get(4).due()).isEqualTo(end);
    assertThat(plan.rules().packs()).containsExactly("cn-rmsv", "eu-cra", "eu-nis2", "sanctions");

    // (c) RU is blocked: its operator and its CERT are in no wave, and the plan says where they went
    assertThat(plan.waveOf("Moskva Teplo")).isEmpty();
    assertThat(plan.waveOf("RU-CERT")).isEmpty();
    assertThat(plan.rules().excluded()).extracting(e -> e.recipient().organization() + " " + e.wouldBe().label())
        .containsExactly("Moskva Teplo operators", "RU-CERT operators");
    Conflict.SanctionedJurisdiction sanctioned = plan.rules().conflicts(Conflict.SanctionedJurisdiction.class).get(0);
    assertThat(sanctioned.blocked().source()).isEqualTo(MEASURE);
    assertThat(sanctioned.deployments()).isEqualTo(2);
    // the foundation and the DE manufacturer ship the product (providers, which the CN finder may tell); the CN
    // vendor too; a coverage gap is always named
    assertThat(sanctioned.alternatives()).containsExactly(
        new Alternative.RouteViaFoundation("Open Grid Foundation", "CH"),
        new Alternative.RouteViaVendor("Shenzhen Gridware", "CN"),
        new Alternative.RouteViaVendor("Berlin Devices", "DE"),
        new Alternative.CoverageGap("RU", List.of("Moskva Teplo"), 2));

    // (a) the CN vendor reports to MIIT within 2 days of being told, 43 days before the embargo ends; Accord does
    // not record whether the product is a network product, so the conflict says it assumes so
    Conflict.StateFirstDeadline miit = plan.rules().conflicts(Conflict.StateFirstDeadline.class).stream()
        .filter(c -> c.rule().rule().id().equals("rmsv-7-report")).findFirst().orElseThrow();
    assertThat(miit.parties()).containsExactly("Shenzhen Gridware");
    assertThat(miit.rule().due()).contains(START.plus(Duration.ofDays(2)));
    assertThat(miit.embargoEnd()).contains(end);
    assertThat(miit.assumes()).containsExactly(CaseFact.NETWORK_PRODUCT);
    assertThat(miit.alternatives()).extracting(Alternative::kind).containsExactly("report_early", "shorten_embargo");

    // (b) the CN finder may not give the unpublished details to the US maintainer, which is not the provider
    Conflict.SharingForbidden sharing = plan.rules().conflicts(Conflict.SharingForbidden.class).stream()
        .filter(c -> c.recipient().equals("Libra Maintainers")).findFirst().orElseThrow();
    assertThat(sharing.parties()).containsExactly("Beijing Sec Lab", "Libra Maintainers");
    assertThat(sharing.rule().citation()).isEqualTo("cn-rmsv Art. 9(7)");
    assertThat(sharing.alternatives()).containsExactly(
        new Alternative.RouteViaVendor("Open Grid Foundation", "CH"),
        new Alternative.RouteViaVendor("Berlin Devices", "DE"),
        new Alternative.TellAtPublication("Libra Maintainers", end));
    // the providers and the CN vendor are no conflict
    assertThat(plan.rules().conflicts(Conflict.SharingForbidden.class)).extracting(Conflict.SharingForbidden::recipient)
        .doesNotContain("Shenzhen Gridware", "Berlin Devices", "Open Grid Foundation", "Coordination Center");

    // (d) attacks observed start the DE manufacturer's CRA clocks when wave 3 tells it
    List<Conflict.ExploitationClock> clocks = plan.rules().conflicts(Conflict.ExploitationClock.class);
    assertThat(clocks).extracting(c -> c.rule().party() + " " + c.rule().rule().id())
        .containsExactly("Berlin Devices cra-14-early-warning", "Berlin Devices cra-14-notification");
    assertThat(clocks.get(0).rule().due()).contains(START.plus(Duration.ofHours(24)));
    assertThat(clocks.get(0).rule().to()).containsExactly("CERT-Bund", "ENISA");
    assertThat(clocks.get(0).alternatives()).isNotEmpty();

    // each wave lists its recipients' rules; the coordinator without a country is flagged, not silently free
    AppliedRule cra = plan.rules().wave(3).orElseThrow().rules().stream()
        .filter(r -> r.rule().id().equals("cra-14-early-warning")).findFirst().orElseThrow();
    assertThat(cra.citation()).isEqualTo("eu-cra Art. 14(1) and 14(2)(a)");
    assertThat(plan.rules().wave(1).orElseThrow().unassessed()).extracting(u -> u.party()).containsExactly("Coordination Center");
    assertThat(plan.rules().conflicts()).extracting(Conflict::kind)
        .contains("state_first_deadline", "sharing_forbidden", "sanctioned_jurisdiction", "exploitation_clock");
    assertThat(plan.rules().conflicts()).allSatisfy(c -> assertThat(c.alternatives()).isNotEmpty());
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void declaredFactsDecideTheConditionalRules(String engine) throws Exception {
    String id = world(engine);
    Principal coordinator = TestPrincipals.coordinator(accord, "Coordination Center");
    // declared a network product: the MIIT report applies outright, assuming nothing (ADR 0152)
    accord.caseTerms().declare(coordinator, id, CaseTerms.Change.keep(), CaseTerms.Change.to(true), CaseTerms.Change.keep());
    NotificationPlan declared = accord.plans().compute(coordinator, id, ShippedStrategy.COORDINATED);
    Conflict.StateFirstDeadline miit = declared.rules().conflicts(Conflict.StateFirstDeadline.class).stream()
        .filter(c -> c.rule().rule().id().equals("rmsv-7-report")).findFirst().orElseThrow();
    assertThat(miit.assumes()).isEmpty();
    // declared not a network product: the CN provisions do not bind, so no MIIT deadline conflicts
    accord.caseTerms().declare(coordinator, id, CaseTerms.Change.keep(), CaseTerms.Change.to(false), CaseTerms.Change.keep());
    NotificationPlan notNetwork = accord.plans().compute(coordinator, id, ShippedStrategy.COORDINATED);
    assertThat(notNetwork.rules().conflicts(Conflict.StateFirstDeadline.class))
        .noneMatch(c -> c.rule().rule().id().equals("rmsv-7-report"));
  }
}
