package org.accord.identity;

/**
 * One vers constraint: a comparator and a parsed version. Immutable.
 *
 * @param op the comparator
 * @param version the version it compares against
 */
record Constraint(Op op, Version version) {

  /** The vers comparators; the equality comparator is written as nothing. */
  enum Op {
    EQ(""),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    String symbol() {
      return symbol;
    }

    /** {@code <} or {@code <=}. */
    boolean isUpper() {
      return this == LT || this == LE;
    }

    /** {@code >} or {@code >=}. */
    boolean isLower() {
      return this == GT || this == GE;
    }

    /** A comparator that includes its own version: {@code =}, {@code <=} or {@code >=}. */
    boolean includesVersion() {
      return this == EQ || this == LE || this == GE;
    }
  }

  /** The constraint as vers writes it, its version percent-encoded. */
  String render() {
    return op.symbol() + Vers.encode(version.text());
  }
}
