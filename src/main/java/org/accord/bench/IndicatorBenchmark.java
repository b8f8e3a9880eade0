package org.accord.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.accord.accountability.indicators.CaseTimeline;
import org.accord.accountability.indicators.Indicators;
import org.accord.app.Accord;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.Tlp;
import org.accord.party.OrgKind;
import org.accord.store.Database;
import org.accord.store.indicators.IndicatorReads;

/**
 * {@code accord bench indicators} (ADR 0142): the indicators over {@code cases} cases and about {@code
 * events} case events in a scratch store, computed the real way (one scan ordered by case and sequence,
 * each case folded as its rows end, then {@link Indicators#compute}) against a naive baseline in the
 * same run ({@link IndicatorReads#foldPerCase}: seven queries per case, one per event type the fold
 * reads). Both must give the same report, byte for byte.
 *
 * <p>Setup (not measured): the cases and their events written in bulk, without ledger events. Each case
 * has a coordinator owner, two vendors and two other participants, V, F (most), P, sometimes D, X and A,
 * acknowledgements, statuses and an embargo in about half, and message events (which the fold skips) up
 * to the average asked.
 */
public final class IndicatorBenchmark {
  private IndicatorBenchmark() {}

  /** What to run; {@code pgUrl} a PostgreSQL URL for a scratch schema, or null for SQLite. */
  public record Options(int cases, long events, long seed, int runs, String pgUrl) {}

  /** What was measured; times in seconds, medians of the runs. */
  public record Result(String store, int cases, long events, double setupS, double indicatorsS, double baselineS, double speedup,
      boolean agree, double indicatorsCpuS, double baselineCpuS) {}

  public static Result run(Options options, Consumer<String> log) throws Exception {
    if (options.cases() < 1 || options.events() < options.cases() * 20L || options.runs() < 1) {
      throw new IllegalArgumentException("--cases must be at least 1, --events at least 20 per case, --runs at least 1");
    }
    try (ScratchStore store = ScratchStore.create("accord-bench-indicators-", options.pgUrl());
        Accord accord = Accord.open(store.config())) {
      long started = System.nanoTime();
      long owner = accord.parties().ensure("Bench CERT", OrgKind.CERT).id();
      long written = load(accord.database(), owner, options, log);
      double setupS = (System.nanoTime() - started) / 1e9;
      log.accept(String.format(Locale.ROOT, "setup (%s, not measured): %,d cases, %,d events in %.1f s", store.label(), options.cases(),
          written, setupS));

      Database db = accord.database();
      String real = null;
      List<Double> times = new ArrayList<>();
      List<Double> cpuTimes = new ArrayList<>();
      for (int run = 0; run <= options.runs(); run++) { // run 0 warms up
        long t = System.nanoTime();
        long cpu = processCpuNanos();
        List<CaseTimeline> cases = new ArrayList<>(options.cases());
        db.jdbi().useHandle(h -> IndicatorReads.foldAll(h, cases::add));
        real = json(Indicators.compute(cases, Indicators.Scope.ALL));
        double s = (System.nanoTime() - t) / 1e9;
        double cpuS = (processCpuNanos() - cpu) / 1e9;
        if (run > 0) {
          times.add(s);
          cpuTimes.add(cpuS);
        }
        log.accept(String.format(Locale.ROOT, "%s: one scan, %.3f s (%.3f s CPU)", run == 0 ? "warm-up" : "run " + run, s, cpuS));
      }
      long t = System.nanoTime();
      long cpu = processCpuNanos();
      List<CaseTimeline> naive = new ArrayList<>(options.cases());
      db.jdbi().useHandle(h -> IndicatorReads.foldPerCase(h, naive::add));
      String baseline = json(Indicators.compute(naive, Indicators.Scope.ALL));
      double baselineS = (System.nanoTime() - t) / 1e9;
      double baselineCpuS = (processCpuNanos() - cpu) / 1e9;
      log.accept(String.format(Locale.ROOT, "baseline: per-case queries, %.3f s (%.3f s CPU)", baselineS, baselineCpuS));
      times.sort(Double::compare);
      cpuTimes.sort(Double::compare);
      double median = times.get(times.size() / 2);
      return new Result(store.kind(), options.cases(), written, setupS, median, baselineS, baselineS / median, real.equals(baseline),
          cpuTimes.get(cpuTimes.size() / 2), baselineCpuS);
    }
  }

  /**
   * CPU time of the whole process (the JDBC driver runs in the caller's thread; JIT and GC threads count
   * too): on this shared machine wall time mostly measures the queue for a core, CPU time the work.
   */
  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static String json(Indicators.Report report) {
    return org.accord.ledger.CanonicalJson.string(Indicators.toJson(report));
  }

