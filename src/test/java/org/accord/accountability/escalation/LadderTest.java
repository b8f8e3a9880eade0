package org.accord.accountability.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LadderTest {
  static final Instant DUE = Instant.parse("2027-03-04T00:00:00Z");

  @Test
  void parsesSettingsAndBlocksAlike() throws Exception {
    Ladder text = Ladder.parse("reminder=-P1D, organization=P1D,case_owner=P3D,scorecard=P7D", "ACCORD_ESCALATION_LADDER");
    assertThat(text).isEqualTo(Ladder.DEFAULT);
    Ladder block = Ladder.read(new ObjectMapper().valueToTree(Ladder.DEFAULT.describe()), "escalation");
    assertThat(block).isEqualTo(Ladder.DEFAULT);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "scorecard=P1D,reminder=P2D | X.steps[1].level",
      "reminder=P2D,organization=P1D | X.steps[1].after",
      "reminder=P400D | X.steps[0].after",
      "scorecard=-P1D | X.steps[0].after",
      "reminder=soon | X",
      "nothing=P1D | X"})
  void refusesLaddersThatCannotHoldNamingTheField(String text, String field) {
    assertThatThrownBy(() -> Ladder.parse(text, "X")).isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo(field);
  }

  @Test
  void climbsInOrderAndStopsWhenKept() {
    Escalation.Watched open = new Escalation.Watched("k", Escalation.Source.COMMITMENT, "LibraCore", "ack", Optional.of(DUE),
        Optional.empty(), Ladder.DEFAULT);
    assertThat(Escalation.reached(open, DUE.minus(Duration.ofDays(2)))).isEmpty();
    assertThat(Escalation.reached(open, DUE.plus(Duration.ofDays(3)))).extracting(r -> r.step().level())
        .containsExactly(Level.REMINDER, Level.ORGANIZATION, Level.CASE_OWNER);
    Escalation.Watched keptLate = new Escalation.Watched("k", Escalation.Source.COMMITMENT, "LibraCore", "ack", Optional.of(DUE),
        Optional.of(DUE.plus(Duration.ofDays(2))), Ladder.DEFAULT);
    assertThat(Escalation.reached(keptLate, DUE.plus(Duration.ofDays(30)))).extracting(r -> r.step().level())
        .as("kept late: the rungs before the keeping stay, none after").containsExactly(Level.REMINDER, Level.ORGANIZATION);
    Escalation.Watched onTime = new Escalation.Watched("k", Escalation.Source.COMMITMENT, "LibraCore", "ack", Optional.of(DUE),
        Optional.of(DUE.minus(Duration.ofDays(2))), Ladder.DEFAULT);
    assertThat(Escalation.reached(onTime, DUE.plus(Duration.ofDays(30)))).isEmpty();
  }
}
