package org.accord.disclosure.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.ParticipantSuggestions;
import org.accord.disclosure.Suggestion;
import org.accord.disclosure.SuggestionKind;
import org.accord.disclosure.Tlp;
import org.accord.jurisdiction.BlockedJurisdiction;
import org.accord.jurisdiction.ClockStart;
import org.accord.jurisdiction.LegalSource;
import org.accord.jurisdiction.PackKind;
import org.accord.jurisdiction.RuleBook;
import org.accord.jurisdiction.RulePack;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.junit.jupiter.api.Test;

/**
 * The rules of a plan and its conflicts (ADR 0137) on a LibraCore world: a maintainer in the US, a
 * foundation in BE, a CN vendor whose product includes libracore directly, a DE manufacturer through it,
 * operators in FR and in RU (blocked by the instance's sanctions pack), a CN finder, and a vendor with no
 * country. The shipped law packs (eu-cra, eu-nis2, cn-rmsv) are the rules.
 */
public class JurisdictionCheckTest {
  public static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
  public static final Instant END = NOW.plus(Duration.ofDays(45));
  static final String MEASURE = "Council Regulation (EU) No 833/2014";

  static final List<Organization> ORGS = List.of(
      new Organization(1, "LibraCore Project", OrgKind.MAINTAINER, "US", null),
      new Organization(2, "Accord Coordination", OrgKind.CERT, "NL", null),
      new Organization(3, "Shenzhen Gridware", OrgKind.VENDOR, "CN", null),
      new Organization(4, "Berlin Devices", OrgKind.VENDOR, "DE", null),
      new Organization(5, "Paris Energie", OrgKind.OPERATOR, "FR", null),
      new Organization(6, "Moskva Teplo", OrgKind.OPERATOR, "RU", null),
      new Organization(7, "CERT-FR", OrgKind.CERT, "FR", null),
      new Organization(8, "RU-CERT", OrgKind.CERT, "RU", null),
      new Organization(9, "CERT-Bund", OrgKind.CERT, "DE", null),
      new Organization(10, "Open Grid Foundation", OrgKind.FOUNDATION, "BE", null),
      new Organization(11, "Beijing Sec Lab", OrgKind.RESEARCHER, "CN", null),
      new Organization(12, "Stateless Vendor", OrgKind.VENDOR, null, null),
      new Organization(13, "ANSSI", OrgKind.GOVERNMENT, "FR", null));

  static Suggestion suggestion(String org, SuggestionKind kind, List<Suggestion.ProductPath> paths, List<Suggestion.DeploymentCount> cells) {
    OrgKind orgKind = ORGS.stream().filter(o -> o.name().equals(org)).findFirst().orElseThrow().kind();
    return new Suggestion(org, orgKind, kind, List.of(ParticipantRole.VENDOR), true, "test",
        new Suggestion.Evidence(List.of(), List.of("pkg:maven/org.libracore/libracore"), paths, cells));
  }

  static Suggestion.ProductPath path(String... purls) {
    return new Suggestion.ProductPath(purls[0], List.of(purls));
  }

  static ParticipantSuggestions.Result world() {
    String libra = "pkg:maven/org.libracore/libracore@2.3.0";
    return new ParticipantSuggestions.Result(List.of(
        suggestion("LibraCore Project", SuggestionKind.MAINTAINER, List.of(), List.of()),
        suggestion("Open Grid Foundation", SuggestionKind.MAINTAINER, List.of(), List.of()),
        suggestion("Shenzhen Gridware", SuggestionKind.VENDOR, List.of(path("pkg:generic/gridware/rtu@4.1", libra)), List.of()),
        suggestion("Berlin Devices", SuggestionKind.VENDOR,
            List.of(path("pkg:generic/berlin/meter@1.0", "pkg:generic/gridware/rtu@4.1", libra)), List.of()),
        suggestion("Stateless Vendor", SuggestionKind.VENDOR, List.of(path("pkg:generic/stateless/box@1", "pkg:generic/x/y@1", libra)), List.of()),
        suggestion("Paris Energie", SuggestionKind.OPERATOR, List.of(), List.of(new Suggestion.DeploymentCount("energy", "FR", "essential", 3))),
        suggestion("Moskva Teplo", SuggestionKind.OPERATOR, List.of(), List.of(new Suggestion.DeploymentCount("heat", "RU", "essential", 2))),
        suggestion("CERT-FR", SuggestionKind.CERT, List.of(), List.of(new Suggestion.DeploymentCount("energy", "FR", "essential", 3))),
        suggestion("RU-CERT", SuggestionKind.CERT, List.of(), List.of(new Suggestion.DeploymentCount("heat", "RU", "essential", 2)))),
        List.of(new Suggestion.DeploymentCount("water", "RU", "", null)), List.of());
  }

