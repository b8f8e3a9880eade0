package org.accord.jurisdiction;

import java.util.Objects;
import org.accord.InvalidInputException;

/**
 * Whom a {@link Obligation.Notify} goes to. A plan resolves the kind to participants: a named authority
 * by its name, the national CSIRT by the bound party's country, the component's maintainer by the
 * dependency path.
 *
 * @param kind what the recipient is
 * @param name the authority's name ({@code ENISA}, {@code MIIT}); required for {@link Kind#AUTHORITY},
 *     else an optional description ("the CSIRT designated as coordinator")
 */
public record Recipient(Kind kind, String name) {
  /** The closed set of recipients a rule can name. */
  public enum Kind {
    /** A named public body, such as ENISA or China's MIIT. */
    AUTHORITY,
    /** The CSIRT of the bound party's country (under the CRA, the one designated as coordinator). */
    NATIONAL_CSIRT,
    /** The competent authority of the bound party's country. */
    COMPETENT_AUTHORITY,
    /** Whoever maintains the integrated component the flaw is in. */
    COMPONENT_MAINTAINER
  }

  public Recipient {
    Objects.requireNonNull(kind, "kind");
    name = name == null || name.isBlank() ? null : name.strip();
    if (kind == Kind.AUTHORITY && name == null) {
      throw new InvalidInputException("an authority recipient needs its name", "name");
    }
  }
}
