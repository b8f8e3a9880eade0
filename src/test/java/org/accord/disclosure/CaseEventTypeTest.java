package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CaseEventTypeTest {
  @Test
  void labelsAreTheWireSpellingAndReadBack() {
    assertThat(CaseEventType.STATE_CHANGED.label()).isEqualTo("case.state_changed");
    assertThat(CaseEventType.PLAN_WAVE_SENT.label()).isEqualTo("case.plan_wave_sent");
    for (CaseEventType type : CaseEventType.values()) {
      assertThat(CaseEventType.of(type.label())).contains(type);
    }
  }

  @Test
  void otherSpellingsAreNoCaseEvent() {
    assertThat(CaseEventType.of("case.STATE_CHANGED")).isEmpty();
    assertThat(CaseEventType.of("report.received")).isEmpty();
    assertThat(CaseEventType.of("case.")).isEmpty();
    assertThat(CaseEventType.of("case.no_such_event")).isEmpty();
    assertThat(CaseEventType.of(null)).isEmpty();
  }

  @Test
  void onlyMessageEventsAreMessages() {
    assertThat(Arrays.stream(CaseEventType.values()).filter(CaseEventType::message))
        .containsExactly(CaseEventType.MESSAGE_POSTED, CaseEventType.MESSAGE_EDITED);
  }
}
