package org.accord.disclosure;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alert a change of the case state sends to the embargo's signatories (issue 9, item 4; ADR 0114):
 * who is told, and what. Pure and stateless.
 *
 * <p>What. Two changes of PXA concern the parties bound by an embargo in force:
 *
 * <ul>
 *   <li>attacks observed ({@code A}) do not end the embargo by themselves, but its teardown SHOULD begin
 *       (Vultron {@code docs/topics/process_models/cs/transitions.md}, "Attacks Do Not Necessarily Cause
 *       Public Awareness"; {@link EmbargoManagement.Consequence#RECOMMEND_TERMINATION}): every signatory
 *       is alerted with the recommendation to end it;
 *   <li>the public becoming aware or an exploit becoming public ({@code P}, {@code X}) ends the embargo
 *       at once (VP-09-001, VP-11-002, VP-11-003; CSB-04-003, CSB-05-003 in {@code
 *       specs/cs-behavior.yaml}): every party that was a signatory is told that it is no longer bound,
 *       since its consent resets with the embargo (MSM-07-006 in {@code specs/message-semantics-mapping.yaml}).
 * </ul>
 *
 * <p>Who. The signatories before the change ({@link PecState#SIGNATORY}, Vultron's {@code
 * embargo_adherence}): they are the ones who hold information back and must act. A participant that
 * was only invited, declined or lapsed is bound by nothing, so it is not alerted; the case history
 * records the change for everyone anyway.
 *
 * @param kind why the alert goes out
 * @param recipients the signatories, by whatever key the caller uses (sorted)
 */
public record EmbargoAlert<K extends Comparable<K>>(Kind kind, Set<K> recipients) {
  /** Why an alert goes out. */
  public enum Kind {
    /** Attacks observed under the embargo in force: the signatories are advised to end it. */
    RECOMMEND_ENDING("attacks observed under the embargo: signatories are advised to end it"),
    /** The embargo ended because the vulnerability or an exploit became public: nobody is bound any more. */
    ENDED("the vulnerability or an exploit became public: the embargo has ended, signatories are no longer bound");

    private final String message;

    Kind(String message) {
      this.message = message;
    }

    /** One sentence for the recipients. */
    public String message() {
      return message;
    }

    /** The label in events and answers ({@code recommend_ending}, {@code ended}). */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public EmbargoAlert {
    Objects.requireNonNull(kind, "kind");
    recipients = java.util.Collections.unmodifiableSet(new TreeSet<>(recipients));
  }

  /**
   * The alert for a case-state change whose consequence for the embargo was {@code consequence}, given
   * every participant's consent before the change; empty when nobody is to be alerted (no embargo in
   * force, or no signatory).
   */
  public static <K extends Comparable<K>> Optional<EmbargoAlert<K>> of(EmbargoManagement.Consequence consequence,
      Map<K, PecState> consentsBefore) {
    Kind kind = switch (consequence) {
      case RECOMMEND_TERMINATION -> Kind.RECOMMEND_ENDING;
      case TERMINATE -> Kind.ENDED;
      case NONE, ABANDON_PROPOSAL -> null;
    };
    if (kind == null) {
      return Optional.empty();
    }
    Set<K> signatories = new TreeSet<>();
    consentsBefore.forEach((who, consent) -> {
      if (consent.bound()) {
        signatories.add(who);
      }
    });
    return signatories.isEmpty() ? Optional.empty() : Optional.of(new EmbargoAlert<>(kind, signatories));
  }
}