  static RuleBook book(boolean sanctions) {
    if (!sanctions) {
      return RuleBook.shippedOnly();
    }
    RulePack pack = new RulePack("sanctions", PackKind.SANCTIONS, "The instance's sanctions list", List.of("RU"),
        new LegalSource(MEASURE, "Council of the European Union", null), LocalDate.parse("2026-12-03"), true, null, null,
        List.of(new BlockedJurisdiction("RU", MEASURE)));
    return RuleBook.of(List.of(new RuleBook.Loaded("sanctions.json", pack)));
  }

  static PlanInput input(PlanFacts facts) {
    Map<String, Organization> byName = ORGS.stream().collect(Collectors.toMap(Organization::name, Function.identity()));
    return new PlanInput(world(), byName, Optional.of("Accord Coordination"), Set.of("Accord Coordination", "Beijing Sec Lab"), facts);
  }

  public static PlanFacts facts(Optional<Instant> end, Optional<Instant> fix, Optional<Instant> attacked) {
    return new PlanFacts(NOW, end, fix, attacked, false, Tlp.AMBER);
  }

  public static RuleInput rules(boolean sanctions, Optional<Boolean> network, Optional<Boolean> incident, Set<String> finders) {
    return new RuleInput(book(sanctions), network, incident, Map.of("Accord Coordination", NOW.minus(Duration.ofDays(1))), finders);
  }

  public static NotificationPlan plan(PlanFacts facts, RuleInput rules) {
    return JurisdictionCheck.plan(ShippedStrategy.COORDINATED, input(facts), rules);
  }

  static List<AppliedRule> rulesOf(NotificationPlan plan, String party) {
    return plan.rules().waves().stream().flatMap(w -> w.rules().stream()).filter(r -> r.party().equals(party)).toList();
  }

  static AppliedRule rule(NotificationPlan plan, String party, String id) {
    return rulesOf(plan, party).stream().filter(r -> r.rule().id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError(id + " does not bind " + party + ": " + rulesOf(plan, party)));
  }

  @Test
  void aStateFirstDeadlineBeforeTheEmbargoEndsIsAConflictWithReportEarlyAndAShorterEmbargo() {
    NotificationPlan plan = plan(facts(Optional.of(END), Optional.empty(), Optional.empty()),
        rules(false, Optional.of(true), Optional.of(false), Set.of()));
    Wave direct = plan.waveOf("Shenzhen Gridware").orElseThrow();
    assertThat(direct.kind()).isEqualTo(WaveKind.DIRECT_VENDORS);

    AppliedRule report = rule(plan, "Shenzhen Gridware", "rmsv-7-report");
    // awareness is when wave 2 tells the vendor; MIIT within 2 days of it
    assertThat(report.clock()).contains(ClockStart.AWARENESS);
    assertThat(report.started()).contains(direct.due());
    assertThat(report.due()).contains(direct.due().plus(Duration.ofDays(2)));
    assertThat(report.to()).singleElement().asString().contains("MIIT");
    assertThat(report.citation()).isEqualTo("cn-rmsv Art. 7(2)");
    assertThat(report.assumes()).isEmpty();
    assertThat(plan.rules().wave(direct.number()).orElseThrow().rules()).contains(report);

    Conflict.StateFirstDeadline conflict = plan.rules().conflicts(Conflict.StateFirstDeadline.class).stream()
        .filter(c -> c.rule().equals(report)).findFirst().orElseThrow();
    assertThat(conflict.parties()).containsExactly("Shenzhen Gridware");
    assertThat(conflict.waves()).containsExactly(direct.number());
    assertThat(conflict.clock()).isEqualTo(ClockStart.AWARENESS);
    assertThat(conflict.embargoEnd()).contains(END);
    assertThat(conflict.alternatives()).containsExactly(
        new Alternative.ReportEarly("Shenzhen Gridware", report.to(), report.due().orElseThrow()),
        new Alternative.ShortenEmbargo(report.due().orElseThrow()));
    assertThat(conflict.text()).contains("before any fix is ready").contains("before the embargo ends at " + END);
    assertThat(plan.rules().conflictsOf(direct.number())).contains(conflict);
  }

