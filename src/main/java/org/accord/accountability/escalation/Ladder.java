package org.accord.accountability.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.accord.InvalidInputException;

/**
 * An escalation ladder: which {@link Level}s a deadline climbs, and when, counted from its due time
 * (issue 12 item 5, ADR 0155). A negative offset is taken before the due time (a near deadline), a
 * positive one after it (a missed deadline). Immutable and thread-safe.
 *
 * <p>The rules every ladder keeps, checked at construction: at least one step; levels strictly rising
 * (each level at most once, lowest first); offsets not decreasing, so a higher rung is never reached
 * before a lower one; each offset within {@link #LIMIT} of the due time; a {@link Level#SCORECARD} mark
 * only after the due time (a public mark for a deadline not yet missed would be false).
 *
 * @param steps the rungs, lowest first
 */
public record Ladder(List<Step> steps) {
  /** The farthest a step may be from the due time, either way. */
  public static final Duration LIMIT = Duration.ofDays(365);

  /** The ladder of an instance with no settings: a day before, a day, three days and a week after. */
  public static final Ladder DEFAULT = new Ladder(List.of(
      new Step(Level.REMINDER, Duration.ofDays(-1)),
      new Step(Level.ORGANIZATION, Duration.ofDays(1)),
      new Step(Level.CASE_OWNER, Duration.ofDays(3)),
      new Step(Level.SCORECARD, Duration.ofDays(7))));

  /**
   * One rung.
   *
   * @param level which rung
   * @param after when, from the due time (negative: before it)
   */
  public record Step(Level level, Duration after) {
    public Step {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(after, "after");
    }
  }

  /** @throws InvalidInputException naming {@code steps} when a rule above is broken */
  public Ladder {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new InvalidInputException("an escalation ladder has at least one step", "steps");
    }
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step.after().abs().compareTo(LIMIT) > 0) {
        throw new InvalidInputException("step " + step.level().label() + " is " + step.after() + " from the due time; at most "
            + LIMIT.toDays() + " days either way", "steps[" + i + "].after");
      }
      if (step.level() == Level.SCORECARD && (step.after().isNegative() || step.after().isZero())) {
        throw new InvalidInputException("the scorecard mark comes after the due time, not at " + step.after(), "steps[" + i + "].after");
      }
      if (i > 0) {
        Step before = steps.get(i - 1);
        if (before.level().compareTo(step.level()) >= 0) {
          throw new InvalidInputException("levels rise, each once: " + step.level().label() + " after " + before.level().label(),
              "steps[" + i + "].level");
        }
        if (step.after().compareTo(before.after()) < 0) {
          throw new InvalidInputException("step " + step.level().label() + " (" + step.after() + ") comes before the lower step "
              + before.level().label() + " (" + before.after() + ")", "steps[" + i + "].after");
        }
      }
    }
  }

  /**
   * A ladder written as {@code LEVEL=OFFSET,…}, such as {@code reminder=-P1D,organization=P1D,case_owner=P3D,scorecard=P7D}
   * (the instance's {@code ACCORD_ESCALATION_LADDER}); an offset is an ISO 8601 duration, optionally signed.
   *
   * @param field the setting's name, for errors
   * @throws InvalidInputException naming {@code field}
   */
  public static Ladder parse(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("an escalation ladder is LEVEL=OFFSET,… such as reminder=-P1D,scorecard=P7D", field);
    }
    List<Step> steps = new ArrayList<>();
    for (String part : text.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new InvalidInputException("'" + part.strip() + "' is not LEVEL=OFFSET", field);
      }
      steps.add(new Step(Level.parse(part.substring(0, eq), field), offset(part.substring(eq + 1), field)));
    }
    return checked(steps, field);
  }

  /**
   * An arrangement's {@code escalation} block: {@code {"steps": [{"level": "reminder", "after": "-P1D"}, …]}}.
   *
   * @param field where the block is, for errors ({@code escalation})
   * @throws InvalidInputException naming the member at fault under {@code field}
   */
  public static Ladder read(JsonNode block, String field) {
    if (block == null || !block.isObject()) {
      throw new InvalidInputException("escalation is {\"steps\": [{\"level\": …, \"after\": …}, …]}", field);
    }
    for (Iterator<String> names = block.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("steps")) {
        throw new InvalidInputException("unknown member '" + name + "'; an escalation block has steps", field + "." + name);
      }
    }
    JsonNode list = block.get("steps");
    if (list == null || !list.isArray()) {
      throw new InvalidInputException("steps is a list of {level, after}", field + ".steps");
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = field + ".steps[" + i + "]";
      JsonNode step = list.get(i);
      if (!step.isObject() || !step.path("level").isTextual() || !step.path("after").isTextual() || step.size() != 2) {
        throw new InvalidInputException("a step is {\"level\": \"reminder\", \"after\": \"-P1D\"}", at);
      }
      steps.add(new Step(Level.parse(step.get("level").asText(), at + ".level"), offset(step.get("after").asText(), at + ".after")));
    }
    return checked(steps, field);
  }

  /** The ladder as {@link #read} takes it and events and answers show it. */
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("steps", steps.stream().map(s -> Map.<String, Object>of("level", s.level().label(), "after", s.after().toString())).toList());
    return out;
  }

  /** The step of {@code level}, if the ladder has it. */
  public java.util.Optional<Step> step(Level level) {
    return steps.stream().filter(s -> s.level() == level).findFirst();
  }

  /** Which levels this ladder has. */
  public Set<Level> levels() {
    Set<Level> out = java.util.EnumSet.noneOf(Level.class);
    steps.forEach(s -> out.add(s.level()));
    return out;
  }

  private static Ladder checked(List<Step> steps, String field) {
    try {
      return new Ladder(steps);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage(), e.location() == null ? field : field + "." + e.location(), e);
    }
  }

  private static Duration offset(String text, String field) {
    String clean = text.strip();
    try {
      return Duration.parse(clean);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("'" + clean + "' is not an ISO 8601 duration such as -P1D or PT12H", field);
    }
  }
}
