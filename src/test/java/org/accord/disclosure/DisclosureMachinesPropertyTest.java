package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.accord.disclosure.EmbargoManagement.Consequence;
import org.junit.jupiter.api.Test;

/**
 * Random event sequences over one case (two RM participants, EM, three PEC participants, two vendors)
 * with the invariants checked after every step. Refused events must leave everything unchanged and
 * name their state and event; accepted ones go through the cascades as the app layer will apply them.
 */
class DisclosureMachinesPropertyTest {
  static final long SEED = 0xACC0_2026_0009L;
  static final int SEQUENCES = 10_000;
  static final int STEPS = 40;
  static final long[] VENDORS = {1, 2};

  RmState[] rm;
  RmState[] rmBefore;
  EmState em;
  PecState[] pec;
  CaseState cs;
  int accepted;
  int refused;
  int embargoesEndedByTheCaseState;

  @Test
  void invariantsHoldUnderRandomSequences() {
    Random random = new Random(SEED);
    for (int sequence = 0; sequence < SEQUENCES; sequence++) {
      rm = new RmState[] {RmState.START, RmState.START};
      em = EmState.NONE;
      pec = new PecState[] {PecState.NO_EMBARGO, PecState.NO_EMBARGO, PecState.NO_EMBARGO};
      cs = CaseState.INITIAL.withVendor(VENDORS[0]).withVendor(VENDORS[1]);
      for (int step = 0; step < STEPS; step++) {
        rmBefore = rm.clone();
        EmState emBefore = em;
        CaseState csBefore = cs;
        PecState[] pecBefore = pec.clone();
        try {
          step(random);
          accepted++;
        } catch (IllegalTransitionException e) {
          refused++;
          assertThat(e.getMessage()).contains(e.from()).contains(e.event()).contains(": cannot ");
          assertThat(rm).isEqualTo(rmBefore);
          assertThat(em).isEqualTo(emBefore);
          assertThat(pec).isEqualTo(pecBefore);
          assertThat(cs).isEqualTo(csBefore);
        }
        checkInvariants(emBefore, csBefore);
      }
    }
    assertThat(accepted).as("the walk exercises legal transitions").isGreaterThan(SEQUENCES * 5);
    assertThat(refused).as("and illegal ones").isGreaterThan(SEQUENCES * 5);
    assertThat(embargoesEndedByTheCaseState).as("and the P/X cascade").isGreaterThan(100);
  }

  private void step(Random random) {
    switch (random.nextInt(4)) {
      case 0: {
        int who = random.nextInt(rm.length);
        RmState next = ReportManagement.next(rm[who], pick(random, RmEvent.values()));
        rm[who] = next;
        break;
      }
      case 1: {
        EmEvent event = pick(random, EmEvent.values());
        EmState next = EmbargoManagement.next(em, event, cs.pxa());
        boolean longer = random.nextBoolean();
        for (int i = 0; i < pec.length; i++) {
          pec[i] = event == EmEvent.ACCEPT_REVISION
              ? EmbargoNegotiation.onDecision(EmbargoPosition.of(pec[i]), em, event, i == 0, longer).consent()
              : EmbargoConsent.afterEmbargo(pec[i], em, event);
        }
        em = next;
        break;
      }
      case 2: {
        int who = random.nextInt(pec.length);
        pec[who] = EmbargoConsent.next(pec[who], pick(random, PecEvent.values()), em);
        break;
      }
      default: {
        CsEvent event = pick(random, CsEvent.values());
        CaseState next = event.perVendor() ? cs.next(VENDORS[random.nextInt(VENDORS.length)], event) : cs.next(event);
        Consequence consequence = EmbargoManagement.onCaseStateChange(em, cs.pxa(), next.pxa());
        cs = next;
        if (consequence.mustEnd()) {
          EmEvent end = consequence.event().orElseThrow();
          for (int i = 0; i < pec.length; i++) {
            pec[i] = EmbargoConsent.afterEmbargo(pec[i], em, end);
          }
          em = EmbargoManagement.next(em, end, cs.pxa());
          embargoesEndedByTheCaseState++;
        }
        break;
      }
    }
  }

  private void checkInvariants(EmState emBefore, CaseState csBefore) {
    PxaState pxa = cs.pxa();
    assertThat(!pxa.exploitPublic() || pxa.publicAware()).as("X implies P").isTrue();
    for (VfdState v : cs.vendors().values()) {
      assertThat(!v.fixDeployed() || v.fixReady()).as("D implies F").isTrue();
      assertThat(!v.fixReady() || v.vendorAware()).as("F implies V").isTrue();
      assertThat(!pxa.publicAware() || v.vendorAware()).as("P implies V").isTrue();
    }
    for (long vendor : VENDORS) {
      String before = csBefore.code(vendor);
      String after = cs.code(vendor);
      for (int i = 0; i < 6; i++) {
        assertThat(Character.isUpperCase(before.charAt(i)) && Character.isLowerCase(after.charAt(i)))
            .as("history is immutable: " + before + " -> " + after).isFalse();
      }
    }
    if (pxa.publicAware()) {
      assertThat(em).as("no embargo or proposal once public (" + cs.code() + ")").isIn(EmState.NONE, EmState.EXITED);
    }
    if (em == EmState.PROPOSED) {
      assertThat(pxa.any()).as("no open proposal once P, X or A").isFalse();
    }
    if (em == EmState.NONE || em == EmState.EXITED) {
      assertThat(pec).as("no consent without terms").containsOnly(PecState.NO_EMBARGO);
    }
    if (emBefore == EmState.EXITED) {
      assertThat(em).as("an ended embargo stays ended").isEqualTo(EmState.EXITED);
    }
    if (emBefore == EmState.NONE && em.inForce()) {
      throw new AssertionError("an embargo came into force without a proposal");
    }
    for (int i = 0; i < rm.length; i++) {
      if (rmBefore[i] == RmState.CLOSED) {
        assertThat(rm[i]).as("closed is final").isEqualTo(RmState.CLOSED);
      }
      if (rmBefore[i] == RmState.VALID) {
        assertThat(rm[i]).as("never valid to closed").isNotEqualTo(RmState.CLOSED);
      }
      if (rm[i] != rmBefore[i] && rm[i] == RmState.INVALID) {
        assertThat(rmBefore[i]).as("only a received report is invalidated").isEqualTo(RmState.RECEIVED);
      }
    }
    assertThat(Arrays.stream(pec).filter(PecState::bound).count() == 0 || em != EmState.NONE).isTrue();
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
