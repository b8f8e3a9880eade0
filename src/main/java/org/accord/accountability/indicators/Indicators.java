package org.accord.accountability.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The indicators of ADR 0142 over a set of case timelines: for the whole set and for each
 * organization, per {@link Interval} the count, median and mean in days; per {@link Ordering} the
 * trials, the share met and the {@link Skill}; embargo adherence; and notification before publication.
 * Pure, stateless and thread-safe.
 *
 * <p>How: one pass over the cases. A case is in scope when its report time is in the period; each
 * timeline adds its own intervals and, if a vendor, its ordering outcomes to the whole set's
 * accumulator and its organization's; the case's own figures (report to public, embargo) are added
 * once to the whole set and once to each organization that takes part. Durations are kept in
 * growable {@code double[]}s and sorted once at the end for the medians: O(n log n) in the timelines,
 * O(n) memory. The same input always gives the same report, byte for byte, whatever the order of the
 * cases: organizations are sorted by name, sums are of values sorted first.
 */
public final class Indicators {
  private static final double MS_PER_DAY = 86_400_000.0;

  private Indicators() {}

  /**
   * What to compute.
   *
   * @param organization only this organization's timelines (case-insensitive name), or all and each
   * @param from cases reported at or after this instant
   * @param to cases reported before this instant
   * @param cases whether the report lists every timeline in scope
   */
  public record Scope(Optional<String> organization, Optional<Instant> from, Optional<Instant> to, boolean cases) {
    /** Everything, without the timelines. */
    public static final Scope ALL = new Scope(Optional.empty(), Optional.empty(), Optional.empty(), false);

    /** @throws IllegalArgumentException if {@code from} is not before {@code to} */
    public Scope {
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
        throw new IllegalArgumentException("the period's start " + from.get() + " is not before its end " + to.get());
      }
      organization = organization.map(String::strip).filter(s -> !s.isEmpty());
    }

