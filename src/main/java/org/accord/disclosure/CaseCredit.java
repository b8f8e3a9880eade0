package org.accord.disclosure;

import java.util.Locale;
import org.accord.InvalidInputException;

/**
 * A participant's own choice of whether a published case may name it (ADR 0115): the case event
 * {@code case.credit_set}, which only the participant itself writes. Without a choice the default is
 * {@link RevealPolicy#nameable}'s: the finder's credit preference from its report, else public for the
 * kinds of organization that act in the open (vendors, maintainers, CERTs) and anonymous for the rest.
 */
public enum CaseCredit {
  /** The published history may name the organization (CSAF {@code acknowledgments}: credited). */
  PUBLIC,
  /** Events that name the organization stay withheld when the case is published. */
  ANONYMOUS;

  /** {@code public} or {@code anonymous}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws InvalidInputException with location {@code credit}, naming the accepted values */
  public static CaseCredit parse(String label) {
    for (CaseCredit credit : values()) {
      if (label != null && credit.label().equalsIgnoreCase(label.strip())) {
        return credit;
      }
    }
    throw new InvalidInputException("unknown credit '" + label + "'; accepted: public, anonymous", "credit");
  }
}
