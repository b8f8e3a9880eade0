package org.accord.advisory;

import java.util.Objects;

/**
 * A reference an advisory gives: OSV's reference type (such as {@code ADVISORY}, {@code FIX} or
 * {@code EVIDENCE}; {@code WEB} for CSAF references) and the URL. Immutable; nothing is null.
 *
 * @param type the reference type
 * @param url the URL
 */
public record Reference(String type, String url) {
  public Reference {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
  }

  /**
   * Whether the reference demonstrates exploitation: OSV's {@code EVIDENCE} type, "a demonstration of
   * the validity of a vulnerability claim, e.g. replaying the exploitation of the vulnerability".
   */
  public boolean exploit() {
    return type.equals("EVIDENCE");
  }
}
