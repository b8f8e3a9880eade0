package org.accord.exercise;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.accord.disclosure.plan.ShippedStrategy;

/**
 * A discrete-event Monte-Carlo simulation of a scenario over its {@link AffectedWorld}, one run per
 * draw of every delay, every strategy of the scenario in each run.
 *
 * <p>Reproducible and parallel: run {@code r} draws from its own {@link SplittableRandom}, seeded with
 * the {@code r}-th long of a master generator seeded with the scenario seed, and writes only row
 * {@code r} of the result; so the result is the same, bit for bit, whatever the thread count and order.
 * Thread-safe: {@link #run} may be called from several threads at once.
 */
public final class Simulator {
  /*
   * How a run works, and why.
   *
   * Events are days as doubles (a discrete-event simulation whose events are few and fixed in kind, so
   * they are computed in causal order rather than through a priority queue): the maintainer acknowledges
   * (V) and has a fix (F); the strategy's waves tell vendors and operators (ShippedStrategy's offsets,
   * ADR 0133); publication (P) is at the embargo's end, or earlier when a leak, an exploit or attacks
   * break it; exploit development starts at publication or leak, whichever comes first, because the
   * patch is a map (X); attacks follow (A, the flaw goes into KEV). Fixes travel the affected tree hop
   * by hop: a node releases its own delay after the node below it released and its owner was told.
   * Each deployment deploys its operator's delay after its product released and its operator was told,
   * faster once an exploit is public or the flaw is in KEV.
   *
   * Common random numbers [1]: every strategy of a run uses the same draws (the same fix, the same
   * release delays, the same operator delay per deployment), so a difference between strategies in a
   * run is the strategies' doing, not the dice's; the comparison reports these paired differences.
   * Draws per run do not depend on the strategy, nor on any inject but state-first reporting (one draw
   * each), so removing the fork (its counterfactual) keeps every draw and the runs stay paired.
   *
   * Cost per run: one table draw per node and per deployment, then per strategy a pass over the nodes
   * (releases) and over the deployments (patch day, exposure, curve increments). Curves are built from
   * a difference array: a deployment patched at day T is vulnerable at the points t_k < T, so it adds
   * one at index ceil(T / step) and a suffix sum gives every point: O(deployments + points), not their
   * product.
   *
   * [1] A. M. Law, "Simulation Modeling and Analysis", 5th ed., McGraw-Hill 2015, §11.2 (common random
   *     numbers).
   * [2] A. D. Householder, J. Spring, "Are We Skillful or Just Lucky? Interpreting the Possible Histories of
   *     Vulnerability Disclosures", Digital Threats 3(4), 2022, for the event set V F D P X A; see Orderings.
   */

  private static final int MASK = Lag.QUANTILES - 1;
  private static final double VENDOR_LEAD = ShippedStrategy.VENDOR_LEAD.toHours() / 24.0;
  private static final double OPERATOR_LEAD = ShippedStrategy.OPERATOR_LEAD.toHours() / 24.0;
  /** The state's copy leaks this long after it is told: the 2-day report term of cn-rmsv Art. 7(2) (ADR 0130). */
  static final double STATE_REPORT_DAYS = 2;

  private final Scenario scenario;
  private final AffectedWorld world;
  private final Strategy[] strategies;
  private final double horizon;
  private final double step;
  private final int points;
  private final int series;
  private final double[] ack;
  private final double[] fix;
  private final double[] release;
  private final double[] exploit;
  private final double[] attacks;
  private final double[] relay;
  private final double[][] deploy;
  private final double[] sectorFactor;
  private final Inject[] injects;
  private final boolean[][] injectCountry;
  /** Sums kept per criticality: exposure-days, exploitable days, patched before X, patched before A. */
  private static final int SUMS = 4;
  /**
   * The deployments, one long each: the path node above the group bits, the group (criticality x sector x
   * country) below; sorted, so deployments of one node are adjacent and its release day stays in cache.
   */
  private final long[] packed;
  private final int groupBits;
  private final long groupMask;
  private final int groups;
  private final int[] groupCrit;
  private final int[] groupSector;
  private final int[] groupCountry;
  private final double[] groupFactor;
  private final int[] groupSize;
  private final int essentialCount;
  /** The humans' timeline that replaces the one strategy's, or null (ADR 0158). */
  private final Played played;

