package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.disclosure.RevealPolicy.Reason;
import org.accord.ledger.LedgerEvent;
import org.junit.jupiter.api.Test;

/** What a published case reveals of each event, and who may be named (ADR 0115). */
class RevealPolicyTest {
  static final Instant T = Instant.parse("2026-12-03T09:00:00Z");
  static final String SUBJECT = "case:ACC-2026-0001";
  /** Libra (a vendor) and Libra Energy may be named; Grid Power (an operator) and Finder Lab (a researcher) may not. */
  static final RevealPolicy POLICY = new RevealPolicy(Map.of("Libra", true, "libra energy", true, "Grid Power", false, "Finder Lab", false));

  static LedgerEvent event(String type, String actor, String member, Object... pairs) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("case", "ACC-2026-0001");
    for (int i = 0; i < pairs.length; i += 2) {
      data.put((String) pairs[i], pairs[i + 1]);
    }
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("organization", actor);
    if (member != null) {
      who.put("member", member);
    }
    data.put("actor", who);
    return new LedgerEvent(type, SUBJECT, T, data);
  }

  @Test
  void redAndStrictItemsAreWithheldButTheCaseLabelIsNot() {
    assertThat(POLICY.withholds(event("case.vulnerability_added", "Libra", null, "tlp", "TLP:RED"))).contains(Reason.ITEM_TLP);
    assertThat(POLICY.withholds(event("case.status_set", "Libra", null, "tlp", "TLP:AMBER+STRICT"))).contains(Reason.ITEM_TLP);
    assertThat(POLICY.withholds(event("case.status_set", "Libra", null, "tlp", "TLP:BLUE"))).contains(Reason.ITEM_TLP);
    assertThat(POLICY.withholds(event("case.status_set", "Libra", null, "tlp", "TLP:AMBER"))).isEmpty();
    assertThat(POLICY.withholds(event("case.created", "Libra", null, "tlp", "TLP:RED", "owner", "Libra"))).isEmpty();
    // The item's label is the first reason given, whoever else the event names.
    assertThat(POLICY.withholds(event("case.status_set", "Grid Power", "ops@grid.example", "tlp", "TLP:RED"))).contains(Reason.ITEM_TLP);
  }

  @Test
  void planEventsCarryCountsNotNamesSoTheActorDecides() {
    // the data app.Plans and app.PlanWaves write (ADR 0134): numbers, kinds, times and counts only
    LedgerEvent adopted = event("case.plan_adopted", "Libra", null, "plan", 3, "strategy", "coordinated", "waves",
        java.util.List.of(Map.of("number", 1, "kind", "coordination", "due", "2027-03-01T10:00:00Z", "recipients", 2),
            Map.of("number", 4, "kind", "operators", "due", "2027-03-28T10:00:00Z", "gate", "fix_ready", "recipients", 4)));
    LedgerEvent sent = event("case.plan_wave_sent", "local", null, "plan", 3, "wave", 4, "kind", "operators", "invited", 3,
        "already_participants", 1, "not_invited", 0);
    assertThat(RevealPolicy.organizations(adopted)).containsExactly("Libra");
    assertThat(RevealPolicy.organizations(sent)).containsExactly("local");
    assertThat(POLICY.withholds(adopted)).isEmpty();
    // the sweep's actor is the instance, which the policy does not name: withheld as any other event of it (ADR 0116)
    assertThat(POLICY.withholds(sent)).contains(Reason.UNNAMED_PARTY);
    assertThat(POLICY.withholds(event("case.plan_adopted", "Grid Power", null, "plan", 3))).contains(Reason.UNNAMED_PARTY);
  }

  @Test
  void anEventNamingAPersonIsWithheld() {
    assertThat(POLICY.withholds(event("case.embargo_accepted", "Libra", "alice@libra.example"))).contains(Reason.PERSON);
    assertThat(POLICY.withholds(event("case.participant_invited", "Libra", null, "organization", "Libra Energy",
        "member", "bob@energy.example"))).contains(Reason.PERSON);
    assertThat(POLICY.withholds(event("case.created", "Libra", null, "title", "reported by Carol <carol.x+cve@mail.example.org>")))
        .contains(Reason.PERSON);
    // A scoped package or a version is not an address.
    assertThat(POLICY.withholds(event("case.vulnerability_added", "Libra", null, "affected",
        Map.of("pkg:npm/%40libra/core", "[1.0@beta,2.0)"), "alias", "CVE-2026-1111"))).isEmpty();
  }

  @Test
  void anEventNamingAPartyThatMayNotBeNamedIsWithheld() {
    // as actor, in an organization member, in free text, in any case of letters, or unknown to the policy
    assertThat(POLICY.withholds(event("case.embargo_consented", "Grid Power", null, "consent", "signatory"))).contains(Reason.UNNAMED_PARTY);
    assertThat(POLICY.withholds(event("case.participant_invited", "Libra", null, "organization", "finder lab", "roles", List.of("finder"))))
        .contains(Reason.UNNAMED_PARTY);
    assertThat(POLICY.withholds(event("case.state_changed", "Libra", null, "vendor", "Grid Power"))).contains(Reason.UNNAMED_PARTY);
    assertThat(POLICY.withholds(event("case.embargo_accepted", "Libra", null, "proposed_by", "Grid Power"))).contains(Reason.UNNAMED_PARTY);
    assertThat(POLICY.withholds(event("case.created", "Libra", null, "owner", "Libra", "title", "Overflow found by FINDER LAB")))
        .contains(Reason.UNNAMED_PARTY);
    assertThat(POLICY.withholds(event("case.status_set", "Nobody Knows", null, "organization", "Libra"))).contains(Reason.UNNAMED_PARTY);
    assertThat(POLICY.withholds(event("case.embargo_alert", "Libra", null, "recipients", List.of("Libra", "Grid Power"))))
        .contains(Reason.UNNAMED_PARTY);
    assertThat(POLICY.withholds(event("case.embargo_alert", "Libra", null, "recipients", List.of("Libra", "Unknown Org"))))
        .contains(Reason.UNNAMED_PARTY);
    assertThat(POLICY.withholds(event("case.embargo_alert", "Libra", null, "recipients", List.of("Libra", "Libra Energy")))).isEmpty();
    // Named parties are revealed; a name inside a longer word is not a mention, nor is a named party's own name.
    assertThat(POLICY.withholds(event("case.status_set", "Libra", null, "organization", "LIBRA", "product", "pkg:generic/libra-fixer")))
        .isEmpty();
    assertThat(POLICY.withholds(event("case.participant_invited", "Libra", null, "organization", "Libra Energy",
        "title", "Gridpowerless mode"))).isEmpty();
  }

  @Test
  void aPartyIsNamedByItsChoiceElseItsReportsElseItsKind() {
    assertThat(RevealPolicy.nameable(true, List.of(), Optional.empty())).isTrue();
    assertThat(RevealPolicy.nameable(false, List.of(), Optional.empty())).isFalse();
    assertThat(RevealPolicy.nameable(false, List.of(Credit.Preference.NAMED), Optional.empty())).isTrue();
    assertThat(RevealPolicy.nameable(true, List.of(Credit.Preference.NAMED, Credit.Preference.NONE), Optional.empty())).isFalse();
    assertThat(RevealPolicy.nameable(true, List.of(Credit.Preference.ANONYMOUS), Optional.empty())).isFalse();
    assertThat(RevealPolicy.nameable(false, List.of(Credit.Preference.NONE), Optional.of(CaseCredit.PUBLIC))).isTrue();
    assertThat(RevealPolicy.nameable(true, List.of(Credit.Preference.NAMED), Optional.of(CaseCredit.ANONYMOUS))).isFalse();
  }

  @Test
  void aCreditChoiceIsPublicOrAnonymous() {
    assertThat(CaseCredit.parse(" Public ")).isEqualTo(CaseCredit.PUBLIC);
    assertThatThrownBy(() -> CaseCredit.parse("named")).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("credit"));
    assertThat(Reason.fromLabel("unnamed_party")).contains(Reason.UNNAMED_PARTY);
    assertThat(Reason.fromLabel("Grid Power")).isEmpty();
  }
}
