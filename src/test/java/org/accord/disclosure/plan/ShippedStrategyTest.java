package org.accord.disclosure.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.accord.InvalidInputException;
import org.accord.disclosure.ParticipantRole;
import org.accord.disclosure.ParticipantSuggestions;
import org.accord.disclosure.Suggestion;
import org.accord.disclosure.SuggestionKind;
import org.accord.disclosure.Tlp;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.junit.jupiter.api.Test;

class ShippedStrategyTest {
  private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
  private static final Instant END = NOW.plus(Duration.ofDays(45));

  private static final List<Organization> ORGS = List.of(
      new Organization(1, "LibraCore Project", OrgKind.MAINTAINER, "DE", null),
      new Organization(2, "Accord Coordination", OrgKind.CERT, "NL", null),
      new Organization(3, "Shenzhen Gridware", OrgKind.VENDOR, "CN", null),
      new Organization(4, "Nordic Meters", OrgKind.VENDOR, "SE", null),
      new Organization(5, "Paris Energie", OrgKind.OPERATOR, "FR", null),
      new Organization(6, "Small Water", OrgKind.OPERATOR, "FR", null),
      new Organization(7, "CERT-FR", OrgKind.CERT, "FR", null),
      new Organization(8, "Stateless Vendor", OrgKind.VENDOR, null, null));

  private static Suggestion suggestion(String org, SuggestionKind kind, List<Suggestion.ProductPath> paths, List<Suggestion.DeploymentCount> cells) {
    OrgKind orgKind = ORGS.stream().filter(o -> o.name().equals(org)).findFirst().orElseThrow().kind();
    return new Suggestion(org, orgKind, kind, List.of(ParticipantRole.VENDOR), true, "test",
        new Suggestion.Evidence(List.of(), List.of("pkg:maven/org.libracore/libracore"), paths, cells));
  }

  private static Suggestion.ProductPath path(String... purls) {
    return new Suggestion.ProductPath(purls[0], List.of(purls));
  }

  private static ParticipantSuggestions.Result world(boolean withStateless) {
    List<Suggestion> s = new ArrayList<>(List.of(
        suggestion("LibraCore Project", SuggestionKind.MAINTAINER, List.of(), List.of()),
        suggestion("Shenzhen Gridware", SuggestionKind.VENDOR,
            List.of(path("pkg:generic/gridware/rtu@4.1", "pkg:maven/org.libracore/libracore@2.3.0")), List.of()),
        suggestion("Nordic Meters", SuggestionKind.VENDOR,
            List.of(path("pkg:generic/nordic/meter@1.0", "pkg:generic/gridware/rtu@4.1", "pkg:maven/org.libracore/libracore@2.3.0")), List.of()),
        suggestion("Paris Energie", SuggestionKind.OPERATOR, List.of(),
            List.of(new Suggestion.DeploymentCount("energy", "FR", "essential", 3))),
        suggestion("Small Water", SuggestionKind.OPERATOR, List.of(),
            List.of(new Suggestion.DeploymentCount("water", "FR", "other", 1))),
        suggestion("CERT-FR", SuggestionKind.CERT, List.of(),
            List.of(new Suggestion.DeploymentCount("energy", "FR", "essential", 3)))));
    if (withStateless) {
      s.add(suggestion("Stateless Vendor", SuggestionKind.VENDOR,
          List.of(path("pkg:generic/stateless/box@1", "pkg:maven/org.libracore/libracore@2.3.0")), List.of()));
    }
    return new ParticipantSuggestions.Result(s, List.of(), List.of("a note from the exposure"));
  }

  private static PlanInput input(PlanFacts facts, boolean withStateless) {
    Map<String, Organization> byName = ORGS.stream().collect(Collectors.toMap(Organization::name, Function.identity()));
    return new PlanInput(world(withStateless), byName, Optional.of("Accord Coordination"), Set.of("libracore project"), facts);
  }

  private static PlanFacts facts(Optional<Instant> end, Optional<Instant> fix, Optional<Instant> attacked, Tlp tlp) {
    return new PlanFacts(NOW, end, fix, attacked, false, tlp);
  }

  private static List<String> names(Wave w) {
    return w.recipients().stream().map(Recipient::organization).toList();
  }

