package org.accord.exercise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a simulation found, per strategy with 90% bands over the runs, the comparison of the strategies
 * and the cost of the sovereign fork; written as JSON ({@link #json}) and as an HTML page with SVG plots
 * drawn on the server ({@link #html}).
 *
 * <p>Immutable. The JSON is a pure function of the runs: the same scenario, world, run count and seed
 * give the same bytes.
 */
public final class Report {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The measures compared, with whether less is better. */
  private enum Measure {
    EXPOSURE_DAYS("exposure_days", Runs.EXPOSURE_DAYS, true, "deployment-days vulnerable within the horizon"),
    EXPOSURE_DAYS_ESSENTIAL("exposure_days_essential", Runs.EXPOSURE_DAYS_ESSENTIAL, true, "the same, essential deployments"),
    EXPLOITABLE_DAYS("exploitable_days", Runs.EXPLOITABLE_DAYS, true, "deployment-days vulnerable while an exploit is public"),
    EXPLOITABLE_DAYS_ESSENTIAL("exploitable_days_essential", Runs.EXPLOITABLE_DAYS_ESSENTIAL, true, "the same, essential deployments"),
    ESSENTIAL_BEFORE_EXPLOIT("essential_patched_before_exploit", Runs.ESSENTIAL_BEFORE_EXPLOIT, false, "share of essential deployments patched before the exploit is public"),
    ESSENTIAL_BEFORE_ATTACKS("essential_patched_before_attacks", Runs.ESSENTIAL_BEFORE_ATTACKS, false, "share patched before attacks are observed"),
    NOTIFIED_BEFORE_PUBLICATION("notified_before_publication", Runs.NOTIFIED_BEFORE_PUBLICATION, false, "share of affected deployments whose operator was told before publication"),
    FIX_READY("fix_ready_day", Runs.FIX_READY, true, "day the maintainer's fix is ready (F)"),
    PUBLICATION("publication_day", Runs.PUBLICATION, false, "day of publication (P)"),
    EXPLOIT_PUBLIC("exploit_public_day", Runs.EXPLOIT_PUBLIC, false, "day an exploit is public (X)"),
    ATTACKS("attacks_day", Runs.ATTACKS, false, "day attacks are observed (A)"),
    DEPLOYED("deployed_day", Runs.DEPLOYED, true, "day half the affected deployments are patched (D, to the curve's step)");

    final String key;
    final int column;
    final boolean lowerIsBetter;
    final String meaning;

    Measure(String key, int column, boolean lowerIsBetter, String meaning) {
      this.key = key;
      this.column = column;
      this.lowerIsBetter = lowerIsBetter;
      this.meaning = meaning;
    }

    /** The measures that make the comparison: outcomes, not the events that lead to them. */
    boolean compared() {
      return column <= Runs.NOTIFIED_BEFORE_PUBLICATION;
    }
  }

  private final Map<String, Object> tree;
  private final Scenario scenario;

  private Report(Map<String, Object> tree, Scenario scenario) {
    this.tree = tree;
    this.scenario = scenario;
  }

  /**
   * Summarises runs; {@code withoutFork}, when given, is the same simulation (same seed and runs) of the
   * scenario without its sovereign-fork injects, which prices the fork.
   */
  public static Report of(Runs runs, long seed, Optional<Runs> withoutFork) {
    Scenario scenario = runs.scenario;
    AffectedWorld world = runs.world;
    List<Strategy> strategies = scenario.strategies();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", scenario.id());
    root.put("title", scenario.title());
    root.put("runs", runs.runs);
    root.put("seed", seed);
    root.put("start", scenario.start().toString());
    root.put("horizon_days", scenario.horizonDays());
    root.put("embargo_days", scenario.embargoDays());
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("package", scenario.packageKey());
    w.put("range", scenario.range());
    w.put("vulnerable_versions", world.vulnerableVersions());
    w.put("affected_deployments", world.deployments());
    w.put("path_nodes", world.nodes());
    w.put("depth", world.depth());
    w.put("countries", world.countries());
    w.put("sectors", world.sectors());
    root.put("world", w);
    List<Object> injects = new ArrayList<>();
    for (Inject inject : scenario.injects()) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("type", inject.kind().label());
      if (inject.on() == null) {
        i.put("at_day", inject.atDay());
      } else {
        i.put("on", inject.on().label());
        i.put("after_days", inject.afterDays());
      }
      if (!inject.countries().isEmpty()) {
        i.put("countries", inject.countries());
      }
      if (!inject.note().isEmpty()) {
        i.put("note", inject.note());
      }
      injects.add(i);
    }
    root.put("injects", injects);
    Map<String, Object> outcomes = new LinkedHashMap<>();
    for (int k = 0; k < strategies.size(); k++) {
      outcomes.put(strategies.get(k).label(), outcome(runs, k));
    }
    root.put("strategies", outcomes);
    root.put("comparison", comparison(runs));
    withoutFork.ifPresent(base -> root.put("sovereign_fork_cost", forkCost(runs, base)));
    Map<String, Object> meanings = new LinkedHashMap<>();
    for (Measure measure : Measure.values()) {
      meanings.put(measure.key, measure.meaning);
    }
    root.put("measures", meanings);
    return new Report(root, scenario);
  }

  /**
   * The after-action report of a live tabletop (ADR 0158): the simulated report with the humans' outcome
   * as one more column, {@code humans}, beside the strategies (same measures, same bands), what they
   * played, the injects as they arrived, and per compared measure how the humans' median ranks among the
   * strategies' medians.
   *
   * @param simulated the strategies' report, over the same world and scenario
   * @param humans the runs of {@link Simulator#played}, over the same world
   * @param played the humans' timeline
   * @param arrived the injects as they arrived in the sandbox, in order, each a map of plain values
   */
  public static Report afterAction(Report simulated, Runs humans, Played played, List<Map<String, Object>> arrived) {
    Map<String, Object> root = new LinkedHashMap<>(simulated.tree);
    @SuppressWarnings("unchecked")
    Map<String, Object> strategies = new LinkedHashMap<>((Map<String, Object>) simulated.tree.get("strategies"));
    Map<String, Object> theirs = outcome(humans, 0);
    Map<String, Object> timeline = new LinkedHashMap<>();
    timeline.put("acknowledged_day", round(played.acknowledged()));
    timeline.put("fix_ready_day", round(played.fixReady()));
    timeline.put("publication_day", round(played.published()));
    timeline.put("exploit_public_day", round(played.exploit()));
    timeline.put("attacks_day", round(played.attacks()));
    timeline.put("vendors_told_day", round(played.vendorsTold()));
    timeline.put("operators_told_day", round(played.operatorsTold()));
    root.put("played", timeline);
    root.put("injects_arrived", List.copyOf(arrived));
    List<Object> beside = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      if (!measure.compared()) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("measure", measure.key);
      row.put("better", measure.lowerIsBetter ? "lower" : "higher");
      double mine = median(theirs, measure.key);
      row.put("humans", round(mine));
      int better = 0;
      Map<String, Object> others = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : strategies.entrySet()) {
        @SuppressWarnings("unchecked")
        double theirsMedian = median((Map<String, Object>) e.getValue(), measure.key);
        others.put(e.getKey(), round(theirsMedian));
        better += measure.lowerIsBetter ? (theirsMedian < mine ? 1 : 0) : (theirsMedian > mine ? 1 : 0);
      }
      row.put("strategies", others);
      row.put("humans_rank", better + 1);
      beside.add(row);
    }
    root.put("humans_beside_strategies", beside);
    strategies.put("humans", theirs);
    root.put("strategies", strategies);
    return new Report(root, simulated.scenario);
  }

  @SuppressWarnings("unchecked")
  private static double median(Map<String, Object> outcome, String measure) {
    Object value = ((Map<String, Object>) outcome.get(measure)).get("p50");
    return value == null ? Double.POSITIVE_INFINITY : ((Number) value).doubleValue();
  }

  private static double[] column(Runs runs, int k, int column) {
    double[] values = new double[runs.runs];
    for (int r = 0; r < runs.runs; r++) {
      values[r] = runs.metrics(k, r)[column];
    }
    return values;
  }

  private static Map<String, Object> outcome(Runs runs, int k) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Measure measure : Measure.values()) {
      out.put(measure.key, band(Band.of(column(runs, k, measure.column))));
    }
    // Orderings: how often each desideratum is met, and the skill that shows.
    List<Object> orderings = new ArrayList<>();
    double[] bits = column(runs, k, Runs.ORDERINGS);
    double skillSum = 0;
    for (int i = 0; i < Orderings.DESIDERATA.size(); i++) {
      int met = 0;
      for (double b : bits) {
        met += ((int) b >> i) & 1;
      }
      double share = (double) met / runs.runs;
      double skill = Orderings.skill(i, share);
      skillSum += skill;
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("desideratum", Orderings.DESIDERATA.get(i));
      o.put("share", round(share));
      o.put("baseline", round(Orderings.baseline(i)));
      o.put("skill", round(skill));
      orderings.add(o);
    }
    out.put("mean_skill", round(skillSum / Orderings.DESIDERATA.size()));
    out.put("orderings", orderings);
    // Curves: vulnerable deployments at each point, per series, as bands.
    List<String> names = seriesNames(runs.world);
    List<Integer> days = new ArrayList<>();
    for (int p = 0; p < runs.points; p++) {
      days.add(p * runs.scenario.stepDays());
    }
    Map<String, Object> curves = new LinkedHashMap<>();
    curves.put("days", days);
    int[] values = new int[runs.runs];
    for (int s = 0; s < runs.series; s++) {
      List<Integer> p5 = new ArrayList<>();
      List<Integer> p50 = new ArrayList<>();
      List<Integer> p95 = new ArrayList<>();
      for (int p = 0; p < runs.points; p++) {
        for (int r = 0; r < runs.runs; r++) {
          values[r] = runs.curve(k, r)[s * runs.points + p];
        }
        Arrays.sort(values);
        p5.add(Band.rank(values, 0.05));
        p50.add(Band.rank(values, 0.5));
        p95.add(Band.rank(values, 0.95));
      }
      Map<String, Object> curve = new LinkedHashMap<>();
      curve.put("p5", p5);
      curve.put("p50", p50);
      curve.put("p95", p95);
      curves.put(names.get(s), curve);
    }
    out.put("vulnerable_deployments", curves);
    return out;
  }

  /** Series names: {@code all}, {@code criticality:X}, {@code sector:X}, {@code country:X}. */
  static List<String> seriesNames(AffectedWorld world) {
    List<String> names = new ArrayList<>();
    names.add("all");
    AffectedWorld.CRITICALITIES.forEach(c -> names.add("criticality:" + c));
    world.sectors().forEach(s -> names.add("sector:" + s));
    world.countries().forEach(c -> names.add("country:" + c));
    return names;
  }

  /** For each compared measure: the winner, and by how much it beats the runner-up, paired run by run. */
  private static List<Object> comparison(Runs runs) {
    List<Strategy> strategies = runs.scenario.strategies();
    List<Object> rows = new ArrayList<>();
    for (Measure measure : Measure.values()) {
      if (!measure.compared() || strategies.size() < 2) {
        continue;
      }
      double[] medians = new double[strategies.size()];
      double[] means = new double[strategies.size()];
      for (int k = 0; k < strategies.size(); k++) {
        Band band = Band.of(column(runs, k, measure.column));
        medians[k] = band.p50();
        means[k] = band.mean();
      }
      Integer[] order = new Integer[strategies.size()];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      // By median; equal medians (a share that is 0 in most runs) by mean.
      Arrays.sort(order, (a, b) -> {
        int byMedian = Double.compare(medians[a], medians[b]);
        int by = byMedian != 0 ? byMedian : Double.compare(means[a], means[b]);
        return measure.lowerIsBetter ? by : -by;
      });
      int best = order[0];
      // The runner-up is the best strategy that does differ from the winner (two strategies may coincide
      // in a scenario, as coordinated and foundation-mediated do without sanctions that matter).
      int second = order[1];
      for (int i = 1; i < order.length; i++) {
        if (medians[order[i]] != medians[best] || means[order[i]] != means[best]) {
          second = order[i];
          break;
        }
      }
      double[] a = column(runs, best, measure.column);
      double[] b = column(runs, second, measure.column);
      double[] gain = new double[runs.runs];
      for (int r = 0; r < runs.runs; r++) {
        gain[r] = measure.lowerIsBetter ? b[r] - a[r] : a[r] - b[r];
      }
      Band margin = Band.of(gain);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("measure", measure.key);
      row.put("better", measure.lowerIsBetter ? "lower" : "higher");
      row.put("winner", strategies.get(best).label());
      row.put("runner_up", strategies.get(second).label());
      row.put("winner_median", round(medians[best]));
      row.put("runner_up_median", round(medians[second]));
      row.put("winner_mean", round(means[best]));
      row.put("runner_up_mean", round(means[second]));
      row.put("margin", band(margin));
      row.put("margin_relative", medians[second] == 0 ? null : round(Math.abs(medians[second] - medians[best]) / Math.abs(medians[second])));
      boolean tie = medians[best] == medians[second] && means[best] == means[second];
      row.put("tie", tie);
      rows.add(row);
    }
    return rows;
  }

  /** Per strategy: what the fork adds, paired run by run against the runs without it. */
  private static Map<String, Object> forkCost(Runs with, Runs without) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Strategy> strategies = with.scenario.strategies();
    for (int k = 0; k < strategies.size(); k++) {
      Map<String, Object> cost = new LinkedHashMap<>();
      for (int column : new int[] {Runs.EXPOSURE_DAYS, Runs.EXPOSURE_DAYS_ESSENTIAL, Runs.EXPLOITABLE_DAYS}) {
        double[] a = column(with, k, column);
        double[] b = column(without, k, column);
        double[] extra = new double[a.length];
        for (int r = 0; r < a.length; r++) {
          extra[r] = a[r] - b[r];
        }
        String key = column == Runs.EXPOSURE_DAYS ? "exposure_days" : column == Runs.EXPOSURE_DAYS_ESSENTIAL ? "exposure_days_essential" : "exploitable_days";
        cost.put(key, band(Band.of(extra)));
      }
      out.put(strategies.get(k).label(), cost);
    }
    return out;
  }

  private static Map<String, Object> band(Band band) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("p5", round(band.p5()));
    out.put("p50", round(band.p50()));
    out.put("p95", round(band.p95()));
    out.put("mean", round(band.mean()));
    return out;
  }

  /** Three decimals; null for infinity (an event that never happens), which JSON cannot hold. */
  static Double round(double value) {
    if (Double.isInfinite(value) || Double.isNaN(value)) {
      return null;
    }
    return Math.round(value * 1000) / 1000.0;
  }

  /** The report as a tree of maps and lists, in a fixed order. */
  public Map<String, Object> tree() {
    return tree;
  }

  /** The report as pretty JSON. */
  public String json() {
    try {
      return JSON.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report: " + e.getMessage(), e);
    }
  }

  /** The report as a standalone HTML page with inline SVG plots; see {@link HtmlReport}. */
  public String html() {
    return HtmlReport.render(tree, scenario);
  }

  /**
   * The key figures as text lines: what the sovereign fork costs per strategy, and the essential-sector
   * exposure coordinated disclosure saves against immediate publication (when both were simulated).
   */
  @SuppressWarnings("unchecked")
  public List<String> keyFigures() {
    List<String> lines = new ArrayList<>();
    Map<String, Object> fork = (Map<String, Object>) tree.get("sovereign_fork_cost");
    if (fork != null) {
      for (Map.Entry<String, Object> e : fork.entrySet()) {
        Map<String, Object> days = (Map<String, Object>) ((Map<String, Object>) e.getValue()).get("exposure_days");
        lines.add(String.format(Locale.ROOT, "sovereign fork costs %s exposure-days under %s (90%%: %s to %s)",
            HtmlReport.number(days.get("p50")), e.getKey(), HtmlReport.number(days.get("p5")), HtmlReport.number(days.get("p95"))));
      }
    }
    Map<String, Object> strategies = (Map<String, Object>) tree.get("strategies");
    if (strategies.containsKey("coordinated") && strategies.containsKey("immediate")) {
      for (String measure : List.of("exploitable_days_essential", "exposure_days_essential")) {
        double coordinated = ((Number) ((Map<String, Object>) ((Map<String, Object>) strategies.get("coordinated")).get(measure)).get("p50")).doubleValue();
        double immediate = ((Number) ((Map<String, Object>) ((Map<String, Object>) strategies.get("immediate")).get(measure)).get("p50")).doubleValue();
        lines.add(String.format(Locale.ROOT, "%s: coordinated %s, immediate %s (coordinated saves %s, %.0f%%)", measure,
            HtmlReport.number(coordinated), HtmlReport.number(immediate), HtmlReport.number(round(immediate - coordinated)),
            immediate == 0 ? 0 : 100 * (immediate - coordinated) / immediate));
      }
    }
    return lines;
  }

  /** The comparison rows as text lines for a terminal, one per measure. */
  @SuppressWarnings("unchecked")
  public List<String> comparisonLines() {
    List<String> lines = new ArrayList<>();
    for (Object o : (List<Object>) tree.get("comparison")) {
      Map<String, Object> row = (Map<String, Object>) o;
      Map<String, Object> margin = (Map<String, Object>) row.get("margin");
      lines.add(String.format(Locale.ROOT, "%-34s %-20s beats %-20s by %s (90%%: %s to %s)%s", row.get("measure"), row.get("winner"),
          row.get("runner_up"), HtmlReport.number(margin.get("p50")), HtmlReport.number(margin.get("p5")),
          HtmlReport.number(margin.get("p95")), Boolean.TRUE.equals(row.get("tie")) ? " (tie)" : ""));
    }
    return lines;
  }
}
