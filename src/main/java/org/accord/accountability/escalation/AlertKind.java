package org.accord.accountability.escalation;

import java.util.Locale;

/** The anomalies Accord raises alerts for (issue 12 item 6, ADR 0155). */
public enum AlertKind {
  /** Attacks observed (Vultron A) or an exploit made public (X) while an embargo held. */
  EMBARGO_BREACH,
  /** The share of affected deployments still on affected versions N days after a fix (F) did not shrink. */
  EXPOSURE_PERSISTS,
  /** A participant silent past its pledge: a pledge deadline missed. */
  SILENT_PARTICIPANT;

  /** The label in events and answers. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a case-state change breached an embargo, from its {@code case.state_changed} data: an A or X
   * whose consequence for the embargo was to recommend ending it or to end it (Vultron
   * docs/topics/process_models/cs/transitions.md; ADR 0114), that is, an embargo in force held.
   */
  public static boolean breach(java.util.Map<String, Object> stateChanged) {
    Object event = stateChanged.get("event");
    Object embargo = stateChanged.get("embargo");
    return ("attacks_observed".equals(event) || "exploit_public".equals(event))
        && ("recommend_termination".equals(embargo) || "terminate".equals(embargo));
  }
}
