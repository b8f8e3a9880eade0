package org.accord.disclosure.plan;

import java.util.Locale;

/**
 * Where a stored plan of a case stands (ADR 0134). A case has at most one draft and at most one adopted
 * plan; adopting a draft supersedes the adopted one, so an adopted plan is never rewritten.
 */
public enum PlanState {
  /** Computed, not yet in force: recomputing replaces it. */
  DRAFT,
  /** In force: its waves go out at their due times. */
  ADOPTED,
  /** Was in force until another draft was adopted; kept as history, its unsent waves never go out. */
  SUPERSEDED;

  /** The lower-case label stored and shown. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state with this label. */
  public static PlanState parse(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
