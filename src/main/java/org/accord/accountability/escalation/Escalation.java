package org.accord.accountability.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which rungs of its ladder a deadline has reached (issue 12 item 5, ADR 0155). Pure and stateless.
 *
 * <p>A step is due at {@code due + after}. It is taken when that time has come and the deadline was
 * not kept by then: a deadline kept on time climbs nothing, one kept late stops climbing when it is
 * kept and keeps the steps it took (a late keeping is recorded as late, the steps are never erased).
 * The caller records each step taken once per deadline and level, so asking again after a step was
 * taken returns it again and the record, not this function, makes it happen once.
 */
public final class Escalation {
  private Escalation() {}

  /** Where a deadline comes from: a pledge (commitment) or a legal obligation of an adopted plan. */
  public enum Source {
    COMMITMENT, OBLIGATION;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A deadline the ladder watches.
   *
   * @param key what identifies it within its case, stable across reads (the escalation's row key)
   * @param source a pledge or a legal obligation
   * @param organization the owing participant's organization name
   * @param what one phrase naming the promise without the case's content ("acknowledge-report within P3D")
   * @param due when it falls due, empty while its clock has not started
   * @param kept when it was kept, if it was
   * @param ladder the ladder that applies to it
   */
  public record Watched(String key, Source source, String organization, String what, Optional<Instant> due, Optional<Instant> kept,
      Ladder ladder) {
    public Watched {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(due, "due");
      Objects.requireNonNull(kept, "kept");
      Objects.requireNonNull(ladder, "ladder");
    }
  }

  /**
   * A step a deadline has reached.
   *
   * @param deadline the deadline
   * @param step the rung
   * @param at when it fell due ({@code due + after})
   */
  public record Reached(Watched deadline, Ladder.Step step, Instant at) {}

  /** The steps of {@code deadline}'s ladder reached at {@code now}, lowest first. */
  public static List<Reached> reached(Watched deadline, Instant now) {
    List<Reached> out = new ArrayList<>();
    if (deadline.due().isEmpty()) {
      return out;
    }
    for (Ladder.Step step : deadline.ladder().steps()) {
      Instant at = deadline.due().get().plus(step.after());
      boolean keptBefore = deadline.kept().isPresent() && !deadline.kept().get().isAfter(at);
      if (at.isAfter(now) || keptBefore) {
        break; // rungs are climbed in order: one not reached stops the climb
      }
      out.add(new Reached(deadline, step, at));
    }
    return out;
  }
}