  @Test
  void coordinatedStagesMaintainersVendorsOperatorsAndPublicationInOrder() {
    NotificationPlan plan = ShippedStrategy.COORDINATED.plan(input(facts(Optional.of(END), Optional.empty(), Optional.empty(), Tlp.AMBER), false));

    assertThat(plan.strategy()).isEqualTo("coordinated");
    assertThat(plan.waves()).extracting(Wave::kind).containsExactly(
        WaveKind.COORDINATION, WaveKind.DIRECT_VENDORS, WaveKind.ALL_VENDORS, WaveKind.OPERATORS, WaveKind.PUBLICATION);
    assertThat(plan.waves()).extracting(Wave::number).containsExactly(1, 2, 3, 4, 5);
    assertThat(names(plan.waves().get(0))).containsExactly("Accord Coordination", "LibraCore Project");
    assertThat(names(plan.waves().get(1))).containsExactly("Shenzhen Gridware");
    assertThat(names(plan.waves().get(2))).containsExactly("Nordic Meters");
    assertThat(names(plan.waves().get(3))).containsExactly("CERT-FR", "Paris Energie");
    assertThat(names(plan.waves().get(4))).containsExactly("Small Water");

    assertThat(plan.waves()).extracting(Wave::due).containsExactly(
        NOW, NOW.plus(ShippedStrategy.VENDOR_LEAD), NOW.plus(ShippedStrategy.VENDOR_LEAD), END.minus(ShippedStrategy.OPERATOR_LEAD), END);
    // Without a fix, all vendors and the operators wait for one; publication is at the embargo's end.
    assertThat(plan.waves()).extracting(w -> w.gate().isPresent()).containsExactly(false, false, true, true, false);
    assertThat(plan.waves()).extracting(Wave::tlp).containsExactly(Tlp.AMBER_STRICT, Tlp.AMBER_STRICT, Tlp.AMBER_STRICT, Tlp.AMBER, Tlp.CLEAR);
    assertThat(plan.waves()).extracting(Wave::channel).containsExactly(
        WaveChannel.INVITATION, WaveChannel.INVITATION, WaveChannel.INVITATION, WaveChannel.INVITATION, WaveChannel.PUBLICATION);

    Recipient maintainer = plan.waves().get(0).recipients().get(1);
    assertThat(maintainer.participant()).isTrue();
    assertThat(plan.waves().get(0).recipients().get(0).participant()).isFalse();
    Recipient transitive = plan.waves().get(2).recipients().get(0);
    assertThat(transitive.reasons()).singleElement().isInstanceOfSatisfying(Recipient.Ships.class, r -> {
      assertThat(r.direct()).isFalse();
      assertThat(r.text()).contains("pkg:generic/nordic/meter@1.0").contains("through 1 component");
    });
    assertThat(plan.waves().get(3).recipients().get(0).reasons()).singleElement()
        .isEqualTo(new Recipient.NationalCert("FR", true));
    assertThat(plan.notes()).contains("a note from the exposure");
  }

  @Test
  void aReadyFixLiftsTheGatesAndTimesAllVendorsFromIt() {
    Instant fix = NOW.plus(Duration.ofDays(10));
    NotificationPlan plan = ShippedStrategy.COORDINATED.plan(input(facts(Optional.of(END), Optional.of(fix), Optional.empty(), Tlp.AMBER), false));

    assertThat(plan.waves()).allSatisfy(w -> assertThat(w.gate()).isEmpty());
    assertThat(plan.waves().get(2).due()).isEqualTo(fix);
  }

  @Test
  void observedAttacksTellEveryDefenderNow() {
    NotificationPlan plan = ShippedStrategy.COORDINATED.plan(
        input(facts(Optional.empty(), Optional.empty(), Optional.of(NOW.minusSeconds(60)), Tlp.AMBER), false));

    assertThat(plan.waves()).allSatisfy(w -> {
      assertThat(w.due()).isEqualTo(NOW);
      assertThat(w.gate()).isEmpty();
    });
  }

