package org.accord.disclosure;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.accord.InvalidInputException;

/**
 * How the finder wants to be credited when the case is published. Without a stated preference a
 * report is {@link Preference#ANONYMOUS}: no name is published that its owner did not ask for.
 * Immutable and thread-safe.
 *
 * @param preference named, anonymous, or no credit
 * @param name the name to credit, present exactly when the preference is {@link Preference#NAMED}:
 *     stripped, 1 to {@link #MAX_NAME_CHARS} characters, no control characters
 */
public record Credit(Preference preference, Optional<String> name) {
  public static final int MAX_NAME_CHARS = 200;

  /** The three choices. */
  public enum Preference {
    /** Credit under the given name. */
    NAMED,
    /** Credit "an anonymous researcher". */
    ANONYMOUS,
    /** No credit at all. */
    NONE;

    /** {@code named}, {@code anonymous}, {@code none}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInputException with location {@code credit}, naming the value */
    public static Preference parse(String label) {
      for (Preference preference : values()) {
        if (label != null && preference.label().equalsIgnoreCase(label.strip())) {
          return preference;
        }
      }
      throw new InvalidInputException("unknown credit preference '" + label + "'; accepted: named, anonymous, none",
          "credit");
    }
  }

  /** @throws InvalidInputException with location {@code credit.name} */
  public Credit {
    Objects.requireNonNull(preference, "preference");
    Objects.requireNonNull(name, "name");
    if (preference == Preference.NAMED) {
      String text = name.map(String::strip).orElse("");
      if (text.isEmpty()) {
        throw new InvalidInputException("named credit needs the name to credit", "credit.name");
      }
      if (text.length() > MAX_NAME_CHARS || text.chars().anyMatch(Character::isISOControl)) {
        throw new InvalidInputException("the credit name must be at most " + MAX_NAME_CHARS
            + " characters without control characters", "credit.name");
      }
      name = Optional.of(text);
    } else if (name.isPresent()) {
      throw new InvalidInputException("a name is given only with named credit", "credit.name");
    }
  }

  /** Credit under this name. */
  public static Credit named(String name) {
    return new Credit(Preference.NAMED, Optional.ofNullable(name));
  }

  /** Anonymous credit, the default. */
  public static Credit anonymous() {
    return new Credit(Preference.ANONYMOUS, Optional.empty());
  }

  /** No credit. */
  public static Credit none() {
    return new Credit(Preference.NONE, Optional.empty());
  }
}
