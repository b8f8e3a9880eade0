package org.accord.disclosure.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.accord.disclosure.plan.CaseFact;
import org.accord.jurisdiction.ClockStart;
import org.accord.jurisdiction.RuleBook;
import org.accord.jurisdiction.RulePack;
import org.accord.jurisdiction.Rule;
import org.junit.jupiter.api.Test;

/** Due times from the case's clocks, and the met / late / missed rules of ADR 0138, on the shipped packs. */
class ProgressTest {
  static final Instant T = Instant.parse("2027-03-01T10:00:00Z");
  static final RuleBook BOOK = RuleBook.shippedOnly();

  static Rule rule(String pack, String id) {
    RulePack p = BOOK.pack(pack).orElseThrow().pack();
    return p.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  static ParticipantObligation of(String pack, String id) {
    return ParticipantObligation.of("Berlin Devices", 3, pack, rule(pack, id), List.of("CERT-Bund", "ENISA"), List.of()).orElseThrow();
  }

  static ObligationClocks clocks(Instant aware, Instant attacked, Instant fix) {
    return new ObligationClocks(Optional.ofNullable(aware), Optional.ofNullable(attacked), Optional.ofNullable(fix));
  }

  @Test
  void theCraEarlyWarningCountsFromTheLaterOfExploitationAndAwareness() {
    ParticipantObligation warning = of("eu-cra", "cra-14-early-warning");
    assertThat(warning.clock()).isEqualTo(ClockStart.EXPLOITATION_OBSERVED);
    assertThat(warning.citation()).isEqualTo("eu-cra Art. 14(1) and 14(2)(a)");
    // not told yet: no clock, whatever A says
    assertThat(warning.due(clocks(null, T, null), Optional.empty())).isEmpty();
    // told after the A event: 24 h from being told
    assertThat(warning.due(clocks(T.plusSeconds(3600), T, null), Optional.empty())).contains(T.plus(Duration.ofHours(25)));
    // told before the A event: 24 h from A
    assertThat(warning.due(clocks(T, T.plus(Duration.ofDays(3)), null), Optional.empty())).contains(T.plus(Duration.ofDays(4)));
    // no attack observed: the clock has not started
    assertThat(warning.due(clocks(T, null, null), Optional.empty())).isEmpty();
    assertThat(of("eu-cra", "cra-14-notification").due(clocks(T, T, null), Optional.empty())).contains(T.plus(Duration.ofHours(72)));
  }

  @Test
  void theMiitReportCountsFromAwarenessAndTheFinalReportsFromTheirClocks() {
    ParticipantObligation miit = ParticipantObligation.of("Shenzhen Gridware", 2, "cn-rmsv", rule("cn-rmsv", "rmsv-7-report"),
        List.of("MIIT"), List.of(CaseFact.NETWORK_PRODUCT)).orElseThrow();
    assertThat(miit.due(clocks(T, null, null), Optional.empty())).contains(T.plus(Duration.ofDays(2)));
    assertThat(miit.text(Optional.of(T))).contains("Shenzhen Gridware", "MIIT", "[cn-rmsv Art. 7(2)]", "if an affected product is a network product");
    // a corrective measure starts the CRA final report; the NIS2 final report is one calendar month after the notification
    assertThat(of("eu-cra", "cra-14-final-report").due(clocks(T, T, null), Optional.empty())).isEmpty();
    assertThat(of("eu-cra", "cra-14-final-report").due(clocks(T, T, T.plus(Duration.ofDays(5))), Optional.empty()))
        .contains(T.plus(Duration.ofDays(19)));
    ParticipantObligation nis2 = of("eu-nis2", "nis2-23-final-report");
    assertThat(nis2.after()).contains("nis2-23-notification");
    assertThat(nis2.due(clocks(T, null, null), Optional.empty())).isEmpty();
    assertThat(nis2.due(clocks(T, null, null), Optional.of(Instant.parse("2027-01-31T10:00:00Z"))))
        .contains(Instant.parse("2027-02-28T10:00:00Z"));
  }

  @Test
  void aSharingRestrictionIsNoDeadline() {
    assertThat(ParticipantObligation.of("Beijing Sec Lab", 1, "cn-rmsv", rule("cn-rmsv", "rmsv-9-no-foreign-sharing"), List.of(), List.of()))
        .isEmpty();
  }

  @Test
  void statesAtTheBoundaries() {
    Instant due = T.plus(Duration.ofHours(24));
    Progress open = new Progress(Optional.of(due), Optional.empty(), Optional.empty());
    assertThat(new Progress(Optional.empty(), Optional.empty(), Optional.empty()).state(T)).isEqualTo(ObligationState.WAITING);
    assertThat(open.state(due)).isEqualTo(ObligationState.OPEN);
    assertThat(open.overdue(due)).isFalse();
    assertThat(open.overdue(due.plusMillis(1))).isTrue();
    assertThat(open.state(due.plusMillis(1))).isEqualTo(ObligationState.MISSED);

    Progress.Fulfilment onTime = open.fulfil(" ENISA-2027-0042 ", due, due.plusSeconds(60));
    assertThat(onTime.reference()).isEqualTo("ENISA-2027-0042");
    assertThat(onTime.late()).isFalse();
    assertThat(new Progress(Optional.of(due), Optional.of(onTime), Optional.empty()).state(due.plusSeconds(60))).isEqualTo(ObligationState.MET);
    assertThat(open.fulfil("x", due.plusMillis(1), due.plusSeconds(60)).late()).isTrue();

    // marked missed: a claim made afterwards stays late, and the missed mark is kept
    Progress missed = new Progress(Optional.of(due), Optional.empty(), Optional.of(due.plusSeconds(30)));
    assertThat(missed.state(due.plusSeconds(30))).isEqualTo(ObligationState.MISSED);
    assertThat(missed.overdue(due.plusSeconds(90))).isFalse();
    Progress.Fulfilment late = missed.fulfil("ENISA-late", due.minusSeconds(60), due.plusSeconds(90));
    assertThat(late.late()).isTrue();
    assertThat(late.doneAt()).isEqualTo(due.minusSeconds(60));
    Progress after = new Progress(Optional.of(due), Optional.of(late), missed.missedAt());
    assertThat(after.state(due.plusSeconds(90))).isEqualTo(ObligationState.LATE);
    assertThat(after.missedAt()).isPresent();

    // no due time: met whenever done
    assertThat(new Progress(Optional.empty(), Optional.empty(), Optional.empty()).fulfil("r", null, T).late()).isFalse();
  }

  @Test
  void badEvidenceNamesTheField() {
    Progress open = new Progress(Optional.of(T), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> open.fulfil("  ", null, T)).isInstanceOf(InvalidInputException.class).hasMessageContaining("reference");
    assertThatThrownBy(() -> open.fulfil("x".repeat(501), null, T)).isInstanceOf(InvalidInputException.class).hasMessageContaining("500");
    assertThatThrownBy(() -> open.fulfil("a\nb", null, T)).isInstanceOf(InvalidInputException.class).hasMessageContaining("control");
    assertThatThrownBy(() -> open.fulfil("r", T.plusSeconds(1), T)).isInstanceOf(InvalidInputException.class).hasMessageContaining("done_at");
    Progress done = new Progress(Optional.of(T), Optional.of(open.fulfil("r", null, T)), Optional.empty());
    assertThatThrownBy(() -> done.fulfil("r", null, T)).isInstanceOf(IllegalStateException.class);
  }
}
