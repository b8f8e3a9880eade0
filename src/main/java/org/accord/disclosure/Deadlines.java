package org.accord.disclosure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which of a case's deadlines a member sees, as a pure function (ADR 0132). Stateless and thread-safe;
 * nothing is null.
 *
 * <ul>
 *   <li>The embargo's end: the terms in force (EM Active, Revise), agreed; in EM Proposed the shortest
 *       open proposal ({@link EmbargoProposal#shortest}, the terms the owner's accept would put in force),
 *       tentative. No end without terms (None) or once the embargo ended (eXited), whatever the row kept.
 *   <li>Under a revision (EM Revise), the end the shortest open proposal would set, tentative.
 *   <li>RSVP deadlines while a participant waits to answer (ADR 0116): the member's own participant's,
 *       and every participant's for a member of the case owner.
 * </ul>
 *
 * <p>Everyone who sees a case sees its proposals (the case view lists them, ADR 0104), so the proposed
 * ends need no further check; the caller only passes cases the member sees.
 */
public final class Deadlines {
  private Deadlines() {}

  /**
   * Who the deadlines are for.
   *
   * @param participant the organization of the member's participant, empty for a member that sees the
   *     case without taking part (the coordinator, under the TLP)
   * @param owner whether that participant owns the case
   */
  public record Audience(OptionalLong participant, boolean owner) {
    public Audience {
      Objects.requireNonNull(participant, "participant");
      if (owner && participant.isEmpty()) {
        throw new IllegalArgumentException("an owner is a participant");
      }
    }
  }

  /**
   * The deadlines of one case that {@code audience} sees, in {@link Deadline#ORDER}.
   *
   * @param terms the terms stored on the case (in force in Active and Revise)
   * @param open the open embargo proposals
   * @param waiting the RSVP deadline of each participant waiting to answer, by organization
   */
  public static List<Deadline> of(CaseId id, EmState em, Optional<EmbargoTerms> terms, Collection<EmbargoProposal> open,
      Map<Long, Instant> waiting, Audience audience) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(em, "em");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(waiting, "waiting");
    Objects.requireNonNull(audience, "audience");
    List<Deadline> out = new ArrayList<>();
    Optional<Instant> proposed = EmbargoProposal.shortest(open).map(p -> p.terms().end());
    switch (em) {
      case PROPOSED -> proposed.ifPresent(end -> out.add(new Deadline.EmbargoEnd(id, end, false)));
      case ACTIVE -> terms.ifPresent(t -> out.add(new Deadline.EmbargoEnd(id, t.end(), true)));
      case REVISE -> {
        terms.ifPresent(t -> out.add(new Deadline.EmbargoEnd(id, t.end(), true)));
        proposed.ifPresent(end -> out.add(new Deadline.EmbargoRevision(id, end)));
      }
      case NONE, EXITED -> {
        // No terms to keep or to answer: an ended embargo leaves no end in the calendar.
        return List.of();
      }
    }
    for (Map.Entry<Long, Instant> w : waiting.entrySet()) {
      boolean own = audience.participant().isPresent() && audience.participant().getAsLong() == w.getKey();
      if (own || audience.owner()) {
        out.add(new Deadline.Rsvp(id, w.getKey(), w.getValue(), own));
      }
    }
    out.sort(Deadline.ORDER);
    return List.copyOf(out);
  }
}
