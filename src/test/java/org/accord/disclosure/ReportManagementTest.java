package org.accord.disclosure;

import static org.accord.disclosure.RmEvent.ACCEPT;
import static org.accord.disclosure.RmEvent.CLOSE;
import static org.accord.disclosure.RmEvent.DEFER;
import static org.accord.disclosure.RmEvent.INVALIDATE;
import static org.accord.disclosure.RmEvent.RECEIVE;
import static org.accord.disclosure.RmEvent.VALIDATE;
import static org.accord.disclosure.RmState.ACCEPTED;
import static org.accord.disclosure.RmState.CLOSED;
import static org.accord.disclosure.RmState.DEFERRED;
import static org.accord.disclosure.RmState.INVALID;
import static org.accord.disclosure.RmState.RECEIVED;
import static org.accord.disclosure.RmState.START;
import static org.accord.disclosure.RmState.VALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportManagementTest {
  /** Vultron's rm_state_machine_diagram.md, written out edge by edge as "from event" -> to. */
  static final Map<String, RmState> VULTRON = Map.ofEntries(
      Map.entry("START RECEIVE", RECEIVED),
      Map.entry("RECEIVED INVALIDATE", INVALID),
      Map.entry("RECEIVED VALIDATE", VALID),
      Map.entry("RECEIVED CLOSE", CLOSED),
      Map.entry("INVALID VALIDATE", VALID),
      Map.entry("INVALID CLOSE", CLOSED),
      Map.entry("VALID ACCEPT", ACCEPTED),
      Map.entry("VALID DEFER", DEFERRED),
      Map.entry("ACCEPTED DEFER", DEFERRED),
      Map.entry("ACCEPTED CLOSE", CLOSED),
      Map.entry("DEFERRED ACCEPT", ACCEPTED),
      Map.entry("DEFERRED CLOSE", CLOSED));

  @Test
  void everyStateAndEventFollowsVultronsDiagram() {
    int legal = 0;
    int refused = 0;
    for (RmState from : RmState.values()) {
      for (RmEvent event : RmEvent.values()) {
        RmState expected = VULTRON.get(from + " " + event);
        if (expected != null) {
          assertThat(ReportManagement.next(from, event)).as(from + " " + event).isEqualTo(expected);
          assertThat(ReportManagement.allowed(from)).contains(event);
          legal++;
        } else {
          assertThatThrownBy(() -> ReportManagement.next(from, event))
              .as(from + " " + event)
              .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                assertThat(e.getMessage()).startsWith("RM: cannot " + event + " from " + from + ": ");
                assertThat(e.reason()).isNotBlank();
                assertThat(e.machine()).isEqualTo(IllegalTransitionException.Machine.RM);
              });
          assertThat(ReportManagement.allowed(from)).doesNotContain(event);
          refused++;
        }
      }
    }
    assertThat(legal).isEqualTo(12);
    assertThat(refused).isEqualTo(7 * 6 - 12);
  }

  @Test
  void refusalsNameTheVultronRule() {
    assertThatThrownBy(() -> ReportManagement.next(VALID, CLOSE)).hasMessageContaining("RMB-10-002");
    assertThatThrownBy(() -> ReportManagement.next(CLOSED, RECEIVE)).hasMessageContaining("RMB-14-002");
    assertThatThrownBy(() -> ReportManagement.next(START, VALIDATE)).hasMessageContaining("not been received");
    assertThatThrownBy(() -> ReportManagement.next(ACCEPTED, RECEIVE)).hasMessageContaining("duplicate");
  }

  @Test
  void aDuplicateReportIsValidThenDeferredNeverInvalid() {
    RmState s = START;
    for (RmEvent e : new RmEvent[] {RECEIVE, VALIDATE, DEFER, CLOSE}) {
      s = ReportManagement.next(s, e);
    }
    assertThat(s).isEqualTo(CLOSED);
    assertThat(ReportManagement.allowed(CLOSED)).as("closed is final: no reopening in Vultron").isEmpty();
    for (RmState state : RmState.values()) {
      assertThat(ReportManagement.mayNotifyOthers(state)).as(state.name()).isEqualTo(state == ACCEPTED);
    }
    assertThat(INVALIDATE.letter()).isEqualTo('i');
    assertThat(ACCEPTED.letter()).isEqualTo('A');
  }
}