  /** Writes the cases and events in transactions of 500 cases; the number of events written. */
  private static long load(Database db, long owner, Options options, Consumer<String> log) {
    Random random = new Random(options.seed());
    long perCase = options.events() / options.cases();
    long t0 = 1_767_225_600_000L; // 2026-01-01
    long day = 86_400_000L;
    long total = 0;
    for (int first = 0; first < options.cases(); first += 500) {
      int from = first;
      int to = Math.min(options.cases(), first + 500);
      long[] count = {0};
      db.jdbi().useTransaction(h -> {
        List<IndicatorReads.EventRow> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
          CaseId id = new CaseId(2026, i + 1);
          long opened = t0 + (long) (random.nextDouble() * 300 * day);
          long pk = org.accord.store.Cases.create(h, id, "bench case " + i, Tlp.AMBER, owner, opened);
          List<Object[]> events = new ArrayList<>();
          String c = id.toString();
          String v1 = "Vendor " + (i % 97);
          String v2 = "Vendor " + ((i * 7 + 3) % 97);
          events.add(ev(opened, "case.created", Map.of("case", c, "owner", "Bench CERT", "roles", List.of("coordinator"))));
          long p = opened + (long) ((10 + random.nextInt(120)) * (double) day);
          boolean embargo = random.nextBoolean();
          if (embargo) {
            long end = opened + (long) ((20 + random.nextInt(100)) * (double) day);
            events.add(ev(opened + day / 2, "case.embargo_accepted", Map.of("case", c, "end", java.time.Instant.ofEpochMilli(end).toString(),
                "em", "active")));
          }
          for (String v : List.of(v1, v2)) {
            long invited = opened + (long) (random.nextDouble() * 3 * day);
            events.add(ev(invited, "case.participant_invited", Map.of("case", c, "organization", v, "roles", List.of("vendor"))));
            events.add(ev(invited + 1000, "case.state_changed", Map.of("case", c, "event", "vendor_aware", "vendor", v)));
            events.add(ev(invited + (long) (random.nextDouble() * 5 * day), "case.acknowledged", Map.of("case", c, "organization", v)));
            if (random.nextInt(10) < 8) {
              long fix = invited + (long) ((1 + random.nextInt(90)) * (double) day);
              events.add(ev(fix, "case.state_changed", Map.of("case", c, "event", "fix_ready", "vendor", v)));
              if (random.nextInt(4) == 0) {
                events.add(ev(fix + (long) (random.nextDouble() * 20 * day), "case.state_changed",
                    Map.of("case", c, "event", "fix_deployed", "vendor", v)));
              }
            }
            events.add(ev(invited + (long) (random.nextDouble() * 60 * day), "case.status_set",
                Map.of("case", c, "organization", v, "product", "pkg:maven/bench/p" + i, "checked", true)));
          }
          for (int k = 0; k < 2; k++) {
            String op = "Operator " + ((i + k * 13) % 211);
            long invited = opened + (long) (random.nextDouble() * 150 * day);
            events.add(ev(invited, "case.participant_invited", Map.of("case", c, "organization", op, "roles", List.of("deployer"))));
            events.add(ev(invited + (long) (random.nextDouble() * 4 * day), "case.acknowledged", Map.of("case", c, "organization", op)));
          }
          events.add(ev(p, "case.state_changed", Map.of("case", c, "event", "public_aware")));
          if (random.nextInt(10) < 3) {
            events.add(ev(p + (long) ((random.nextDouble() * 60 - 20) * day), "case.state_changed", Map.of("case", c, "event", "exploit_public")));
          }
          if (random.nextInt(10) < 2) {
            events.add(ev(opened + (long) (random.nextDouble() * 200 * day), "case.state_changed", Map.of("case", c, "event", "attacks_observed")));
          }
          events.sort(java.util.Comparator.comparingLong(e -> (Long) e[0]));
          while (events.size() < perCase) {
            events.add(ev(p, "case.message_posted", Map.of("case", c, "thread", "t" + events.size(), "audience", "all")));
          }
          long seq = 0;
          for (Object[] e : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) e[2];
            rows.add(new IndicatorReads.EventRow(pk, ++seq, (String) e[1], (Long) e[0], "Bench CERT", data));
          }
        }
        IndicatorReads.insertEvents(h, rows);
        count[0] = rows.size();
      });
      total += count[0];
      if (to % 2000 == 0 || to == options.cases()) {
        log.accept(String.format(Locale.ROOT, "wrote %,d cases, %,d events", to, total));
      }
    }
    return total;
  }

  private static Object[] ev(long at, String type, Map<String, Object> data) {
    return new Object[] {at, type, new LinkedHashMap<>(data)};
  }
}