  @Test
  void aFactAccordDoesNotRecordIsAssumedAndSaidNeverDropped() {
    NotificationPlan unknown = plan(facts(Optional.of(END), Optional.empty(), Optional.empty()),
        rules(false, Optional.empty(), Optional.empty(), Set.of()));
    AppliedRule report = rule(unknown, "Shenzhen Gridware", "rmsv-7-report");
    assertThat(report.assumes()).containsExactly(CaseFact.NETWORK_PRODUCT);
    assertThat(report.text()).contains("if an affected product is a network product (not declared for the case: accord case terms)");
    assertThat(unknown.rules().conflicts(Conflict.StateFirstDeadline.class))
        .anySatisfy(c -> assertThat(c.assumes()).containsExactly(CaseFact.NETWORK_PRODUCT));
    // NIS2 binds the EU operator only if it had a significant incident, which Accord does not record
    assertThat(rule(unknown, "Paris Energie", "nis2-23-early-warning").assumes()).containsExactly(CaseFact.SIGNIFICANT_INCIDENT);
    assertThat(unknown.rules().notes()).anyMatch(n -> n.contains("does not record whether an affected product is a network product"))
        .anyMatch(n -> n.contains("significant incident"));

    // declared false: the rule does not bind, and no conflict
    NotificationPlan declared = plan(facts(Optional.of(END), Optional.empty(), Optional.empty()),
        rules(false, Optional.of(false), Optional.of(false), Set.of()));
    assertThat(rulesOf(declared, "Shenzhen Gridware")).extracting(r -> r.rule().id()).doesNotContain("rmsv-7-report");
    assertThat(declared.rules().conflicts()).isEmpty();
    assertThat(declared.rules().notes()).noneMatch(n -> n.contains("does not record"));
  }

  @Test
  void aCnFinderMayNotGiveDetailsToAForeignMaintainerThatIsNotTheProvider() {
    NotificationPlan plan = plan(facts(Optional.of(END), Optional.empty(), Optional.empty()),
        rules(false, Optional.of(true), Optional.of(false), Set.of("Beijing Sec Lab")));
    List<Conflict.SharingForbidden> sharing = plan.rules().conflicts(Conflict.SharingForbidden.class);
    // the US maintainer, the BE foundation and the FR operator and CERT; not the CN vendor (inside CN), not the
    // DE manufacturer (a provider of the product), not the coordinator (already taking part)
    assertThat(sharing).extracting(Conflict.SharingForbidden::recipient)
        .containsExactly("LibraCore Project", "Open Grid Foundation", "CERT-FR", "Moskva Teplo", "Paris Energie", "RU-CERT");
    Conflict.SharingForbidden maintainer = sharing.get(0);
    assertThat(maintainer.parties()).containsExactly("Beijing Sec Lab", "LibraCore Project");
    assertThat(maintainer.rule().citation()).isEqualTo("cn-rmsv Art. 9(7)");
    assertThat(maintainer.waves()).containsExactly(1);
    Instant publication = plan.waves().get(plan.waves().size() - 1).due();
    // the DE provider may take the details and tell its component's maintainer; the CN vendor is bound itself
    assertThat(maintainer.alternatives()).containsExactly(
        new Alternative.RouteViaVendor("Berlin Devices", "DE"), new Alternative.TellAtPublication("LibraCore Project", publication));
    assertThat(maintainer.text()).contains("Beijing Sec Lab (CN) may not give unpublished details to LibraCore Project (US)");
    // the restriction does not reach the publication
    assertThat(sharing).noneMatch(c -> c.waves().contains(plan.waves().size()));
  }

