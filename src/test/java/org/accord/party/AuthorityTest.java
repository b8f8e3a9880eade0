package org.accord.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;

class AuthorityTest {
  static final Organization VENDORA = new Organization(1, "Vendora", OrgKind.VENDOR, "DE", null);
  static final Organization GRIDCO = new Organization(2, "GridCo", OrgKind.OPERATOR, null, null);
  static final Organization CERT = new Organization(3, "CERT", OrgKind.CERT, null, null);
  static final Member ALICE = new Member(10, VENDORA, "Alice@Vendora.example", MemberRole.ADMIN);
  static final Member BOB = new Member(11, VENDORA, "bob@vendora.example", MemberRole.MEMBER);
  static final Member GRETA = new Member(12, GRIDCO, "greta@gridco.example", MemberRole.ADMIN);

  static final Principal ALICE_ADMIN = Principal.of(VENDORA, ALICE, false, "tok_a");
  static final Principal BOB_MEMBER = Principal.of(VENDORA, BOB, false, "tok_b");
  static final Principal VENDORA_MACHINE = Principal.of(VENDORA, null, false, "tok_m");
  static final Principal GRETA_ADMIN = Principal.of(GRIDCO, GRETA, false, "tok_g");
  static final Principal COORDINATOR = Principal.of(CERT, null, true, "tok_c");

  @Test
  void theKindOfPrincipalFollowsFromTheCredential() {
    assertThat(ALICE_ADMIN).isInstanceOf(Principal.OrgAdmin.class);
    assertThat(BOB_MEMBER).isInstanceOf(Principal.OrgMember.class);
    assertThat(VENDORA_MACHINE).isInstanceOf(Principal.OrgMember.class);
    assertThat(COORDINATOR).isInstanceOf(Principal.Coordinator.class);
    assertThat(ALICE.email()).as("addresses are kept in lower case").isEqualTo("alice@vendora.example");
    assertThat(ALICE_ADMIN.actor()).isEqualTo(new Actor("Vendora", "alice@vendora.example"));
    assertThat(VENDORA_MACHINE.actor().toData()).containsOnlyKeys("organization");
    assertThatThrownBy(() -> Principal.of(GRIDCO, ALICE, false, null))
        .as("a member acts only for its own organization").isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyTheCoordinatorCreatesOrganizationsAndCoordinatorTokens() {
    Authority.requireCoordinator(COORDINATOR, "create organizations");
    for (Principal other : new Principal[] {ALICE_ADMIN, BOB_MEMBER, VENDORA_MACHINE, GRETA_ADMIN}) {
      assertThatThrownBy(() -> Authority.requireCoordinator(other, "create organizations"))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("create organizations");
      assertThatThrownBy(() -> Authority.requireMayCreateToken(other, other.organization(), null, true))
          .isInstanceOf(ForbiddenException.class).hasMessageContaining("coordinator tokens");
    }
  }

  @Test
  void anAdminManagesItsOwnOrganizationOnly() {
    assertThat(Authority.manages(ALICE_ADMIN, VENDORA)).isTrue();
    assertThat(Authority.manages(ALICE_ADMIN, GRIDCO)).isFalse();
    assertThat(Authority.manages(BOB_MEMBER, VENDORA)).as("a plain member does not manage").isFalse();
    assertThat(Authority.manages(COORDINATOR, GRIDCO)).isTrue();
    Authority.requireMayCreateToken(ALICE_ADMIN, VENDORA, BOB, false);
    assertThatThrownBy(() -> Authority.requireMayCreateToken(ALICE_ADMIN, GRIDCO, null, false)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> Authority.requireMayCreateToken(COORDINATOR, GRIDCO, BOB, false))
        .as("a token's member belongs to its organization").isInstanceOf(ForbiddenException.class);
  }

  @Test
  void tokensAreSeenByTheirOrganizationsAdminsTheirOwnerAndTheCoordinator() {
    Instant now = Instant.parse("2026-12-02T00:00:00Z");
    ApiToken bobs = new ApiToken("tok_b", VENDORA, BOB, false, "", now, null, null);
    ApiToken machine = new ApiToken("tok_m", VENDORA, null, false, "", now, null, null);
    assertThat(Authority.maySee(BOB_MEMBER, bobs)).isTrue();
    assertThat(Authority.maySee(BOB_MEMBER, machine)).isFalse();
    assertThat(Authority.maySee(ALICE_ADMIN, machine)).isTrue();
    assertThat(Authority.maySee(GRETA_ADMIN, bobs)).isFalse();
    assertThat(Authority.maySee(COORDINATOR, bobs)).isTrue();
  }

  @Test
  void operatorsAndResearchersAreListedOnlyToThemselvesAndTheCoordinator() {
    assertThat(Authority.maySee(BOB_MEMBER, GRIDCO)).isFalse();
    assertThat(Authority.maySee(GRETA_ADMIN, GRIDCO)).isTrue();
    assertThat(Authority.maySee(COORDINATOR, GRIDCO)).isTrue();
    assertThat(Authority.maySee(GRETA_ADMIN, VENDORA)).isTrue();
  }

  @Test
  void aTokenIsActiveUntilItExpiresOrIsRevoked() {
    Instant created = Instant.parse("2026-12-02T00:00:00Z");
    ApiToken expiring = new ApiToken("tok_e", VENDORA, null, false, "", created, created.plus(Duration.ofDays(1)), null);
    assertThat(expiring.activeAt(created.plusSeconds(86_399))).isTrue();
    assertThat(expiring.activeAt(created.plusSeconds(86_400))).isFalse();
    ApiToken revoked = new ApiToken("tok_r", VENDORA, null, false, "", created, null, created.plusSeconds(5));
    assertThat(revoked.activeAt(created)).isFalse();
  }

  @Test
  void lifetimesAreReadAsPeopleWriteThem() {
    assertThat(ApiToken.parseLifetime("90d")).isEqualTo(Duration.ofDays(90));
    assertThat(ApiToken.parseLifetime("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(ApiToken.parseLifetime("2w")).isEqualTo(Duration.ofDays(14));
    assertThat(ApiToken.parseLifetime("P30D")).isEqualTo(Duration.ofDays(30));
    assertThat(ApiToken.parseLifetime("never")).isNull();
    for (String bad : new String[] {"", "90", "-1d", "0m", "100000d", "soon"}) {
      assertThatThrownBy(() -> ApiToken.parseLifetime(bad)).as(bad)
          .isInstanceOf(InvalidInputException.class)
          .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("expires"));
    }
  }

  @Test
  void organizationFieldsAreCheckedWhereTheyAreMade() {
    assertThat(new Organization(0, " Vendora ", OrgKind.VENDOR, "de", "PSIRT@Vendora.example").country()).isEqualTo("DE");
    assertThatThrownBy(() -> new Organization(0, "X", OrgKind.VENDOR, "XX", null)).hasMessageContaining("ISO 3166-1");
    assertThatThrownBy(() -> new Organization(0, "A\u0007B", OrgKind.VENDOR, null, null)).hasMessageContaining("control character");
    assertThatThrownBy(() -> new Organization(0, "X", OrgKind.VENDOR, null, "not-an-address")).hasMessageContaining("e-mail");
    assertThatThrownBy(() -> OrgKind.parse("other")).hasMessageContaining("maintainer, foundation, vendor");
  }
}
