package org.accord.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The rules of product claims: what a namespace covers, who owns a package, decisions, authority. */
class ProductClaimTest {
  static final Organization ACME = new Organization(1, "Acme", OrgKind.VENDOR, "DE", null);
  static final Organization MALLORY = new Organization(2, "Mallory", OrgKind.VENDOR, null, null);
  static final Organization CERT = new Organization(3, "CERT", OrgKind.CERT, null, null);
  static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

  static ProductClaim claim(String id, Organization org, String namespace, ClaimState state) {
    return new ProductClaim(id, org, namespace, state, "", T, state == ClaimState.PENDING ? null : T);
  }

  @Test
  void aPackageClaimCoversEveryVersionOfThatPackageAndAPrefixEveryPackageUnderIt() {
    ProductClaim router = claim("clm_0000000000000001", ACME, "pkg:generic/acme/router", ClaimState.APPROVED);
    assertThat(router.covers("pkg:generic/acme/router")).isTrue();
    assertThat(router.covers("pkg:generic/acme/router2")).isFalse();
    ProductClaim prefix = claim("clm_0000000000000002", ACME, "pkg:maven/com.acme/", ClaimState.APPROVED);
    assertThat(prefix.covers("pkg:maven/com.acme/core")).isTrue();
    assertThat(prefix.covers("pkg:maven/com.acmeco/core")).isFalse();
    assertThat(prefix.overlaps(claim("clm_0000000000000003", MALLORY, "pkg:maven/com.acme/core", ClaimState.PENDING))).isTrue();
    assertThat(router.overlaps(prefix)).isFalse();
  }

  @Test
  void theOwnerIsTheMostSpecificApprovedClaim() {
    ProductClaim prefix = claim("clm_0000000000000001", ACME, "pkg:maven/com.acme/", ClaimState.APPROVED);
    ProductClaim exact = claim("clm_0000000000000002", MALLORY, "pkg:maven/com.acme/core", ClaimState.APPROVED);
    ProductClaim pending = claim("clm_0000000000000003", MALLORY, "pkg:maven/com.acme/util", ClaimState.PENDING);
    List<ProductClaim> all = List.of(prefix, exact, pending);
    assertThat(ProductClaim.owner(all, "pkg:maven/com.acme/core")).contains(exact);
    assertThat(ProductClaim.owner(all, "pkg:maven/com.acme/util")).as("a pending claim owns nothing").contains(prefix);
    assertThat(ProductClaim.owner(all, "pkg:npm/left-pad")).isEmpty();
  }

  @Test
  void theOwnersIndexAnswersAsOwnerDoes() {
    List<ProductClaim> all = List.of(
        claim("clm_0000000000000001", ACME, "pkg:maven/", ClaimState.APPROVED),
        claim("clm_0000000000000002", ACME, "pkg:maven/com.acme/", ClaimState.APPROVED),
        claim("clm_0000000000000003", MALLORY, "pkg:maven/com.acme/core", ClaimState.APPROVED),
        claim("clm_0000000000000004", MALLORY, "pkg:maven/com.acme/util", ClaimState.PENDING),
        claim("clm_0000000000000005", MALLORY, "pkg:maven/com.acme/util/", ClaimState.APPROVED),
        claim("clm_0000000000000006", MALLORY, "pkg:npm/left", ClaimState.APPROVED));
    var owners = ProductClaim.owners(all);
    for (String key : List.of("pkg:maven/com.acme/core", "pkg:maven/com.acme/util", "pkg:maven/com.acme/util/x", "pkg:maven/org.other/x",
        "pkg:maven/com.acmeco/core", "pkg:npm/left-pad", "pkg:npm/left", "pkg:generic/x", "")) {
      assertThat(owners.apply(key)).as(key).isEqualTo(ProductClaim.owner(all, key));
    }
    assertThat(owners.apply("pkg:maven/com.acme/util")).map(ProductClaim::namespace).contains("pkg:maven/com.acme/");
    assertThat(owners.apply("pkg:maven/com.acme/util/x")).map(ProductClaim::namespace).contains("pkg:maven/com.acme/util/");
    assertThat(owners.apply("pkg:npm/left-pad")).isEmpty();
  }

  @Test
  void aDecisionIsFinalAndApprovedClaimsOfDifferentOrganizationsMayNotOverlap() {
    ProductClaim pending = claim("clm_0000000000000001", MALLORY, "pkg:generic/acme/router", ClaimState.PENDING);
    ProductClaim rejected = pending.decide(ClaimState.REJECTED, " not yours ", T);
    assertThat(rejected.reason()).isEqualTo("not yours");
    assertThatThrownBy(() -> rejected.decide(ClaimState.APPROVED, "", T)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already rejected");
    assertThatThrownBy(() -> pending.decide(ClaimState.PENDING, "", T)).isInstanceOf(InvalidInputException.class);
    ProductClaim owner = claim("clm_0000000000000002", ACME, "pkg:generic/acme/", ClaimState.APPROVED);
    assertThatThrownBy(() -> Authority.requireNoOverlap(pending.decide(ClaimState.APPROVED, "", T), List.of(owner)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("owned by Acme");
    assertThatThrownBy(() -> Authority.requireNotClaimed(pending, List.of(pending))).isInstanceOf(InvalidInputException.class);
    Authority.requireNotClaimed(pending, List.of(rejected));
    assertThat(ProductClaim.isId("clm_0123456789abcdef")).isTrue();
    assertThat(ProductClaim.isId("clm_1")).isFalse();
  }

  @Test
  void onlyTheCoordinatorDecidesAndAClaimIsSeenByItsOrganizationAndTheCoordinator() {
    Principal mallory = new Principal.OrgMember(MALLORY, null, null);
    Principal coordinator = new Principal.Coordinator(CERT, null, null);
    ProductClaim acmes = claim("clm_0000000000000001", ACME, "pkg:generic/acme/router", ClaimState.PENDING);
    assertThatThrownBy(() -> Authority.requireMayDecideClaims(mallory)).isInstanceOf(ForbiddenException.class);
    Authority.requireMayDecideClaims(coordinator);
    assertThatThrownBy(() -> Authority.requireMayClaim(mallory, ACME)).isInstanceOf(ForbiddenException.class);
    Authority.requireMayClaim(mallory, MALLORY);
    Authority.requireMayClaim(coordinator, ACME);
    assertThat(Authority.maySee(mallory, acmes)).isFalse();
    assertThat(Authority.maySee(new Principal.OrgMember(ACME, null, null), acmes)).isTrue();
    assertThat(Authority.maySee(coordinator, acmes)).isTrue();
  }

  @Test
  void vexDecidesOnlyForTheApprovedOwnerOrTheCoordinatorWhateverTheDocumentSays() {
    Optional<ProductClaim> owner = Optional.of(claim("clm_0000000000000001", ACME, "pkg:generic/acme/router", ClaimState.APPROVED));
    assertThat(Authority.decidesVex("Acme", false, owner)).isTrue();
    assertThat(Authority.decidesVex("Mallory", false, owner)).isFalse();
    assertThat(Authority.decidesVex("Mallory", false, Optional.empty())).as("no owner: no one but the coordinator").isFalse();
    assertThat(Authority.decidesVex("CERT", true, Optional.empty())).isTrue();
  }
}
