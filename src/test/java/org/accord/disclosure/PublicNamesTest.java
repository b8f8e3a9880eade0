package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rule of who a published case names (ADR 0124), as the documents and the reveal bundle read it. */
class PublicNamesTest {
  static final PublicNames NAMES = PublicNames.decide(List.of(
      new PublicNames.Party("Ada Research", false, List.of(Credit.named("Ada Lovelace"), Credit.named("ada@example.org")), Optional.empty()),
      new PublicNames.Party("Quiet Lab", false, List.of(Credit.named("Q")), Optional.of(CaseCredit.ANONYMOUS)),
      new PublicNames.Party("Shy Vendor", true, List.of(), Optional.of(CaseCredit.ANONYMOUS)),
      new PublicNames.Party("Libra", true, List.of(), Optional.empty()),
      new PublicNames.Party("Alflo Hospital", false, List.of(), Optional.empty()),
      new PublicNames.Party("Open Operator", false, List.of(), Optional.of(CaseCredit.PUBLIC))));

  @Test
  void eachDecisionIsRevealPolicyNameable() {
    assertThat(NAMES.decisions()).isEqualTo(Map.of("ada research", true, "quiet lab", false, "shy vendor", false, "libra", true,
        "alflo hospital", false, "open operator", true));
    assertThat(NAMES.nameable(" LIBRA ")).isTrue();
    assertThat(NAMES.nameable("Nobody Known")).isFalse();
  }

  @Test
  void aCreditedFinderIsCreditedUnderItsReportNamesNeverAnAddress() {
    assertThat(NAMES.creditNames("ada research")).containsExactly("Ada Lovelace");
    assertThat(NAMES.creditNames("Quiet Lab")).as("anonymous by its own choice: no name at all").isEmpty();
    assertThat(NAMES.creditNames("Libra")).isEmpty();
  }

  @Test
  void twoSpellingsOfOneOrganizationAreNameableOnlyIfBothAre() {
    PublicNames names = PublicNames.decide(List.of(new PublicNames.Party("Libra", true, List.of(), Optional.empty()),
        new PublicNames.Party("LIBRA", true, List.of(), Optional.of(CaseCredit.ANONYMOUS))));
    assertThat(names.nameable("Libra")).isFalse();
  }

  @Test
  void unnamedOrganizationsAreFoundAndReplacedAsWords() {
    assertThat(CaseDocumentRules.title("Alflo Hospital and Shy Vendor: Libra overflow", NAMES))
        .isEqualTo("a participant and a participant: Libra overflow");
    assertThat(NAMES.mentionsUnnamed("the Alflo Hospitality suite")).isFalse();
    // The reveal policy reads the same names.
    RevealPolicy policy = new RevealPolicy(NAMES);
    assertThat(policy.withholds(RevealPolicyTest.event("case.credit_set", "Shy Vendor", null)))
        .contains(RevealPolicy.Reason.UNNAMED_PARTY);
    assertThat(policy.withholds(RevealPolicyTest.event("case.credit_set", "Ada Research", null))).isEmpty();
  }
}
