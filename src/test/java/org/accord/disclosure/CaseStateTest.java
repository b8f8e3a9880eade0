package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;

class CaseStateTest {
  static final long VENDORA = 1;
  static final long LIBRA = 2;

  /**
   * Vultron's δ^cs (cs/transitions.md) as a rule over six-letter codes: an event turns its letter to
   * upper case; F needs V and D needs F; from v..P.. only V may happen, from ...pX. only P. Returns
   * null where δ^cs has no edge.
   */
  static String vultronNext(String code, char event) {
    int i = "VFDPXA".indexOf(event);
    if (Character.isUpperCase(code.charAt(i))) {
      return null;
    }
    boolean vendorBehindPublic = code.charAt(0) == 'v' && code.charAt(3) == 'P';
    boolean exploitBeforePublic = code.charAt(3) == 'p' && code.charAt(4) == 'X';
    if ((vendorBehindPublic && event != 'V') || (exploitBeforePublic && event != 'P')) {
      return null;
    }
    if ((event == 'F' && code.charAt(0) == 'v') || (event == 'D' && code.charAt(1) == 'f')) {
      return null;
    }
    char[] c = code.toCharArray();
    c[i] = event;
    return new String(c);
  }

  /** Vultron's state after the event, with its transient states (vP, pX) resolved as Vultron resolves them. */
  static String vultronSettled(String code, char event) {
    String s = vultronNext(code, event);
    if (s == null) {
      return null;
    }
    if (s.charAt(3) == 'p' && s.charAt(4) == 'X') {
      s = vultronNext(s, 'P');
    }
    if (s.charAt(0) == 'v' && s.charAt(3) == 'P') {
      s = vultronNext(s, 'V');
    }
    return s;
  }

  /** Every one-vendor case state that satisfies the invariants. */
  static List<CaseState> allOneVendor() {
    List<CaseState> all = new ArrayList<>();
    List<VfdState> vfds = List.of(VfdState.UNAWARE, VfdState.AWARE, new VfdState(true, true, false),
        new VfdState(true, true, true));
    for (PxaState pxa : EmbargoManagementTest.allPxa()) {
      for (VfdState v : vfds) {
        if (!pxa.publicAware() || v.vendorAware()) {
          all.add(new CaseState(pxa, Map.of(VENDORA, v)));
        }
      }
    }
    return all;
  }

  @Test
  void everyStateAndEventAgreesWithVultronsGrammar() {
    int legal = 0;
    int refused = 0;
    List<CaseState> states = allOneVendor();
    assertThat(states).hasSize(2 * 4 + 4 * 3); // p-states with any VFD, P-states only with V
    for (CaseState s : states) {
      String from = s.code(VENDORA);
      for (CsEvent event : CsEvent.values()) {
        String expected = vultronSettled(from, event.letter());
        if (expected != null) {
          CaseState after = event.perVendor() ? s.next(VENDORA, event) : s.next(event);
          assertThat(after.code(VENDORA)).as(from + " " + event).isEqualTo(expected);
          legal++;
        } else {
          assertThatThrownBy(() -> {
            if (event.perVendor()) {
              s.next(VENDORA, event);
            } else {
              s.next(event);
            }
          }).as(from + " " + event)
              .isInstanceOf(IllegalTransitionException.class)
              .hasMessageStartingWith("CS: cannot " + event + " from "
                  + (event.perVendor() ? from : s.code()) + ": ");
          refused++;
        }
      }
    }
    assertThat(legal + refused).isEqualTo(20 * 6);
    assertThat(legal).isPositive();
    assertThat(refused).isPositive();
  }

  @Test
  void theFixPathIsCausal() {
    CaseState s = CaseState.INITIAL.withVendor(VENDORA);
    assertThat(s.code(VENDORA)).isEqualTo("vfdpxa");
    assertThatThrownBy(() -> s.next(VENDORA, CsEvent.FIX_READY)).hasMessageContaining("F implies V");
    CaseState aware = s.next(VENDORA, CsEvent.VENDOR_AWARE);
    assertThatThrownBy(() -> aware.next(VENDORA, CsEvent.FIX_DEPLOYED)).hasMessageContaining("D implies F");
    assertThatThrownBy(() -> new VfdState(false, true, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VfdState(true, false, true)).isInstanceOf(IllegalArgumentException.class);
    assertThat(aware.next(VENDORA, CsEvent.FIX_READY).next(VENDORA, CsEvent.FIX_DEPLOYED).code(VENDORA))
        .isEqualTo("VFDpxa");
    assertThatThrownBy(() -> aware.next(VENDORA, CsEvent.VENDOR_AWARE)).hasMessageContaining("already");
  }

  @Test
  void anExploitMadePublicMakesThePublicAwareAndThePublicMakesEveryVendorAware() {
    CaseState s = CaseState.INITIAL.withVendor(VENDORA).withVendor(LIBRA).next(VENDORA, CsEvent.VENDOR_AWARE)
        .next(VENDORA, CsEvent.FIX_READY);
    assertThat(s.code(LIBRA)).isEqualTo("vfdpxa");
    CaseState exploited = s.next(CsEvent.EXPLOIT_PUBLIC);
    assertThat(exploited.pxa()).isEqualTo(new PxaState(true, true, false));
    assertThat(exploited.code(VENDORA)).isEqualTo("VFdPXa");
    assertThat(exploited.code(LIBRA)).isEqualTo("VfdPXa");
    assertThat(exploited.code()).isEqualTo("...PXa");
    assertThatThrownBy(() -> exploited.next(CsEvent.PUBLIC_AWARE)).hasMessageContaining("already aware");
    assertThat(exploited.withVendor(3).code(3)).as("a vendor joining a public case joins aware").isEqualTo("VfdPXa");
    assertThatThrownBy(() -> new PxaState(false, true, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CaseState(new PxaState(true, false, false), Map.of(VENDORA, VfdState.UNAWARE)))
        .isInstanceOf(IllegalArgumentException.class);
    CaseState attacked = s.next(CsEvent.ATTACKS_OBSERVED);
    assertThat(attacked.code(LIBRA)).as("attacks do not make the public aware").isEqualTo("vfdpxA");
  }

  @Test
  void eventsGoToTheRightHalfAndVendorsMustBeParticipants() {
    CaseState s = CaseState.INITIAL.withVendor(VENDORA);
    assertThatThrownBy(() -> s.next(CsEvent.FIX_READY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.next(VENDORA, CsEvent.PUBLIC_AWARE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.next(99, CsEvent.VENDOR_AWARE)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("99");
    assertThat(s.withVendor(VENDORA)).isSameAs(s);
    assertThatThrownBy(() -> s.vendors().put(5L, VfdState.UNAWARE)).isInstanceOf(UnsupportedOperationException.class);
  }
}
