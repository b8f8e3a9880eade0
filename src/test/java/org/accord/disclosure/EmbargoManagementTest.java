package org.accord.disclosure;

import static org.accord.disclosure.EmState.ACTIVE;
import static org.accord.disclosure.EmState.EXITED;
import static org.accord.disclosure.EmState.NONE;
import static org.accord.disclosure.EmState.PROPOSED;
import static org.accord.disclosure.EmState.REVISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.disclosure.EmbargoManagement.Consequence;
import org.junit.jupiter.api.Test;

class EmbargoManagementTest {
  /** Vultron's δ^em (em/formal_model.md) with p, a, r in Revise spelled as revision events. */
  static final Map<String, EmState> VULTRON = Map.ofEntries(
      Map.entry("NONE PROPOSE", PROPOSED),
      Map.entry("PROPOSED PROPOSE", PROPOSED),
      Map.entry("PROPOSED REJECT", NONE),
      Map.entry("PROPOSED ACCEPT", ACTIVE),
      Map.entry("ACTIVE PROPOSE_REVISION", REVISE),
      Map.entry("ACTIVE TERMINATE", EXITED),
      Map.entry("REVISE PROPOSE_REVISION", REVISE),
      Map.entry("REVISE ACCEPT_REVISION", ACTIVE),
      Map.entry("REVISE REJECT_REVISION", ACTIVE),
      Map.entry("REVISE TERMINATE", EXITED));

  static final Set<EmEvent> STARTS_OR_EXTENDS =
      EnumSet.of(EmEvent.PROPOSE, EmEvent.ACCEPT, EmEvent.PROPOSE_REVISION, EmEvent.ACCEPT_REVISION);

  /** The six PXA states that satisfy X implies P. */
  static List<PxaState> allPxa() {
    List<PxaState> all = new ArrayList<>();
    for (int bits = 0; bits < 8; bits++) {
      boolean p = (bits & 4) != 0;
      boolean x = (bits & 2) != 0;
      boolean a = (bits & 1) != 0;
      if (!x || p) {
        all.add(new PxaState(p, x, a));
      }
    }
    return all;
  }

  @Test
  void everyStateEventAndCaseStateFollowsTheGrammarAndTheGuard() {
    int legal = 0;
    int refused = 0;
    for (PxaState pxa : allPxa()) {
      for (EmState from : EmState.values()) {
        for (EmEvent event : EmEvent.values()) {
          EmState expected = VULTRON.get(from + " " + event);
          boolean guarded = pxa.any() && STARTS_OR_EXTENDS.contains(event);
          if (expected != null && !guarded) {
            assertThat(EmbargoManagement.next(from, event, pxa)).as(from + " " + event + " " + pxa.code())
                .isEqualTo(expected);
            legal++;
          } else {
            assertThatThrownBy(() -> EmbargoManagement.next(from, event, pxa))
                .as(from + " " + event + " " + pxa.code())
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageStartingWith("EM: cannot " + event + " from " + from + ": ");
            refused++;
          }
        }
      }
    }
    assertThat(legal).isEqualTo(10 + 5 * 4); // all ten under pxa; reject, reject-revision and two terminates otherwise
    assertThat(refused).isEqualTo(6 * 5 * 7 - legal);
  }

  @Test
  void noEmbargoStartsOnceTheCaseIsPublicExploitedOrAttacked() {
    for (PxaState pxa : List.of(new PxaState(true, false, false), new PxaState(true, true, false),
        new PxaState(false, false, true))) {
      assertThatThrownBy(() -> EmbargoManagement.next(NONE, EmEvent.PROPOSE, pxa))
          .hasMessageContaining(pxa.code()).hasMessageContaining("VP-06-001");
      assertThatThrownBy(() -> EmbargoManagement.next(PROPOSED, EmEvent.ACCEPT, pxa))
          .hasMessageContaining("EMB-02-002");
      assertThat(EmbargoManagement.next(PROPOSED, EmEvent.REJECT, pxa)).isEqualTo(NONE);
      assertThat(EmbargoManagement.next(ACTIVE, EmEvent.TERMINATE, pxa)).isEqualTo(EXITED);
    }
  }

  @Test
  void publicOrExploitEndsTheEmbargoAndAttacksRecommendEndingIt() {
    PxaState none = PxaState.INITIAL;
    PxaState pub = new PxaState(true, false, false);
    PxaState exploit = new PxaState(true, true, false);
    PxaState attacks = new PxaState(false, false, true);
    for (EmState inForce : List.of(ACTIVE, REVISE)) {
      assertThat(EmbargoManagement.onCaseStateChange(inForce, none, pub)).isEqualTo(Consequence.TERMINATE);
      assertThat(EmbargoManagement.onCaseStateChange(inForce, pub, exploit)).isEqualTo(Consequence.TERMINATE);
      assertThat(EmbargoManagement.onCaseStateChange(inForce, none, attacks))
          .isEqualTo(Consequence.RECOMMEND_TERMINATION);
      assertThat(EmbargoManagement.mustEnd(inForce, none, attacks)).isFalse();
      assertThat(EmbargoManagement.mustEnd(inForce, none, exploit)).isTrue();
      EmState after = EmbargoManagement.next(inForce, Consequence.TERMINATE.event().orElseThrow(), exploit);
      assertThat(after).isEqualTo(EXITED);
    }
    assertThat(EmbargoManagement.onCaseStateChange(PROPOSED, none, pub)).isEqualTo(Consequence.ABANDON_PROPOSAL);
    assertThat(EmbargoManagement.onCaseStateChange(PROPOSED, none, attacks)).isEqualTo(Consequence.ABANDON_PROPOSAL);
    assertThat(EmbargoManagement.next(PROPOSED, Consequence.ABANDON_PROPOSAL.event().orElseThrow(), pub))
        .isEqualTo(NONE);
    for (EmState quiet : List.of(NONE, EXITED)) {
      assertThat(EmbargoManagement.onCaseStateChange(quiet, none, exploit)).isEqualTo(Consequence.NONE);
    }
    assertThat(EmbargoManagement.onCaseStateChange(ACTIVE, pub, pub)).as("no change, no consequence")
        .isEqualTo(Consequence.NONE);
    assertThat(EmbargoManagement.onCaseStateChange(ACTIVE, attacks, attacks)).isEqualTo(Consequence.NONE);
  }
}
