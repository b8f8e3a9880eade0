package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EmbargoTest {
  static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
  static final Duration MS = Duration.ofMillis(1);

  static EmbargoTerms lasting(Duration length) {
    return EmbargoTerms.endingAt(NOW.plus(length));
  }

  static EmbargoTerms justified(Duration length) {
    return new EmbargoTerms(NOW.plus(length), Optional.of("  the vendor ships firmware to air-gapped plants quarterly "));
  }

  static void refused(ThrowingCallable call, String field, String message) {
    assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo(field));
  }

  @Test
  void ninetyDaysNeedNoJustificationAndOneMillisecondMoreDoes() {
    assertThat(EmbargoRules.check(lasting(Duration.ofDays(45)), NOW).end()).isEqualTo(NOW.plus(Duration.ofDays(45)));
    assertThat(EmbargoRules.check(lasting(Duration.ofDays(90)), NOW)).isNotNull();
    refused(() -> EmbargoRules.check(lasting(Duration.ofDays(90).plus(MS)), NOW), "justification",
        "more than 90 days needs a written justification");
    assertThat(EmbargoRules.check(justified(Duration.ofDays(90).plus(MS)), NOW).justification())
        .contains("the vendor ships firmware to air-gapped plants quarterly");
  }

  @Test
  void oneYearIsTheLimitEvenWithAJustification() {
    assertThat(EmbargoRules.check(justified(Duration.ofDays(365)), NOW)).isNotNull();
    refused(() -> EmbargoRules.check(justified(Duration.ofDays(365).plus(MS)), NOW), "end", "more than one year");
    refused(() -> EmbargoRules.check(justified(Duration.ofDays(366)), NOW), "end", "366 days");
    refused(() -> EmbargoRules.check(lasting(Duration.ofDays(366)), NOW), "end", "more than one year");
  }

  @Test
  void anEndThatIsNotInTheFutureIsRefused() {
    refused(() -> EmbargoRules.check(lasting(Duration.ZERO), NOW), "end", "not in the future");
    refused(() -> EmbargoRules.check(lasting(Duration.ofDays(-1)), NOW), "end", "not in the future");
    assertThat(EmbargoRules.check(lasting(MS), NOW)).isNotNull();
  }

  @Test
  void aRevisionCountsFromTheEmbargosStart() {
    Instant started = NOW.minus(Duration.ofDays(300));
    refused(() -> EmbargoRules.checkRevision(justified(Duration.ofDays(90)), NOW, started), "end", "more than one year");
    assertThat(EmbargoRules.checkRevision(justified(Duration.ofDays(65)), NOW, started)).isNotNull();
    refused(() -> EmbargoRules.checkRevision(lasting(Duration.ofDays(1)), NOW, NOW.minus(Duration.ofDays(90))),
        "justification", "justification");
  }

  @Test
  void justificationsAreBoundedAndNeverBlank() {
    refused(() -> new EmbargoTerms(NOW, Optional.of(" \n ")), "justification", "blank");
    refused(() -> new EmbargoTerms(NOW, Optional.of("x".repeat(EmbargoRules.JUSTIFICATION_MAX_CHARS + 1))),
        "justification", "at most 4000");
    assertThat(new EmbargoTerms(NOW, Optional.of("x".repeat(EmbargoRules.JUSTIFICATION_MAX_CHARS)))).isNotNull();
  }

  @Test
  void rsvpIsSevenDaysByDefaultAndNeverUnderSeventyTwoHours() {
    assertThat(EmbargoRules.rsvpDeadline(NOW, Optional.empty())).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(EmbargoRules.rsvpDeadline(NOW, Optional.of(Duration.ofHours(72)))).isEqualTo(NOW.plus(Duration.ofHours(72)));
    refused(() -> EmbargoRules.rsvpDeadline(NOW, Optional.of(Duration.ofHours(72).minus(MS))), "rsvp", "at least 72 hours");
    refused(() -> EmbargoRules.checkRsvpDeadline(NOW.plus(Duration.ofHours(24)), NOW), "rsvp", "too short");
    assertThat(EmbargoRules.checkRsvpDeadline(NOW.plus(Duration.ofDays(7)), NOW)).isEqualTo(NOW.plus(Duration.ofDays(7)));
  }

  @Test
  void anEmbargoCannotStartOnceThePublicKnowsAnExploitIsOutOrAttacksAreSeen() {
    EmbargoRules.requireCanStart(false, false, false);
    refused(() -> EmbargoRules.requireCanStart(true, false, false), "state", "(P)");
    refused(() -> EmbargoRules.requireCanStart(false, true, false), "state", "(X)");
    refused(() -> EmbargoRules.requireCanStart(false, false, true), "state", "(A)");
  }

  @Test
  void theShortestProposalWinsWhateverTheOrder() {
    EmbargoProposal maintainer = new EmbargoProposal(1, lasting(Duration.ofDays(90)), NOW);
    EmbargoProposal researcher = new EmbargoProposal(2, lasting(Duration.ofDays(45)), NOW.plusSeconds(60));
    EmbargoProposal vendor = new EmbargoProposal(3, justified(Duration.ofDays(120)), NOW.plusSeconds(120));
    assertThat(EmbargoProposal.shortest(List.of(maintainer, researcher, vendor))).contains(researcher);
    assertThat(EmbargoProposal.shortest(List.of(vendor, researcher, maintainer))).contains(researcher);
    EmbargoProposal sameEndLater = new EmbargoProposal(0, lasting(Duration.ofDays(45)), NOW.plusSeconds(90));
    assertThat(EmbargoProposal.shortest(List.of(sameEndLater, researcher))).as("a tie goes to the earlier proposal")
        .contains(researcher);
    assertThat(EmbargoProposal.shortest(List.of())).isEmpty();
  }

  @Test
  void theEndIsShownInTheViewersZoneWithTheZoneNamed() {
    EmbargoTerms terms = EmbargoTerms.endingAt(Instant.parse("2027-01-17T16:00:00Z"));
    assertThat(terms.endIn(ZoneId.of("Europe/Berlin"))).isEqualTo("2027-01-17 17:00 Europe/Berlin (UTC+01:00)");
    assertThat(terms.endIn(ZoneId.of("America/New_York"))).isEqualTo("2027-01-17 11:00 America/New_York (UTC-05:00)");
    assertThat(terms.endIn(ZoneId.of("Asia/Kolkata"))).isEqualTo("2027-01-17 21:30 Asia/Kolkata (UTC+05:30)");
    assertThat(terms.endIn(ZoneOffset.UTC)).isEqualTo("2027-01-17 16:00 UTC");
    assertThat(terms.endIn(ZoneId.of("UTC"))).isEqualTo("2027-01-17 16:00 UTC");
    assertThat(terms.endIn(ZoneId.of("Europe/London"))).isEqualTo("2027-01-17 16:00 Europe/London (UTC)");
    assertThat(terms.endIn(ZoneOffset.ofHours(9))).isEqualTo("2027-01-18 01:00 UTC+09:00");
    assertThat(EmbargoTerms.endingAt(Instant.parse("2027-07-17T16:00:30Z")).endIn(ZoneId.of("Europe/Berlin")))
        .as("summer time, seconds shown").isEqualTo("2027-07-17 18:00:30 Europe/Berlin (UTC+02:00)");
  }
}