  /** Prepares the tables of a scenario over its affected world; cheap next to the runs. */
  public Simulator(Scenario scenario, AffectedWorld world) {
    this(scenario, world, null);
  }

  private Simulator(Scenario scenario, AffectedWorld world, Played played) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.world = Objects.requireNonNull(world, "world");
    this.played = played;
    this.strategies = scenario.strategies().toArray(Strategy[]::new);
    this.horizon = scenario.horizonDays();
    this.step = scenario.stepDays();
    this.points = scenario.horizonDays() / scenario.stepDays() + 1;
    this.series = 1 + 3 + world.sectors.size() + world.countries.size();
    Behaviour b = scenario.behaviour();
    ack = b.acknowledge().table();
    fix = b.fix().table();
    release = b.release().table();
    exploit = b.exploit().table();
    attacks = b.attacks().table();
    relay = b.relay().table();
    deploy = new double[][] {b.deployEssential().table(), b.deployImportant().table(), b.deployOther().table()};
    sectorFactor = new double[world.sectors.size()];
    for (int s = 0; s < sectorFactor.length; s++) {
      sectorFactor[s] = b.sectorFactors().getOrDefault(world.sectors.get(s), 1.0);
    }
    int sectors = world.sectors.size();
    int countries = world.countries.size();
    groups = 3 * sectors * countries;
    groupBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, groups - 1));
    groupMask = (1L << groupBits) - 1;
    groupCrit = new int[groups];
    groupSector = new int[groups];
    groupCountry = new int[groups];
    groupFactor = new double[groups];
    groupSize = new int[groups];
    for (int g = 0; g < groups; g++) {
      groupCrit[g] = g / (sectors * countries);
      groupSector[g] = g / countries % sectors;
      groupCountry[g] = g % countries;
      groupFactor[g] = sectorFactor[groupSector[g]];
    }
    packed = new long[world.deployments];
    int essential = 0;
    for (int d = 0; d < world.deployments; d++) {
      int g = (world.criticality[d] * sectors + world.sector[d]) * countries + world.country[d];
      groupSize[g]++;
      essential += world.criticality[d] == 0 ? 1 : 0;
      packed[d] = ((long) world.node[d] << groupBits) | g;
    }
    java.util.Arrays.sort(packed);
    essentialCount = essential;
    injects = scenario.injects().toArray(Inject[]::new);
    injectCountry = new boolean[injects.length][world.countries.size()];
    for (int i = 0; i < injects.length; i++) {
      for (String c : injects[i].countries()) {
        int at = world.countries.indexOf(c);
        if (at >= 0) {
          injectCountry[i][at] = true;
        }
      }
    }
  }

  /** The number of curve series: all, the three criticalities, each sector, each country. */
  int series() {
    return series;
  }

  int points() {
    return points;
  }

  /**
   * Simulates {@code runs} runs on {@code threads} threads.
   *
   * @throws IllegalArgumentException if runs or threads is below 1
   */
  public Runs run(int runs, long seed, int threads) {
    if (runs < 1 || threads < 1) {
      throw new IllegalArgumentException("runs and threads must be at least 1");
    }
    SplittableRandom master = new SplittableRandom(seed);
    long[] seeds = new long[runs];
    for (int r = 0; r < runs; r++) {
      seeds[r] = master.nextLong();
    }
    Runs out = new Runs(scenario, world, strategies.length, runs, series, points);
    int chunk = Math.max(1, Math.min(64, runs / (threads * 8)));
    int chunks = (runs + chunk - 1) / chunk;
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
        Scratch scratch = new Scratch();
        for (int r = c * chunk, end = Math.min(runs, r + chunk); r < end; r++) {
          runOne(r, seeds[r], out, scratch);
        }
      })).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
    return out;
  }

  /** Per-thread working arrays. */
  private final class Scratch {
    final double[] nodeLag = new double[world.nodes];
    final double[][] rel = new double[strategies.length][world.nodes];
    final double[][][] forkRel = new double[strategies.length][injects.length][];
    final double[][] opNotify = new double[strategies.length][world.countries.size() * 3];
    /** Per strategy and country: the release day from which the fork's lineage applies, or infinity. */
    final double[][] forkFrom = new double[strategies.length][world.countries.size()];
    final int[][] forkOf = new int[strategies.length][world.countries.size()];
    final int[][] diff = new int[strategies.length][series * (points + 1)];
    final double[] stateDraw = new double[injects.length];
    final int[][] hist = new int[strategies.length][groups * (points + 1)];
    final double[][] sums = new double[strategies.length][3 * SUMS];
    final double[][] toldByGroup = new double[strategies.length][groups];
  }

  /** The event days of one strategy in one run. */
  private record Timeline(double v, double f, double p, double x, double a) {}

  private void runOne(int run, long seed, Runs out, Scratch s) {
    SplittableRandom random = new SplittableRandom(seed);
    // Every draw of the run, before any strategy: the same for all of them.
    double v = ack[random.nextInt() & MASK];
    double fixLag = fix[random.nextInt() & MASK];
    double exploitLag = exploit[random.nextInt() & MASK];
    double attackLag = attacks[random.nextInt() & MASK];
    double relayLag = relay[random.nextInt() & MASK];
    for (int i = 0; i < injects.length; i++) { // only the injects that draw, so removing a fork keeps every draw
      s.stateDraw[i] = injects[i].kind() == Inject.Kind.STATE_FIRST_REPORTING ? random.nextDouble() : 0;
    }
    for (int i = 0; i < world.nodes; i++) {
      s.nodeLag[i] = world.hop[i] == 0 ? 0 : release[random.nextInt() & MASK];
    }
    double f = v + fixLag;
    for (Inject inject : injects) {
      if (inject.kind() == Inject.Kind.MAINTAINER_DISENGAGES && inject.on() == null && inject.atDay() < f) {
        f += inject.delayDays();
      }
    }
    Timeline[] timelines = new Timeline[strategies.length];
    for (int k = 0; k < strategies.length; k++) {
      timelines[k] = played != null ? preparePlayed(k, exploitLag, attackLag, s) : prepare(strategies[k], k, v, f, exploitLag, attackLag, relayLag, s);
    }
    // Deployments: one draw each, then every strategy. Per strategy, sums per criticality and a histogram
    // per group (criticality x sector x country) of the curve index; series are folded from it afterwards.
    int m = packed.length;
    int stride = points + 1;
    int strategiesCount = strategies.length;
    double[][] told = s.toldByGroup;
    for (int k = 0; k < strategiesCount; k++) {
      java.util.Arrays.fill(s.hist[k], 0);
      java.util.Arrays.fill(s.sums[k], 0);
      double[] opNotify = s.opNotify[k];
      for (int g = 0; g < groups; g++) {
        told[k][g] = opNotify[groupCountry[g] * 3 + groupCrit[g]];
      }
    }
    for (int d = 0; d < m; d++) {
      long p = packed[d];
      int g = (int) (p & groupMask);
      int node = (int) (p >>> groupBits);
      int crit = groupCrit[g];
      double lag = deploy[crit][random.nextInt() & MASK] * groupFactor[g];
      int country = groupCountry[g];
      for (int k = 0; k < strategiesCount; k++) {
        Timeline t = timelines[k];
        double released = s.rel[k][node];
        if (released > s.forkFrom[k][country]) {
          released = s.forkRel[k][s.forkOf[k][country]][node];
        }
        double patched = finish(Math.max(released, told[k][g]), lag, t);
        double within = Math.min(patched, horizon);
        double[] sums = s.sums[k];
        int at = crit * SUMS;
        sums[at] += within;
        sums[at + 1] += Math.max(0, within - t.x);
        sums[at + 2] += patched < t.x ? 1 : 0;
        sums[at + 3] += patched < t.a ? 1 : 0;
        int c = patched >= horizon ? points : (int) Math.min(points, Math.ceil(patched / step));
        s.hist[k][g * stride + c]++;
      }
    }
    int sectorBase = 4;
    int countryBase = 4 + world.sectors.size();
    for (int k = 0; k < strategiesCount; k++) {
      Timeline t = timelines[k];
      int[] diff = s.diff[k];
      java.util.Arrays.fill(diff, 0);
      int[] hist = s.hist[k];
      double notified = 0;
      for (int g = 0; g < groups; g++) {
        int crit = groupCrit[g];
        int sector = groupSector[g];
        int country = groupCountry[g];
        for (int c = 0; c <= points; c++) {
          int count = hist[g * stride + c];
          if (count != 0) {
            diff[c] += count;
            diff[(1 + crit) * stride + c] += count;
            diff[(sectorBase + sector) * stride + c] += count;
            diff[(countryBase + country) * stride + c] += count;
          }
        }
        if (told[k][g] < t.p) {
          notified += groupSize[g];
        }
      }
      int[] curve = out.curve(k, run);
      double half = m / 2.0;
      double deployed = Double.POSITIVE_INFINITY;
      for (int series = 0; series < this.series; series++) {
        int running = 0;
        for (int p = points - 1; p >= 0; p--) {
          running += diff[series * stride + p + 1];
          curve[series * points + p] = running;
        }
      }
      for (int p = 0; p < points; p++) {
        if (curve[p] <= half) {
          deployed = p * step;
          break;
        }
      }
      double[] sums = s.sums[k];
      double essential = Math.max(1, essentialCount);
      double[] row = out.metrics(k, run);
      for (int crit = 0; crit < 3; crit++) {
        row[Runs.EXPOSURE_DAYS] += sums[crit * SUMS];
        row[Runs.EXPLOITABLE_DAYS] += sums[crit * SUMS + 1];
      }
      row[Runs.EXPOSURE_DAYS_ESSENTIAL] = sums[0];
      row[Runs.EXPLOITABLE_DAYS_ESSENTIAL] = sums[1];
      row[Runs.ESSENTIAL_BEFORE_EXPLOIT] = sums[2] / essential;
      row[Runs.ESSENTIAL_BEFORE_ATTACKS] = sums[3] / essential;
      row[Runs.NOTIFIED_BEFORE_PUBLICATION] = m == 0 ? 0 : notified / m;
      row[Runs.ESSENTIAL] = essentialCount;
      row[Runs.FIX_READY] = t.f;
      row[Runs.PUBLICATION] = t.p;
      row[Runs.EXPLOIT_PUBLIC] = t.x;
      row[Runs.ATTACKS] = t.a;
      row[Runs.DEPLOYED] = deployed;
      row[Runs.ORDERINGS] = Orderings.achieved(t.v, t.f, deployed, t.p, t.x, t.a);
    }
  }

  /**
   * When a deployment whose operator starts at {@code begin} with {@code work} days of delay finishes: the
   * delay runs at full length until the first of X and A, then shrinks by the exploit factor (or the KEV
   * factor, if A came first), and by the KEV factor once both happened. Finishing is so monotone in the
   * start: starting later never finishes earlier, which a factor fixed at the start would not ensure.
   */
  private double finish(double begin, double work, Timeline t) {
    double first = Math.min(t.x, t.a);
    double second = Math.max(t.x, t.a);
    double exploitFactor = scenario.behaviour().exploitFactor();
    double kevFactor = scenario.behaviour().kevFactor();
    double middle = t.x <= t.a ? exploitFactor : kevFactor;
    double last = Math.min(exploitFactor, kevFactor);
    double now = begin;
    if (now < first) {
      if (now + work <= first) {
        return now + work;
      }
      work -= first - now;
      now = first;
    }
    if (now < second) {
      double span = (second - now) / middle; // the work this phase can absorb
      if (work <= span) {
        return now + work * middle;
      }
      work -= span;
      now = second;
    }
    return now + work * last;
  }

  /** Computes one strategy's timeline, notification table and release days for a run. */
  private Timeline prepare(Strategy strategy, int k, double v, double f, double exploitLag, double attackLag, double relayLag, Scratch s) {
    boolean immediate = strategy == Strategy.IMMEDIATE;
    double allVendors = Math.max(f, VENDOR_LEAD);
    double planned = immediate ? 0 : Math.max(scenario.embargoDays(), allVendors);
    double operatorsWave = immediate ? 0 : Math.max(planned - OPERATOR_LEAD, allVendors);
    // Injects that can break the embargo: those at a day or after the fix (the reader refuses the rest).
    double broken = Double.POSITIVE_INFINITY;
    double leak = Double.POSITIVE_INFINITY;
    for (Inject inject : injects) {
      if (inject.kind().timeline() && (inject.on() == null || inject.on() == Inject.Trigger.FIX_READY)) {
        double day = inject.day(f, Double.NaN, Double.NaN, Double.NaN);
        broken = Math.min(broken, day);
        if (inject.kind() == Inject.Kind.LEAK) {
          leak = Math.min(leak, day);
        }
      }
    }
    double p = Math.min(planned, broken);
    // A state told first leaks its copy with the inject's probability, STATE_REPORT_DAYS after the wave that tells it.
    for (int i = 0; i < injects.length; i++) {
      Inject inject = injects[i];
      if (inject.kind() == Inject.Kind.STATE_FIRST_REPORTING && !immediate && s.stateDraw[i] < inject.probability()) {
        double day = Math.max(operatorsWave, inject.day(f, p, Double.NaN, Double.NaN)) + STATE_REPORT_DAYS;
        if (day < p) {
          leak = Math.min(leak, day);
          p = day;
        }
      }
    }
    double x = Math.min(p, leak) + exploitLag;
    for (Inject inject : injects) {
      if (inject.kind() == Inject.Kind.EXPLOIT_PUBLIC) {
        x = Math.min(x, inject.day(f, p, Double.NaN, Double.NaN));
      }
    }
    double a = x + attackLag;
    for (Inject inject : injects) {
      if (inject.kind() == Inject.Kind.ATTACKS_OBSERVED) {
        a = Math.min(a, inject.day(f, p, x, Double.NaN));
      }
    }
    // Operators: when each (country, criticality) is told.
    int countries = world.countries.size();
    double[] told = s.opNotify[k];
    for (int c = 0; c < countries; c++) {
      for (int crit = 0; crit < 3; crit++) {
        double day = immediate ? 0 : crit == 0 ? Math.min(operatorsWave, p) : p;
        if (!immediate && day < p) {
          for (int i = 0; i < injects.length; i++) {
            Inject inject = injects[i];
            if (!injectCountry[i][c] && inject.kind() == Inject.Kind.VENDOR_NARROWS && inject.day(f, p, x, a) <= day) {
              day = p; // the vendor tells only the listed countries before publication
            }
            if (injectCountry[i][c] && inject.kind() == Inject.Kind.SANCTIONS && inject.day(f, p, x, a) <= day) {
              day = strategy == Strategy.FOUNDATION_MEDIATED ? Math.min(p, day + relayLag) : p;
            }
          }
        }
        told[c * 3 + crit] = day;
      }
    }
    // Releases along the tree, for the main lineage and for each fork.
    releases(immediate, f, immediate ? 0 : VENDOR_LEAD, allVendors, p, s.nodeLag, s.rel[k]);
    forks(immediate, k, f, p, x, a, s);
    return new Timeline(v, f, p, x, a);
  }

  /**
   * The humans' timeline (ADR 0158): their V, F, P and notification days as played; X and A as they
   * arrived, else drawn after publication as a strategy's are; the scenario's forks as for a strategy.
   * Sanctions and narrowing are not re-applied: the humans met those injects and chose whom to tell.
   */
  private Timeline preparePlayed(int k, double exploitLag, double attackLag, Scratch s) {
    Played h = played;
    double p = h.published();
    double x = Double.isInfinite(h.exploit()) ? p + exploitLag : Math.min(h.exploit(), p + exploitLag);
    double a = Double.isInfinite(h.attacks()) ? x + attackLag : Math.min(h.attacks(), x + attackLag);
    double vendors = Math.min(h.vendorsTold(), p);
    double operators = Math.min(h.operatorsTold(), p);
    double[] told = s.opNotify[k];
    for (int c = 0; c < world.countries.size(); c++) {
      told[c * 3] = operators;
      told[c * 3 + 1] = p;
      told[c * 3 + 2] = p;
    }
    releases(false, h.fixReady(), vendors, vendors, p, s.nodeLag, s.rel[k]);
    forks(false, k, h.fixReady(), p, x, a, s);
    return new Timeline(h.acknowledged(), h.fixReady(), p, x, a);
  }

  /** The fork lineages of strategy {@code k}: each fork's release days and the countries it serves from when. */
  private void forks(boolean immediate, int k, double f, double p, double x, double a, Scratch s) {
    int countries = world.countries.size();
    java.util.Arrays.fill(s.forkFrom[k], Double.POSITIVE_INFINITY);
    for (int i = 0; i < injects.length; i++) {
      Inject inject = injects[i];
      if (inject.kind() != Inject.Kind.SOVEREIGN_FORK) {
        continue;
      }
      double from = inject.day(f, p, x, a);
      double root = Math.max(f, from) + inject.delayDays();
      if (s.forkRel[k][i] == null) {
        s.forkRel[k][i] = new double[world.nodes];
      }
      releases(immediate, root, immediate ? 0 : VENDOR_LEAD, Math.max(root, VENDOR_LEAD), p, s.nodeLag, s.forkRel[k][i]);
      for (int c = 0; c < countries; c++) {
        if (injectCountry[i][c] && from < s.forkFrom[k][c]) {
          s.forkFrom[k][c] = from;
          s.forkOf[k][c] = i;
        }
      }
    }
  }

  /**
   * Release days down the tree: the root at {@code fixReady}, each node after its parent and its owner's
   * notification ({@code direct} for the root's direct dependents, {@code allVendors} for the rest).
   */
  private void releases(boolean immediate, double fixReady, double direct, double allVendors, double publication, double[] lag, double[] rel) {
    int[] parent = world.parent;
    int[] hop = world.hop;
    for (int i = 0; i < world.nodes; i++) {
      if (parent[i] < 0) {
        rel[i] = fixReady;
      } else {
        double told = immediate ? 0 : Math.min(publication, hop[i] == 1 ? direct : allVendors);
        rel[i] = Math.max(rel[parent[i]], told) + lag[i];
      }
    }
  }

  /**
   * Simulates a scenario over a graph and summarises it: the affected world is computed once, then
   * {@code runs} runs; when the scenario has a sovereign fork, the same runs without it price the fork.
   *
   * @throws ScenarioException when the scenario does not fit the graph (see {@link AffectedWorld#of})
   */
  public static Report report(org.accord.exposure.ExposureGraph graph, Scenario scenario, int runs, long seed, int threads) {
    AffectedWorld world = AffectedWorld.of(graph, scenario);
    Runs result = new Simulator(scenario, world).run(runs, seed, threads);
    java.util.Optional<Runs> withoutFork = scenario.injects().stream().anyMatch(i -> i.kind() == Inject.Kind.SOVEREIGN_FORK)
        ? java.util.Optional.of(new Simulator(scenario.without(Inject.Kind.SOVEREIGN_FORK), world).run(runs, seed, threads))
        : java.util.Optional.empty();
    return Report.of(result, seed, withoutFork);
  }

  /**
   * The humans' outcome (ADR 0158): {@code runs} runs of the scenario's world with their timeline in
   * place of a strategy's, drawing every release and deployment delay as the strategies' runs do (the
   * same seed gives the same draws), summarised as a report with the one strategy labelled {@code played}.
   *
   * @throws ScenarioException when the scenario does not fit the graph
   */
  public static Runs played(AffectedWorld world, Scenario scenario, Played played, int runs, long seed, int threads) {
    Objects.requireNonNull(played, "played");
    return new Simulator(scenario.withStrategies(List.of(Strategy.COORDINATED)), world, played).run(runs, seed, threads);
  }

  /** The strategies simulated, in scenario order. */
  public List<Strategy> strategies() {
    return List.of(strategies);
  }
}