  @Test
  void aSanctionedJurisdictionKeepsItsPartiesOutOfEveryWaveAndSaysWhereTheyWent() {
    NotificationPlan plan = plan(facts(Optional.of(END), Optional.empty(), Optional.empty()),
        rules(true, Optional.of(true), Optional.of(false), Set.of()));
    assertThat(plan.waveOf("Moskva Teplo")).isEmpty();
    assertThat(plan.waveOf("RU-CERT")).isEmpty();
    assertThat(plan.rules().packs()).containsExactly("cn-rmsv", "eu-cra", "eu-nis2", "sanctions");
    assertThat(plan.rules().excluded()).extracting(e -> e.recipient().organization()).containsExactly("Moskva Teplo", "RU-CERT");
    Excluded moskva = plan.rules().excluded().get(0);
    assertThat(moskva.wouldBe()).isEqualTo(WaveKind.OPERATORS);
    assertThat(moskva.wouldBeDue()).isEqualTo(END.minus(ShippedStrategy.OPERATOR_LEAD));
    assertThat(moskva.text()).contains("is in no wave").contains(MEASURE);

    Conflict.SanctionedJurisdiction conflict = plan.rules().conflicts(Conflict.SanctionedJurisdiction.class).get(0);
    assertThat(conflict.blocked().country()).isEqualTo("RU");
    assertThat(conflict.pack()).isEqualTo("sanctions");
    assertThat(conflict.parties()).containsExactly("Moskva Teplo", "RU-CERT");
    assertThat(conflict.deployments()).as("Moskva's 2; the withheld RU cell has no count").isEqualTo(2);
    assertThat(conflict.alternatives()).containsExactly(
        new Alternative.RouteViaFoundation("Open Grid Foundation", "BE"),
        new Alternative.RouteViaVendor("Shenzhen Gridware", "CN"),
        new Alternative.RouteViaVendor("Berlin Devices", "DE"),
        new Alternative.CoverageGap("RU", List.of("Moskva Teplo"), 2));
    assertThat(conflict.alternatives().get(3).text()).startsWith("coverage gap: Moskva Teplo in RU");
    assertThat(plan.rules().conflicts()).last().isEqualTo(conflict);

    // with a CN finder, the foundation is no route: the finder's details may not reach it
    NotificationPlan found = plan(facts(Optional.of(END), Optional.empty(), Optional.empty()),
        rules(true, Optional.of(true), Optional.of(false), Set.of("Beijing Sec Lab")));
    assertThat(found.rules().conflicts(Conflict.SanctionedJurisdiction.class).get(0).alternatives())
        .noneMatch(a -> a instanceof Alternative.RouteViaFoundation)
        .last().isInstanceOf(Alternative.CoverageGap.class);

    // without the sanctions pack, everyone is planned and nothing is excluded
    NotificationPlan open = plan(facts(Optional.of(END), Optional.empty(), Optional.empty()),
        rules(false, Optional.of(true), Optional.of(false), Set.of()));
    assertThat(open.waveOf("Moskva Teplo")).isPresent();
    assertThat(open.rules().excluded()).isEmpty();
    assertThat(open.rules().conflicts(Conflict.SanctionedJurisdiction.class)).isEmpty();
  }