  @Test
  void withoutEmbargoPublicationWaitsForTheFix() {
    NotificationPlan plan = ShippedStrategy.COORDINATED.plan(input(facts(Optional.empty(), Optional.empty(), Optional.empty(), Tlp.AMBER), false));

    Wave publication = plan.waves().get(plan.waves().size() - 1);
    assertThat(publication.kind()).isEqualTo(WaveKind.PUBLICATION);
    assertThat(publication.gate()).contains(Wave.Gate.FIX_READY);
  }

  @Test
  void noWaveSharesUnderALabelLowerThanTheCases() {
    NotificationPlan plan = ShippedStrategy.COORDINATED.plan(input(facts(Optional.of(END), Optional.empty(), Optional.empty(), Tlp.RED), false));

    assertThat(plan.waves()).extracting(Wave::tlp).containsExactly(Tlp.RED, Tlp.RED, Tlp.RED, Tlp.RED, Tlp.CLEAR);
  }

  @Test
  void anOrganizationWithSeveralReasonsIsToldInTheEarliestWaveWithAllOfThem() {
    List<Suggestion> s = new ArrayList<>(world(false).suggestions());
    s.add(suggestion("LibraCore Project", SuggestionKind.VENDOR,
        List.of(path("pkg:generic/libracore/appliance@1", "pkg:maven/org.libracore/libracore@2.3.0")), List.of()));
    Map<String, Organization> byName = ORGS.stream().collect(Collectors.toMap(Organization::name, Function.identity()));
    PlanInput in = new PlanInput(new ParticipantSuggestions.Result(s, List.of(), List.of()), byName, Optional.empty(), Set.of(),
        facts(Optional.of(END), Optional.empty(), Optional.empty(), Tlp.AMBER));

    NotificationPlan plan = ShippedStrategy.COORDINATED.plan(in);

    assertThat(plan.waveOf("libracore project")).get().extracting(Wave::kind).isEqualTo(WaveKind.COORDINATION);
    assertThat(plan.waves().get(0).recipients()).singleElement().satisfies(r ->
        assertThat(r.reasons()).hasExactlyElementsOfTypes(Recipient.Maintains.class, Recipient.Ships.class));
  }

  @Test
  void immediateTellsEveryoneAtOnceAndPublishes() {
    NotificationPlan plan = ShippedStrategy.IMMEDIATE.plan(input(facts(Optional.of(END), Optional.empty(), Optional.empty(), Tlp.AMBER), false));

    assertThat(plan.waves()).extracting(Wave::kind).containsExactly(WaveKind.EVERYONE, WaveKind.PUBLICATION);
    assertThat(plan.waves()).allSatisfy(w -> assertThat(w.due()).isEqualTo(NOW));
    assertThat(names(plan.waves().get(0))).hasSize(7).contains("Small Water", "Nordic Meters", "Accord Coordination");
  }

  @Test
  void aRecipientWithoutCountryIsNamedInTheNotes() {
    NotificationPlan plan = ShippedStrategy.COORDINATED.plan(input(facts(Optional.of(END), Optional.empty(), Optional.empty(), Tlp.AMBER), true));

    assertThat(plan.waveOf("Stateless Vendor")).get().extracting(Wave::kind).isEqualTo(WaveKind.DIRECT_VENDORS);
    assertThat(plan.notes()).contains("Stateless Vendor gives no country: no jurisdiction's rules can be applied to it");
  }

  @Test
  void anUnknownStrategyNamesTheFieldAndTheKnownOnes() {
    assertThat(ShippedStrategy.parse(" Immediate ")).isEqualTo(ShippedStrategy.IMMEDIATE);
    assertThatThrownBy(() -> ShippedStrategy.parse("leaky"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.location()).isEqualTo("strategy");
          assertThat(e.getMessage()).contains("'leaky'").contains("coordinated, immediate");
        });
  }

  @Test
  void aSuggestionForAnUnknownOrganizationIsAProgrammingError() {
    PlanInput in = new PlanInput(world(false), Map.of(), Optional.empty(), Set.of(),
        facts(Optional.empty(), Optional.empty(), Optional.empty(), Tlp.AMBER));
    assertThatThrownBy(() -> ShippedStrategy.COORDINATED.plan(in)).isInstanceOf(IllegalArgumentException.class);
  }
}
