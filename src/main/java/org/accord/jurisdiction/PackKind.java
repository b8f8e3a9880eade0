package org.accord.jurisdiction;

/** What a rule pack holds; each kind fills one list of {@link RulePack} and leaves the others empty. */
public enum PackKind {
  /** Legal obligations: {@link RulePack#rules()}. */
  LAW,
  /** Published disclosure deadlines a case can adopt: {@link RulePack#policies()}. */
  POLICIES,
  /** Jurisdictions an instance may not deal with: {@link RulePack#blocked()}. */
  SANCTIONS
}