  @Test
  void observedExploitationStartsTheCraClocksOfTheEuManufacturer() {
    Instant attacked = NOW.minus(Duration.ofHours(1));
    NotificationPlan plan = plan(facts(Optional.of(END), Optional.empty(), Optional.of(attacked)),
        rules(false, Optional.of(true), Optional.of(false), Set.of()));
    Wave wave = plan.waveOf("Berlin Devices").orElseThrow();
    assertThat(wave.due()).as("attacks lift the gates").isEqualTo(NOW);

    // the clock starts at the later of A and the manufacturer's awareness: when the wave tells it
    AppliedRule early = rule(plan, "Berlin Devices", "cra-14-early-warning");
    assertThat(early.started()).contains(NOW);
    assertThat(early.due()).contains(NOW.plus(Duration.ofHours(24)));
    assertThat(early.to()).containsExactly("CERT-Bund", "ENISA");
    assertThat(rule(plan, "Berlin Devices", "cra-14-notification").due()).contains(NOW.plus(Duration.ofHours(72)));
    AppliedRule fin = rule(plan, "Berlin Devices", "cra-14-final-report");
    assertThat(fin.started()).isEmpty();
    assertThat(fin.due()).isEmpty();
    assertThat(fin.text()).contains("within P14D of a corrective measure, not started yet");
    AppliedRule component = rule(plan, "Berlin Devices", "cra-13-6-component");
    assertThat(component.to()).containsExactly("LibraCore Project", "Open Grid Foundation");
    assertThat(component.due()).isEmpty();
    assertThat(component.text()).contains("(no term stated)");
    // the CN vendor is not bound by the CRA (not in the EU), and nobody outside it is
    assertThat(rulesOf(plan, "Shenzhen Gridware")).noneMatch(r -> r.pack().equals("eu-cra"));

    List<Conflict.ExploitationClock> clocks = plan.rules().conflicts(Conflict.ExploitationClock.class);
    assertThat(clocks).extracting(c -> c.rule().rule().id()).containsExactly("cra-14-early-warning", "cra-14-notification");
    Conflict.ExploitationClock first = clocks.get(0);
    assertThat(first.exploited()).isEqualTo(attacked);
    assertThat(first.parties()).containsExactly("Berlin Devices");
    assertThat(first.alternatives()).containsExactly(
        new Alternative.ReportEarly("Berlin Devices", List.of("CERT-Bund", "ENISA"), NOW.plus(Duration.ofHours(24))),
        new Alternative.ShortenEmbargo(NOW.plus(Duration.ofHours(24))));
    assertThat(first.text()).contains("exploitation observed at " + attacked).contains("before the embargo ends");

    // a fix ready: the final report is due 14 days after it
    Instant fix = NOW.plus(Duration.ofDays(3));
    NotificationPlan fixed = plan(facts(Optional.of(END), Optional.of(fix), Optional.of(attacked)),
        rules(false, Optional.of(true), Optional.of(false), Set.of()));
    AppliedRule finalReport = rule(fixed, "Berlin Devices", "cra-14-final-report");
    assertThat(finalReport.started()).contains(fix);
    assertThat(finalReport.due()).contains(fix.plus(Duration.ofDays(14)));

    // no exploitation: no CRA Art. 14 duty, no clock
    NotificationPlan calm = plan(facts(Optional.of(END), Optional.empty(), Optional.empty()),
        rules(false, Optional.of(true), Optional.of(false), Set.of()));
    assertThat(rulesOf(calm, "Berlin Devices")).extracting(r -> r.rule().id()).containsExactly("cra-13-6-component");
    assertThat(calm.rules().conflicts(Conflict.ExploitationClock.class)).isEmpty();
  }

