package org.accord.exercise;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A crisis to rehearse, read from a scenario file by {@link ScenarioReader}.
 *
 * <p>Immutable. Day 0 is the day the report reaches the maintainer ({@code clock.start}).
 *
 * @param file how errors name the file it was read from
 * @param id a short identifier
 * @param title the title
 * @param world where the graph comes from
 * @param packageKey the vulnerable package, a PURL without version
 * @param range the affected versions, a {@code vers:} string
 * @param start the calendar date of day 0
 * @param horizonDays the last day simulated
 * @param stepDays the spacing of the curves' points
 * @param embargoDays the embargo the coordinated strategies hold, from day 0
 * @param behaviour the actors' delays
 * @param injects what happens, in file order
 * @param strategies the strategies to compare, at least one, distinct
 * @param lines where each field is in the file, for errors found later (an unknown country in the world)
 */
public record Scenario(
    String file, String id, String title, World world, String packageKey, String range, LocalDate start, int horizonDays,
    int stepDays, double embargoDays, Behaviour behaviour, List<Inject> injects, List<Strategy> strategies,
    LineMap lines) {

  /** Where the graph comes from: the current store, or a generated world. */
  public sealed interface World {
    /** The store the command runs against. */
    record Store() implements World {}

    /**
     * A generated world ({@code accord generate}'s options), or the demo world when {@code demo}.
     */
    record Generated(boolean demo, int versions, long edges, int deployments, long seed) implements World {}
  }

  public Scenario {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(world, "world");
    injects = List.copyOf(injects);
    strategies = List.copyOf(strategies);
  }

  /** The same scenario comparing only {@code only}. */
  public Scenario withStrategies(List<Strategy> only) {
    return new Scenario(file, id, title, world, packageKey, range, start, horizonDays, stepDays, embargoDays, behaviour,
        injects, only, lines);
  }

  /** The same scenario without the injects of {@code kind}: the counterfactual that prices one kind. */
  public Scenario without(Inject.Kind kind) {
    return new Scenario(file, id, title, world, packageKey, range, start, horizonDays, stepDays, embargoDays, behaviour,
        injects.stream().filter(i -> i.kind() != kind).toList(), strategies, lines);
  }
}
