package org.accord.app.exercise;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.app.Accord;
import org.accord.exercise.AffectedWorld;
import org.accord.exercise.Played;
import org.accord.exercise.Report;
import org.accord.exercise.Scenario;
import org.accord.exercise.ScenarioReader;
import org.accord.exercise.Simulator;
import org.accord.party.Authority;
import org.accord.party.Principal;
import org.accord.store.exercise.ExerciseStore;

/**
 * Exercises on an instance (ADR 0158): simulations of posted scenarios over the instance's graph, and
 * live tabletops in sandboxes. Who may start one is {@link Authority#mayFacilitate}; an exercise is seen
 * by its organization and the coordinator, and by no one else, to whom it answers as a missing one.
 *
 * <p>Thread-safe. {@link #close()} ends the running tabletops' sandboxes without a report.
 */
public final class Exercises implements AutoCloseable {
  /** The most runs one request may ask for. */
  public static final int MAX_RUNS = 10_000;
  private static final SecureRandom IDS = new SecureRandom();

  /** A stored exercise: its row, and the report once there is one. */
  public record Stored(ExerciseStore.Row row) {
    public String id() {
      return row.id();
    }
  }

  private final Accord accord;
  private final Map<String, Tabletop> running = new ConcurrentHashMap<>();

  public Exercises(Accord accord) {
    this.accord = accord;
  }

  /**
   * Reads and simulates a scenario over this instance's graph and stores the report.
   *
   * @param file the name errors cite
   * @throws ForbiddenException for a caller who may not facilitate
   * @throws InvalidInputException for a scenario that fails its schema or the graph (FILE:LINE#POINTER), a
   *     generated world (field {@code world}), or runs outside 1..{@value #MAX_RUNS} (field {@code runs})
   */
  public Stored simulate(Principal actor, String file, byte[] body, int runs, long seed) {
    Scenario scenario = scenario(actor, file, body);
    if (runs < 1 || runs > MAX_RUNS) {
      throw new InvalidInputException("runs must be 1.." + MAX_RUNS, "runs");
    }
    Report report = Simulator.report(accord.graph(), scenario, runs, seed, threads());
    ExerciseStore.Row row = row(actor, "simulation", scenario, "ended", report);
    accord.database().jdbi().useTransaction(handle -> ExerciseStore.insert(handle, row));
    return new Stored(row);
  }

  /**
   * Starts a live tabletop: a sandbox in the data directory's {@code exercises/ID}, its seats, its case
   * and its injects on a clock {@code scale} times as fast as the instance's.
   *
   * @throws ForbiddenException for a caller who may not facilitate
   * @throws InvalidInputException as for {@link #simulate}, for no seats ({@code seats}) or a scale outside
   *     1..10^7 ({@code scale})
   */
  public Tabletop start(Principal actor, String file, byte[] body, List<Tabletop.Seat> seats, double scale) {
    Scenario scenario = scenario(actor, file, body);
    AffectedWorld.of(accord.graph(), scenario); // refuses a scenario the graph does not fit before any sandbox exists
    if (seats.isEmpty() || seats.size() > 100) {
      throw new InvalidInputException("a tabletop needs 1..100 seats", "seats");
    }
    if (!(scale >= 1 && scale <= 1e7)) {
      throw new InvalidInputException("scale must be 1..10000000 exercise seconds per second", "scale");
    }
    ExerciseStore.Row row = row(actor, "tabletop", scenario, "running", null);
    Tabletop tabletop = Tabletop.open(row.id(), scenario, accord.config().dataDir().resolve("exercises").resolve(row.id()),
        seats, scale, accord.clock());
    try {
      accord.database().jdbi().useTransaction(handle -> ExerciseStore.insert(handle, row));
    } catch (RuntimeException e) {
      tabletop.close();
      throw e;
    }
    running.put(row.id(), tabletop);
    return tabletop;
  }

  /** The running tabletop with that id, if the viewer may see it. */
  public Optional<Tabletop> running(Principal viewer, String id) {
    find(viewer, id);
    return Optional.ofNullable(running.get(id));
  }

  /**
   * Ends a running tabletop: measures what the humans did from the sandbox's case events, sets it beside
   * the scenario's strategies over this instance's graph, stores the after-action report and closes the
   * sandbox.
   *
   * @throws NotFoundException for an exercise the viewer does not see
   * @throws IllegalStateException for one that is not a running tabletop here (HTTP 409)
   */
  public Stored end(Principal actor, String id, int runs, long seed) {
    Stored stored = find(actor, id);
    if (!Authority.mayFacilitate(actor)) {
      throw new ForbiddenException("only a facilitator may end an exercise");
    }
    if (runs < 1 || runs > MAX_RUNS) {
      throw new InvalidInputException("runs must be 1.." + MAX_RUNS, "runs");
    }
    Tabletop tabletop = running.remove(id);
    if (tabletop == null) {
      throw new IllegalStateException("exercise " + stored.id() + " is not a running tabletop");
    }
    try {
      Played played = tabletop.played();
      Scenario scenario = tabletop.scenario();
      AffectedWorld world = AffectedWorld.of(accord.graph(), scenario);
      Report simulated = Simulator.report(accord.graph(), scenario, runs, seed, threads());
      Report after = Report.afterAction(simulated, Simulator.played(world, scenario, played, runs, seed, threads()), played,
          tabletop.arrived());
      accord.database().jdbi().useTransaction(handle -> ExerciseStore.end(handle, id, accord.now(), after.json(), after.html()));
      return find(actor, id);
    } finally {
      tabletop.close();
    }
  }

  /**
   * The exercise with that id.
   *
   * @throws NotFoundException for one that does not exist or that the viewer may not see (the same answer)
   */
  public Stored find(Principal viewer, String id) {
    Optional<ExerciseStore.Row> row = id == null ? Optional.empty()
        : accord.database().jdbi().withHandle(handle -> ExerciseStore.find(handle, id.strip()));
    return row.filter(r -> viewer.isCoordinator() || viewer.organization().id() == r.organizationId())
        .map(Stored::new)
        .orElseThrow(() -> new NotFoundException("no exercise " + id));
  }

  private Scenario scenario(Principal actor, String file, byte[] body) {
    if (!Authority.mayFacilitate(actor)) {
      throw new ForbiddenException("only the coordinator or an admin of a CERT organization may facilitate exercises");
    }
    Scenario scenario = ScenarioReader.read(file, body);
    if (!(scenario.world() instanceof Scenario.World.Store)) {
      throw new InvalidInputException(file + ": the server simulates over its own graph; set world: {store: true}"
          + " (accord simulate generates worlds)", "world");
    }
    return scenario;
  }

  private ExerciseStore.Row row(Principal actor, String kind, Scenario scenario, String state, Report report) {
    byte[] random = new byte[12];
    IDS.nextBytes(random);
    long now = accord.now();
    return new ExerciseStore.Row("EX-" + HexFormat.of().formatHex(random), kind, actor.organization().id(),
        actor.member() == null ? null : actor.member().email(), scenario.id(), state, now, report == null ? null : now,
        report == null ? null : report.json(), report == null ? null : report.html());
  }

  private static int threads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  @Override
  public void close() {
    running.values().forEach(Tabletop::close);
    running.clear();
  }
}
