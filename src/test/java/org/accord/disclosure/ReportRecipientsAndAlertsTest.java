package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.accord.identity.Ecosystem;
import org.accord.identity.Purl;
import org.accord.identity.RangeNotation;
import org.accord.party.ClaimState;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.accord.party.ProductClaim;
import org.junit.jupiter.api.Test;

/** Who receives a report, who owns the case it opens, and who is alerted when the embargo is in danger (ADR 0114). */
class ReportRecipientsAndAlertsTest {
  static final Instant T = Instant.parse("2026-12-03T00:00:00Z");
  static final Organization LIBRA = new Organization(7, "LibraCore Project", OrgKind.MAINTAINER, null, null);
  static final Organization MAVEN_ORG = new Organization(3, "Libra Foundation", OrgKind.FOUNDATION, null, null);
  static final Organization SQUATTER = new Organization(2, "Squatter", OrgKind.VENDOR, null, null);

  static ProductClaim claim(Organization org, String namespace, ClaimState state) {
    return new ProductClaim("clm_" + "0".repeat(15) + org.id(), org, namespace, state, "", T, state == ClaimState.PENDING ? null : T);
  }

  static ReportedPackage libracore() {
    return new ReportedPackage(Purl.parse("pkg:maven/org.libra/libracore"), RangeNotation.parse(Ecosystem.MAVEN, "[2.0,2.3.4)"));
  }

  @Test
  void theOwnerOfTheAffectedPackageReceivesItAndAPendingClaimRoutesNothing() {
    List<ProductClaim> claims = List.of(
        claim(MAVEN_ORG, "pkg:maven/org.libra/", ClaimState.APPROVED),
        claim(LIBRA, "pkg:maven/org.libra/libracore", ClaimState.APPROVED),
        claim(SQUATTER, "pkg:maven/org.libra/libracore", ClaimState.PENDING));
    // the most specific approved claim owns the package: the exact package before the prefix
    assertThat(ReportRecipients.maintainers(List.of(libracore(), libracore()), claims)).containsExactly(LIBRA);
    assertThat(ReportRecipients.maintainers(List.of(libracore()), List.of(claims.get(2)))).isEmpty();
  }

  @Test
  void theCaseOwnerFollowsTheStatesNotWhoAcceptsFirst() {
    ReportRecipients.Opening both = ReportRecipients.opening(Map.of(9L, RmState.ACCEPTED, 7L, RmState.RECEIVED), 1L);
    assertThat(both.owner()).isEqualTo(7L);
    assertThat(both.ownerIsVendor()).isTrue();
    assertThat(both.vendors()).containsExactly(9L);
    // a maintainer that found it invalid or closed it neither owns nor joins
    ReportRecipients.Opening refused = ReportRecipients.opening(Map.of(7L, RmState.INVALID, 9L, RmState.CLOSED), 1L);
    assertThat(refused.owner()).isEqualTo(1L);
    assertThat(refused.ownerIsVendor()).isFalse();
    assertThat(refused.vendors()).isEmpty();
  }

  @Test
  void onlySignatoriesAreAlertedAndOnlyWhenTheEmbargoIsEndingOrShouldEnd() {
    Map<String, PecState> consents = Map.of("Libra", PecState.SIGNATORY, "Vendor", PecState.SIGNATORY, "CERT", PecState.INVITED,
        "Late", PecState.LAPSED, "No", PecState.DECLINED);
    EmbargoAlert<String> attacks = EmbargoAlert.of(EmbargoManagement.Consequence.RECOMMEND_TERMINATION, consents).orElseThrow();
    assertThat(attacks.kind()).isEqualTo(EmbargoAlert.Kind.RECOMMEND_ENDING);
    assertThat(attacks.recipients()).containsExactly("Libra", "Vendor");
    assertThat(EmbargoAlert.of(EmbargoManagement.Consequence.TERMINATE, consents).orElseThrow().kind()).isEqualTo(EmbargoAlert.Kind.ENDED);
    assertThat(EmbargoAlert.of(EmbargoManagement.Consequence.NONE, consents)).isEmpty();
    assertThat(EmbargoAlert.of(EmbargoManagement.Consequence.ABANDON_PROPOSAL, consents)).as("a proposal binds nobody").isEmpty();
    assertThat(EmbargoAlert.of(EmbargoManagement.Consequence.TERMINATE, Map.of("CERT", PecState.INVITED))).as("no signatory").isEmpty();
  }
}
