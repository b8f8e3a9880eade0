package org.accord.disclosure;

import java.util.Locale;
import java.util.Set;
import org.accord.disclosure.IllegalTransitionException.Machine;

/**
 * Report Management (RM): the per-participant life of a report, from receipt through validation and
 * prioritization to closure, as a pure function {@link #next(RmState, RmEvent)}.
 *
 * <p>Stateless and thread-safe. Nothing is null. An event the model does not allow from a state throws
 * {@link IllegalTransitionException} naming the state, the event and the reason.
 */
public final class ReportManagement {
  /*
   * What. Vultron models report handling as a DFA per participant (docs/topics/process_models/rm/
   * index.md, rm/formal_model.md, rm/rm_state_machine_diagram.md):
   *
   *   S -r-> R;  R -v-> V | -i-> I | -c-> C;  I -v-> V | -c-> C;  V -a-> A | -d-> D;
   *   A -d-> D | -c-> C;  D -a-> A | -c-> C;  C final.
   *
   * The behavioural requirements in specs/rm-behavior.yaml pin the edges that matter to users:
   * RMB-01-001 (S -r-> R, the only way out of Start), RMB-09-001 (Received is validated: to Valid or
   * Invalid), RMB-10-001 and RMB-10-002 (Valid is prioritized: to Accepted or Deferred, never straight
   * to Closed), RMB-11-003 (Invalid MAY be revalidated), RMB-11-004 (Invalid MAY be closed), RMB-12-002
   * (Deferred work MAY resume: D -a-> A), RMB-13 (Accepted), RMB-14-002 (Closed is final: there is no
   * reopening in Vultron, and so none here; a new report starts a new RM history).
   *
   * RM is per participant (CM-01-002, CM-03-002 in specs/case-management.md): the caller keeps one
   * RmState per (participant, report) pair.
   *
   * How. The table ({@link TransitionTable}) is an EnumMap from state to an EnumMap from event to target, built once; a missing
   * entry is an illegal transition. The reason for a refusal comes from a second, smaller table of the
   * refusals Vultron names, so the user reads the requirement rather than "not allowed".
   *
   * Why. A table is the DFA as written in the documents, so it can be checked against them line by line
   * and exhaustively tested (state x event). The duplicate rule of the issue (a duplicate is valid, then
   * deferred, never invalid; RMB-11-002) is a path through this table, not an extra state.
   *
   * [1] CERT/CC Vultron, docs/topics/process_models/rm/index.md and rm/formal_model.md.
   * [2] CERT/CC Vultron, specs/rm-behavior.yaml, groups RMB-01 and RMB-09 to RMB-14.
   */

  private static final TransitionTable<RmState, RmEvent> TABLE = new TransitionTable<>(RmState.class, RmEvent.class);

  static {
    TABLE.edge(RmState.START, RmEvent.RECEIVE, RmState.RECEIVED);
    TABLE.edge(RmState.RECEIVED, RmEvent.VALIDATE, RmState.VALID);
    TABLE.edge(RmState.RECEIVED, RmEvent.INVALIDATE, RmState.INVALID);
    TABLE.edge(RmState.RECEIVED, RmEvent.CLOSE, RmState.CLOSED);
    TABLE.edge(RmState.INVALID, RmEvent.VALIDATE, RmState.VALID);
    TABLE.edge(RmState.INVALID, RmEvent.CLOSE, RmState.CLOSED);
    TABLE.edge(RmState.VALID, RmEvent.ACCEPT, RmState.ACCEPTED);
    TABLE.edge(RmState.VALID, RmEvent.DEFER, RmState.DEFERRED);
    TABLE.edge(RmState.ACCEPTED, RmEvent.DEFER, RmState.DEFERRED);
    TABLE.edge(RmState.ACCEPTED, RmEvent.CLOSE, RmState.CLOSED);
    TABLE.edge(RmState.DEFERRED, RmEvent.ACCEPT, RmState.ACCEPTED);
    TABLE.edge(RmState.DEFERRED, RmEvent.CLOSE, RmState.CLOSED);
  }

  private ReportManagement() {}


  /**
   * The state after {@code event} in {@code from}.
   *
   * @throws IllegalTransitionException if Vultron's RM model has no such transition
   */
  public static RmState next(RmState from, RmEvent event) {
    RmState to = TABLE.target(from, event);
    if (to == null) {
      throw new IllegalTransitionException(Machine.RM, from.name(), event.name(), reason(from, event));
    }
    return to;
  }

  /** The events allowed in {@code state}, in declaration order; empty for Closed. */
  public static Set<RmEvent> allowed(RmState state) {
    return TABLE.allowed(state);
  }

  /**
   * Whether a participant in {@code state} may bring others into the coordination (invite vendors,
   * send the report on): only from Accepted (RMB-13-001, constraint C-04).
   */
  public static boolean mayNotifyOthers(RmState state) {
    return state == RmState.ACCEPTED;
  }

  private static String reason(RmState from, RmEvent event) {
    if (from == RmState.CLOSED) {
      return "a closed report is final; submit a new report to start again (RMB-14-002)";
    }
    if (from == RmState.START) {
      return "the report has not been received by this participant yet (RMB-01-001)";
    }
    if (event == RmEvent.RECEIVE) {
      return "the report was already received; a duplicate submission changes no state (RMB-01-004)";
    }
    if (from == RmState.VALID && event == RmEvent.CLOSE) {
      return "a valid report is accepted or deferred before it is closed (RMB-10-002)";
    }
    if (from == RmState.RECEIVED) {
      return "a received report is validated or invalidated first (RMB-09-001)";
    }
    if (from == RmState.INVALID) {
      return "an invalid report is revalidated or closed (RMB-11-003, RMB-11-004)";
    }
    if (event == RmEvent.VALIDATE || event == RmEvent.INVALIDATE) {
      return "the report was already validated (RMB-10-001)";
    }
    return "the report is already " + from.name().toLowerCase(Locale.ROOT)
        + "; allowed here: " + allowed(from);
  }
}
