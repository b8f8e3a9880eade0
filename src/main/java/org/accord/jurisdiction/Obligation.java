package org.accord.jurisdiction;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accord.InvalidInputException;

/**
 * What a {@link Rule} requires of the party it binds: notify someone within a term, or keep unpublished
 * details from parties outside a set of countries. A closed set; the pack's {@code type} names which
 * ({@code notify}, {@code restrict_sharing}), and any other is refused.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Obligation.Notify.class, name = "notify"),
  @JsonSubTypes.Type(value = Obligation.RestrictSharing.class, name = "restrict_sharing")
})
public sealed interface Obligation {

  /**
   * Notify {@code recipients} within {@code within} of the clock {@code clock}: one stage of a
   * reporting duty (an early warning, a notification, a final report).
   *
   * @param recipients whom to notify; at least one
   * @param within the term the law gives, or null when it states none ("without undue delay"): the plan
   *     then shows the duty without a due time
   * @param stage the stage's name in the law's words, such as {@code early warning}
   * @param clock when the term starts
   * @param after for {@link ClockStart#AFTER_RULE}, the id of the rule (in the same pack, listed before
   *     this one) whose notification starts the term; null otherwise
   */
  record Notify(List<Recipient> recipients, Term within, String stage, ClockStart clock, String after)
      implements Obligation {
    public Notify {
      recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
      if (recipients.isEmpty()) {
        throw new InvalidInputException("a notification needs at least one recipient", "recipients");
      }
      if (stage == null || stage.isBlank()) {
        throw new InvalidInputException("a notification names its stage", "stage");
      }
      stage = stage.strip();
      Objects.requireNonNull(clock, "clock");
      if ((clock == ClockStart.AFTER_RULE) != (after != null)) {
        throw new InvalidInputException(
            "'after' names the rule whose notification starts the clock, and is given exactly when clock is after_rule",
            "after");
      }
    }

    /** The term, if the law states one. */
    public Optional<Term> term() {
      return Optional.ofNullable(within);
    }

    /**
     * When this notification is due, given the instants at which the case's clocks started for the
     * bound party ({@link ClockStart#AFTER_RULE}: the due time or sending time of the rule named by
     * {@link #after()}).
     *
     * @return empty while the clock has not started, or when the law states no term
     */
    public Optional<Instant> dueAt(Map<ClockStart, Instant> started) {
      Instant start = started.get(clock);
      return start == null || within == null ? Optional.empty() : Optional.of(within.after(start));
    }
  }

  /**
   * Do not give unpublished details of the vulnerability to a party whose country is outside {@code
   * countries}, unless the party is one of {@code except}.
   *
   * @param countries where recipients may be (ISO codes or {@code EU}); at least one
   * @param except who may receive the details wherever it is
   */
  record RestrictSharing(List<String> countries, List<Exemption> except) implements Obligation {
    /** A party exempt from the restriction, wherever it is. */
    public enum Exemption {
      /** The provider of the affected product (CN RMSV Art. 9(7)). */
      PRODUCT_PROVIDER
    }

    public RestrictSharing {
      countries = List.copyOf(Objects.requireNonNull(countries, "countries"));
      if (countries.isEmpty()) {
        throw new InvalidInputException("a sharing restriction names the countries recipients may be in", "countries");
      }
      for (int i = 0; i < countries.size(); i++) {
        try {
          Countries.require(countries.get(i));
        } catch (InvalidInputException e) {
          throw new InvalidInputException(e.getMessage(), "countries/" + i);
        }
      }
      except = except == null ? List.of() : List.copyOf(except);
    }

    /**
     * Whether giving unpublished details to a recipient in {@code recipientCountry} (null when unknown,
     * which counts as outside: the law cannot be shown to allow it) is forbidden, when the recipient
     * qualifies for {@code recipientIs}.
     */
    public boolean forbids(String recipientCountry, Set<Exemption> recipientIs) {
      if (Countries.covers(countries, recipientCountry)) {
        return false;
      }
      Set<Exemption> exempt = except.isEmpty() ? EnumSet.noneOf(Exemption.class) : EnumSet.copyOf(except);
      exempt.retainAll(recipientIs);
      return exempt.isEmpty();
    }
  }
}
