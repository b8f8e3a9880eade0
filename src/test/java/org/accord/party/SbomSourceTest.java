package org.accord.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whose SBOMs describe a product version: the owner's, third parties', both, or none. */
class SbomSourceTest {
  static final Organization ACME = new Organization(1, "Acme", OrgKind.VENDOR, "DE", null);
  static final Organization GRIDCO = new Organization(2, "GridCo", OrgKind.OPERATOR, null, null);
  static final Organization CERT = new Organization(3, "CERT", OrgKind.CERT, null, null);
  static final Optional<ProductClaim> ACME_OWNS = Optional.of(new ProductClaim(
      "clm_0000000000000001", ACME, "pkg:generic/acme/scada", ClaimState.APPROVED, "", Instant.EPOCH, Instant.EPOCH));

  @Test
  void noLiveSbomIsNoneWhoeverOwnsTheProduct() {
    assertThat(SbomSource.of(ACME_OWNS, List.of())).isEqualTo(SbomSource.NONE);
    assertThat(SbomSource.of(Optional.empty(), List.of())).isEqualTo(SbomSource.NONE);
  }

  @Test
  void onlyTheOwnersSbomIsOwnerOnlyOthersIsThirdPartyAndBothIsMixed() {
    assertThat(SbomSource.of(ACME_OWNS, List.of(ACME))).isEqualTo(SbomSource.OWNER);
    assertThat(SbomSource.of(ACME_OWNS, List.of(GRIDCO))).isEqualTo(SbomSource.THIRD_PARTY);
    assertThat(SbomSource.of(ACME_OWNS, List.of(GRIDCO, CERT))).isEqualTo(SbomSource.THIRD_PARTY);
    assertThat(SbomSource.of(ACME_OWNS, List.of(GRIDCO, ACME))).isEqualTo(SbomSource.MIXED);
    assertThat(SbomSource.of(ACME_OWNS, List.of(ACME, CERT))).isEqualTo(SbomSource.MIXED);
  }

  @Test
  void withoutAnOwnerEverySbomIsAThirdPartysEvenTheUploadersOwn() {
    assertThat(SbomSource.of(Optional.empty(), List.of(ACME))).isEqualTo(SbomSource.THIRD_PARTY);
  }

  @Test
  void anOrganizationWithTheOwnersNameButAnotherIdIsNotTheOwner() {
    Organization lookalike = new Organization(9, "Acme", OrgKind.VENDOR, null, null);
    assertThat(SbomSource.of(ACME_OWNS, List.of(lookalike))).isEqualTo(SbomSource.THIRD_PARTY);
  }

  @Test
  void labelsAreTheWireNames() {
    assertThat(List.of(SbomSource.values()).stream().map(SbomSource::label))
        .containsExactly("owner", "third_party", "mixed", "none");
    for (SbomSource source : SbomSource.values()) {
      assertThat(SbomSource.fromLabel(source.label())).isEqualTo(source);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SbomSource.fromLabel("OWNER"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