  @Test
  void nis2FinalReportIsACalendarMonthAfterTheNotificationAndAParticipantsClockStartedWhenInvited() {
    Instant now = Instant.parse("2027-01-01T10:00:00Z");
    Instant end = Instant.parse("2027-01-31T10:00:00Z");
    Instant fix = Instant.parse("2027-01-10T10:00:00Z");
    PlanFacts facts = new PlanFacts(now, Optional.of(end), Optional.of(fix), Optional.empty(), false, Tlp.AMBER);
    NotificationPlan plan = JurisdictionCheck.plan(ShippedStrategy.COORDINATED, input(facts),
        new RuleInput(RuleBook.shippedOnly(), Optional.of(false), Optional.of(true),
            Map.of("Accord Coordination", now.minus(Duration.ofDays(1))), Set.of()));
    Wave operators = plan.waveOf("Paris Energie").orElseThrow();
    assertThat(operators.due()).isEqualTo(Instant.parse("2027-01-28T10:00:00Z"));
    assertThat(rule(plan, "Paris Energie", "nis2-23-early-warning").due()).contains(Instant.parse("2027-01-29T10:00:00Z"));
    AppliedRule notification = rule(plan, "Paris Energie", "nis2-23-notification");
    assertThat(notification.due()).contains(Instant.parse("2027-01-31T10:00:00Z"));
    assertThat(notification.to()).containsExactly("CERT-FR", "ANSSI");
    AppliedRule fin = rule(plan, "Paris Energie", "nis2-23-final-report");
    assertThat(fin.clock()).contains(ClockStart.AFTER_RULE);
    assertThat(fin.started()).contains(Instant.parse("2027-01-31T10:00:00Z"));
    // one calendar month after 31 January is 28 February, not 2 March (30 days)
    assertThat(fin.due()).contains(Instant.parse("2027-02-28T10:00:00Z"));

    // the early warning and the notification fall before the embargo ends: state-first, with the fix ready
    assertThat(plan.rules().conflicts(Conflict.StateFirstDeadline.class)).extracting(c -> c.rule().rule().id())
        .containsExactly("nis2-23-early-warning");
    // the coordinator takes part already: its clock started when it was invited, not when wave 1 goes out
    assertThat(plan.rules().wave(1).orElseThrow().rules()).isEmpty();
  }

  @Test
  void aRecipientWithoutACountryIsFlaggedNotSilentlyFreeOfRules() {
    NotificationPlan plan = plan(facts(Optional.of(END), Optional.empty(), Optional.empty()),
        rules(false, Optional.of(true), Optional.of(true), Set.of()));
    Wave wave = plan.waveOf("Stateless Vendor").orElseThrow();
    assertThat(plan.rules().wave(wave.number()).orElseThrow().unassessed()).singleElement().satisfies(u -> {
      assertThat(u.party()).isEqualTo("Stateless Vendor");
      assertThat(u.why()).contains("gives no country");
    });
    assertThat(rulesOf(plan, "Stateless Vendor")).isEmpty();
    assertThat(plan.rules().waves()).extracting(WaveRules::wave)
        .containsExactlyElementsOf(plan.waves().stream().map(Wave::number).toList());
  }

  @Test
  void aStrategyAloneChecksNoRulesAndSaysSo() {
    NotificationPlan plan = ShippedStrategy.COORDINATED.plan(input(facts(Optional.of(END), Optional.empty(), Optional.empty())));
    assertThat(plan.rules()).isEqualTo(PlanRules.NOT_CHECKED);
    assertThat(plan.rules().notes()).containsExactly("No rule pack was applied to this plan");
    // the immediate strategy publishes at once: no state-first deadline precedes the public, but the clocks run
    NotificationPlan immediate = JurisdictionCheck.plan(ShippedStrategy.IMMEDIATE,
        input(facts(Optional.empty(), Optional.empty(), Optional.of(NOW))), rules(false, Optional.of(true), Optional.of(false), Set.of()));
    assertThat(immediate.rules().conflicts(Conflict.StateFirstDeadline.class)).isEmpty();
    assertThat(immediate.rules().conflicts(Conflict.ExploitationClock.class)).isNotEmpty();
    List<String> kinds = new ArrayList<>(immediate.rules().conflicts().stream().map(Conflict::kind).distinct().toList());
    assertThat(kinds).containsExactly("exploitation_clock");
  }
}
