package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accord.InvalidInputException;
import org.accord.advisory.Justification;
import org.accord.advisory.VexStatus;
import org.accord.identity.Purl;
import org.junit.jupiter.api.Test;

class ParticipantTest {
  static final Purl LIBRACORE = Purl.parse("pkg:maven/org.libra/libracore");

  @Test
  void aParticipantHoldsOneOrMoreRoles() {
    Set<ParticipantRole> roles = ParticipantRole.parseAll(List.of("vendor", "CNA", "case_owner"));
    Participant vendor = Participant.organization(7, roles);
    assertThat(vendor.roles()).containsExactly(ParticipantRole.VENDOR, ParticipantRole.CASE_OWNER, ParticipantRole.CNA);
    assertThat(vendor.has(ParticipantRole.CNA)).isTrue();
    assertThat(vendor.has(ParticipantRole.FINDER)).isFalse();
    assertThatThrownBy(() -> vendor.roles().add(ParticipantRole.OBSERVER)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Participant.organization(7, EnumSet.noneOf(ParticipantRole.class)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one role");
    assertThatThrownBy(() -> ParticipantRole.parseAll(List.of("vendor", "maintainer")))
        .hasMessageContaining("'maintainer'").hasMessageContaining("case_owner")
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("roles"));
  }

  @Test
  void involvementUsesTheCsafLabels() {
    assertThat(List.of(Involvement.values())).extracting(Involvement::label)
        .containsExactly("not_contacted", "contact_attempted", "open", "in_progress", "completed", "disputed");
    assertThat(Involvement.parse("In_Progress")).isEqualTo(Involvement.IN_PROGRESS);
    assertThatThrownBy(() -> Involvement.parse("pending")).hasMessageContaining("'pending'")
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("involvement"));
  }

  @Test
  void notYetCheckedIsNeverNotAffected() {
    ParticipantStatus initial = ParticipantStatus.initial(7, LIBRACORE);
    assertThat(initial.check()).isSameAs(ProductCheck.notYetChecked());
    assertThat(initial.check().label()).isEqualTo("not_yet_checked");
    assertThat(initial.check().vex()).as("no VEX statement for an unanswered product").isEmpty();
    assertThat(initial.involvement()).isEqualTo(Involvement.NOT_CONTACTED);

    ProductCheck notAffected = ProductCheck.checked(
        new VexStatus.NotAffected(Optional.of(Justification.VULNERABLE_CODE_NOT_PRESENT), ""));
    ParticipantStatus answered = initial.withCheck(notAffected);
    assertThat(answered.check().label()).isEqualTo("not_affected");
    assertThat(answered.check()).isNotEqualTo(initial.check());
    assertThat(answered.check().vex()).get().extracting(VexStatus::justificationLabel)
        .isEqualTo("vulnerable_code_not_present");
  }

  @Test
  void anAcknowledgementCannotPrecedeTheNotification() {
    Instant notified = Instant.parse("2026-12-03T10:00:00Z");
    assertThatThrownBy(() -> new ParticipantStatus(7, LIBRACORE, Involvement.OPEN, ProductCheck.notYetChecked(),
        Optional.of(notified), Optional.empty(), Optional.of(notified.minusSeconds(1))))
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("acknowledged"));
  }
}