    boolean inPeriod(long reported) {
      if (reported == Timeline.NONE) {
        return from.isEmpty() && to.isEmpty();
      }
      return from.map(f -> reported >= f.toEpochMilli()).orElse(true) && to.map(t -> reported < t.toEpochMilli()).orElse(true);
    }
  }

  /** One interval's figures; median and mean are empty when the count is 0. */
  public record IntervalFigure(Interval interval, int count, Optional<Double> medianDays, Optional<Double> meanDays) {}

  /** One ordering's figures; the skill is empty when there was no trial. */
  public record OrderingFigure(Ordering ordering, long trials, long met, Optional<Skill> skill) {}

  /**
   * The figures of one set of timelines.
   *
   * @param cases cases in scope that the set takes part in, live and imported
   * @param imported of those, the historical cases imported with their stated dates (ADR 0156)
   * @param timelines organization timelines counted
   * @param intervals one per {@link Interval}, in declaration order
   * @param orderings one per {@link Ordering}, in declaration order
   * @param embargoed cases with an embargo in force at some time
   * @param embargoHeld of those, the ones whose embargo was not broken
   * @param notified organizations notified into a case
   * @param notifiedBeforePublic of those, the ones notified before P (or while P has not happened)
   */
  public record Figures(int cases, int imported, int timelines, List<IntervalFigure> intervals, List<OrderingFigure> orderings, int embargoed,
      int embargoHeld, int notified, int notifiedBeforePublic) {
    public Figures {
      intervals = List.copyOf(intervals);
      orderings = List.copyOf(orderings);
    }

    /** The figure of one interval. */
    public IntervalFigure interval(Interval interval) {
      return intervals.get(interval.ordinal());
    }

    /** The figure of one ordering. */
    public OrderingFigure ordering(Ordering ordering) {
      return orderings.get(ordering.ordinal());
    }
  }

  /**
   * A report.
   *
   * @param scope what was asked
   * @param all the figures of every timeline in scope (of the one organization, when the scope names one)
   * @param organizations each organization's figures by name; empty when the scope names one
   * @param timelines every timeline in scope when the scope asks for them, else empty
   */
  public record Report(Scope scope, Figures all, Map<String, Figures> organizations, List<Timeline> timelines) {
    public Report {
      organizations = java.util.Collections.unmodifiableMap(new TreeMap<>(organizations));
      timelines = List.copyOf(timelines);
    }
  }

  /** Computes the report of {@code cases} in {@code scope}. */
  public static Report compute(Collection<CaseTimeline> cases, Scope scope) {
    Accumulator all = new Accumulator();
    Map<String, Accumulator> byOrg = new TreeMap<>();
    List<Timeline> listed = new ArrayList<>();
    String only = scope.organization().orElse(null);
    for (CaseTimeline c : cases) {
      if (!scope.inPeriod(c.reported())) {
        continue;
      }
      boolean caseCounted = false;
      for (Timeline t : c.timelines()) {
        if (only != null && !t.organization().equalsIgnoreCase(only)) {
          continue;
        }
        if (!caseCounted) {
          all.addCase(c);
          caseCounted = true;
        }
        all.addTimeline(t);
        if (only == null) {
          Accumulator mine = byOrg.computeIfAbsent(t.organization(), k -> new Accumulator());
          mine.addCase(c);
          mine.addTimeline(t);
        }
        if (scope.cases()) {
          listed.add(t);
        }
      }
    }
    Map<String, Figures> organizations = new TreeMap<>();
    byOrg.forEach((name, acc) -> organizations.put(name, acc.figures()));
    listed.sort(java.util.Comparator.comparing(Timeline::caseId).thenComparing(Timeline::organization));
    return new Report(scope, all.figures(), organizations, listed);
  }

  /** Accumulates one set's figures. Not thread-safe. */
  private static final class Accumulator {
    private final EnumMap<Interval, Durations> durations = new EnumMap<>(Interval.class);
    private final long[] met = new long[Ordering.values().length];
    private final long[] trials = new long[Ordering.values().length];
    private int cases;
    private int imported;
    private int timelines;
    private int embargoed;
    private int held;
    private int notified;
    private int notifiedBefore;

    Accumulator() {
      for (Interval i : Interval.values()) {
        durations.put(i, new Durations());
      }
    }

    void addCase(CaseTimeline c) {
      cases++;
      if (c.imported()) {
        imported++;
      }
      if (c.embargo() != CaseTimeline.Embargo.NONE) {
        embargoed++;
        if (c.embargo() == CaseTimeline.Embargo.HELD) {
          held++;
        }
      }
      for (Interval i : Interval.values()) {
        if (i.perCase()) {
          add(i, c.reported() == Timeline.NONE || i.from() != Milestone.REPORTED ? Timeline.NONE : c.reported(), c.at(i.to()));
        }
      }
    }

    void addTimeline(Timeline t) {
      timelines++;
      for (Interval i : Interval.values()) {
        if (!i.perCase()) {
          add(i, t.at(i.from()), t.at(i.to()));
        }
      }
      long notifiedAt = t.at(Milestone.NOTIFIED);
      if (notifiedAt != Timeline.NONE) {
        notified++;
        long p = t.at(Milestone.PUBLIC);
        if (p == Timeline.NONE || notifiedAt < p) {
          notifiedBefore++;
        }
      }
      if (t.vendor()) {
        for (Ordering o : Ordering.values()) {
          Ordering.Outcome outcome = Ordering.judge(t.at(o.first()), t.at(o.then()));
          if (outcome != Ordering.Outcome.NOT_YET) {
            trials[o.ordinal()]++;
            if (outcome == Ordering.Outcome.MET) {
              met[o.ordinal()]++;
            }
          }
        }
      }
    }

    private void add(Interval interval, long from, long to) {
      if (from != Timeline.NONE && to != Timeline.NONE && to >= from) {
        durations.get(interval).add((to - from) / MS_PER_DAY);
      }
    }

    Figures figures() {
      List<IntervalFigure> intervals = new ArrayList<>();
      for (Interval i : Interval.values()) {
        double[] values = durations.get(i).sorted();
        if (values.length == 0) {
          intervals.add(new IntervalFigure(i, 0, Optional.empty(), Optional.empty()));
        } else {
          int mid = values.length / 2;
          double median = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
          double sum = 0;
          for (double v : values) {
            sum += v;
          }
          intervals.add(new IntervalFigure(i, values.length, Optional.of(median), Optional.of(sum / values.length)));
        }
      }
      List<OrderingFigure> orderings = new ArrayList<>();
      for (Ordering o : Ordering.values()) {
        long n = trials[o.ordinal()];
        long m = met[o.ordinal()];
        orderings.add(new OrderingFigure(o, n, m, n == 0 ? Optional.empty() : Optional.of(Skill.of(o, m, n))));
      }
      return new Figures(cases, imported, timelines, intervals, orderings, embargoed, held, notified, notifiedBefore);
    }
  }

  /** A growable array of durations. */
  private static final class Durations {
    private double[] values = new double[16];
    private int size;

    void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    double[] sorted() {
      double[] out = Arrays.copyOf(values, size);
      Arrays.sort(out);
      return out;
    }
  }

  /**
   * The report as JSON-ready values (maps, lists, strings, numbers), in the shape {@code accord
   * indicators --json} and {@code GET /api/v1/indicators} print and {@link IndicatorAudit} compares.
   * Days, shares and skills are rounded to six decimals, so the text is the same on every JVM.
   */
  public static Map<String, Object> toJson(Report report) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> scope = new LinkedHashMap<>();
    report.scope().organization().ifPresent(o -> scope.put("organization", o));
    report.scope().from().ifPresent(f -> scope.put("from", f.toString()));
    report.scope().to().ifPresent(t -> scope.put("to", t.toString()));
    out.put("scope", scope);
    out.putAll(figures(report.all()));
    if (report.scope().organization().isEmpty()) {
      List<Object> orgs = new ArrayList<>();
      report.organizations().forEach((name, figures) -> {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("organization", name);
        one.putAll(figures(figures));
        orgs.add(one);
      });
      out.put("organizations", orgs);
    }
    if (report.scope().cases()) {
      List<Object> list = new ArrayList<>();
      for (Timeline t : report.timelines()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("case", t.caseId());
        one.put("organization", t.organization());
        one.put("vendor", t.vendor());
        Map<String, Object> times = new LinkedHashMap<>();
        for (Milestone m : Milestone.values()) {
          t.time(m).ifPresent(at -> times.put(m.label(), at.toString()));
        }
        one.put("milestones", times);
        if (t.vendor()) {
          Map<String, Object> held = new LinkedHashMap<>();
          for (Ordering o : Ordering.values()) {
            Ordering.Outcome outcome = Ordering.judge(t.at(o.first()), t.at(o.then()));
            if (outcome != Ordering.Outcome.NOT_YET) {
              held.put(o.label(), outcome == Ordering.Outcome.MET);
            }
          }
          one.put("orderings", held);
        }
        list.add(one);
      }
      out.put("case_timelines", list);
    }
    return out;
  }

  private static Map<String, Object> figures(Figures f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cases", f.cases());
    out.put("live", f.cases() - f.imported());
    out.put("imported", f.imported());
    out.put("timelines", f.timelines());
    Map<String, Object> intervals = new LinkedHashMap<>();
    for (IntervalFigure i : f.intervals()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("count", i.count());
      i.medianDays().ifPresent(d -> one.put("median_days", round(d)));
      i.meanDays().ifPresent(d -> one.put("mean_days", round(d)));
      intervals.put(i.interval().label(), one);
    }
    out.put("intervals", intervals);
    Map<String, Object> orderings = new LinkedHashMap<>();
    for (OrderingFigure o : f.orderings()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("trials", o.trials());
      one.put("met", o.met());
      one.put("f_d", o.ordering().luck());
      o.skill().ifPresent(s -> {
        one.put("share", round(s.share()));
        one.put("skill", round(s.skill()));
        one.put("skill_low", round(s.low()));
        one.put("skill_high", round(s.high()));
      });
      orderings.put(o.ordering().label(), one);
    }
    out.put("orderings", orderings);
    Map<String, Object> embargo = new LinkedHashMap<>();
    embargo.put("cases", f.embargoed());
    embargo.put("held", f.embargoHeld());
    if (f.embargoed() > 0) {
      embargo.put("share", round((double) f.embargoHeld() / f.embargoed()));
    }
    out.put("embargo", embargo);
    Map<String, Object> notification = new LinkedHashMap<>();
    notification.put("notified", f.notified());
    notification.put("before_public", f.notifiedBeforePublic());
    if (f.notified() > 0) {
      notification.put("share", round((double) f.notifiedBeforePublic() / f.notified()));
    }
    out.put("notification", notification);
    return out;
  }

  private static double round(double value) {
    double r = Math.round(value * 1e6) / 1e6;
    return r == 0 ? 0.0 : r; // no -0.0
  }
}
