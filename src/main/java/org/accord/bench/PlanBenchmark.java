package org.accord.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.accord.app.Accord;
import org.accord.app.Viewer;
import org.accord.disclosure.ParticipantSuggestions;
import org.accord.disclosure.ReportedPackage;
import org.accord.disclosure.plan.NotificationPlan;
import org.accord.disclosure.plan.Recipient;
import org.accord.disclosure.plan.ShippedStrategy;
import org.accord.disclosure.plan.Wave;
import org.accord.exposure.ComponentNode;
import org.accord.exposure.WhereUsed;
import org.accord.identity.Purl;
import org.accord.party.ClaimState;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.party.ProductClaim;
import org.accord.store.BulkLoad;
import org.accord.store.Claims;
import org.accord.store.Database;
import org.accord.store.GraphStore;
import org.accord.store.NaivePlanReads;
import org.accord.store.Organizations;
import org.accord.store.SbomDocuments;
import org.accord.synthetic.DemoDocuments;
import org.accord.synthetic.SyntheticWorld;

/**
 * {@code accord bench plan} (ADR 0135): a case's notification plan on a generated world, computed by
 * {@link org.accord.app.Plans#compute} against a naive baseline from the same run.
 *
 * <p>Setup (not measured): a world with LibraCore planted, bulk-loaded into a scratch store; a national
 * CERT per country, the LibraCore maintainers with an approved claim on the library (through the
 * services), and approved prefix claims for three vendors in four (bulk, in one transaction, without
 * ledger events; the others' products fall back to their SBOM uploader); a case owned by the local
 * coordinator with one vulnerability on LibraCore in {@code range}, and a warm-up case on the versions
 * below it.
 *
 * <p>Measured: the plan of the warm-up case {@code warmups} times (excluded: the JIT), then the case's
 * plan {@code runs} times with the default strategy; the first of those computes the where-used answer,
 * the others take it from the answer cache. The baseline computes the same plan through the same
 * {@code Plans.compute} with the suggestions' inputs read the naive way ({@link NaivePlanReads}: the
 * affected products by a recursive CTE, then per product version its owner claim, SBOM uploaders and
 * deployments), once on the warm-up case (excluded) and {@code baselineRuns} times. Both plans must
 * have the same waves with the same organizations, each with as many reasons; otherwise the result
 * says where they differ.
 */
public final class PlanBenchmark {
  private PlanBenchmark() {}

  /**
   * What to run.
   *
   * @param versions library versions of the world
   * @param edges dependency edges
   * @param deployments deployments
   * @param seed random seed of the world
   * @param range the affected LibraCore range of the case
   * @param warmupRange the range of the warm-up case, disjoint from {@code range}
   * @param runs timed plans of the case
   * @param warmups untimed plans of the warm-up case before
   * @param baselineRuns timed naive plans of the case
   * @param pgUrl a PostgreSQL URL for a scratch schema, or null for SQLite
   */
  public record Options(int versions, long edges, int deployments, long seed, String range, String warmupRange, int runs, int warmups,
      int baselineRuns, String pgUrl) {}

  /**
   * The figures; times in seconds.
   *
   * @param products product versions of the world
   * @param affectedProducts product versions the plan names a vendor for (distinct, through {@code Ships} reasons)
   * @param affectedDeployments affected deployments of the named operators
   * @param recipients organizations in the plan's waves
   * @param planUncachedS the first timed plan, which computed the where-used answer
   * @param planS the median of the timed plans
   * @param planMaxS the slowest timed plan
   * @param baselineS the median of the naive plans
   * @param planCpuS the median CPU time of the calling thread over the timed plans
   * @param baselineCpuS the same over the naive plans
   * @param disagreement where the two plans differ, empty when they agree
   * @param waves one line per wave: its kind and recipient count
   */
  public record Result(String store, int versions, long edges, int deployments, int products, int affectedProducts,
      int affectedDeployments, int recipients, double generateS, double loadS, double setupS, double planUncachedS, double planS,
      double planMaxS, double baselineS, double baselineMaxS, double planCpuS, double baselineCpuS, Optional<String> disagreement,
      List<String> waves) {
    /** Naive median over the real path's median. */
    public double speedup() {
      return baselineS / planS;
    }

    /** Naive median over the real path's first (uncached) plan. */
    public double speedupUncached() {
      return baselineS / planUncachedS;
    }
  }

  /** Runs the benchmark; progress lines go to {@code log}. */
  public static Result run(Options options, Consumer<String> log) throws IOException {
    if (options.runs() < 1 || options.warmups() < 0 || options.baselineRuns() < 1 || options.deployments() < 1) {
      throw new IllegalArgumentException("--runs and --baseline-runs must be at least 1, --warmups at least 0, --deployments at least 1");
    }
    long started = System.nanoTime();
    SyntheticWorld.Spec scaled = SyntheticWorld.Spec.scaled(options.versions(), options.edges(), options.deployments(), options.seed());
    SyntheticWorld world = SyntheticWorld.generate(new SyntheticWorld.Spec(scaled.versions(), scaled.edges(), scaled.deployments(),
        scaled.seed(), scaled.vendors(), scaled.products(), scaled.operators(), scaled.countries(), scaled.sectors(), true));
    double generateS = seconds(started);
    log.accept(String.format(Locale.ROOT, "generated %,d versions, %,d edges, %,d products, %,d deployments in %.1f s",
        world.versionCount(), world.edgeCount(), world.products().size(), world.sites().size(), generateS));
    try (ScratchStore store = ScratchStore.create("accord-bench-plan-", options.pgUrl())) {
      started = System.nanoTime();
      try (Database database = store.openDatabase()) {
        BulkLoad.load(database, world, System.currentTimeMillis());
      }
      double loadS = seconds(started);
      log.accept(String.format(Locale.ROOT, "loaded the store (%s) in %.1f s", store.label(), loadS));
      try (Accord accord = Accord.open(store.config())) {
        started = System.nanoTime();
        Principal owner = accord.parties().localCoordinator();
        String id = setup(accord, world, owner, options.range());
        String warmup = openCase(accord, owner, "LibraCore, older versions", options.warmupRange());
        double setupS = seconds(started);
        log.accept(String.format(Locale.ROOT, "setup (not measured): claims, CERTs and the case %s on %s %s in %.1f s",
            id, SyntheticWorld.LIBRACORE, options.range(), setupS));
        int[] size = {world.versionCount(), world.sites().size(), world.products().size()};
        long edges = world.edgeCount();
        world = null; // not kept through the measurement: at full size it is most of the heap
        return measure(accord, size, edges, owner, id, warmup, options, store.kind(), generateS, loadS, setupS, log);
      }
    }
  }

  private static Result measure(Accord accord, int[] size, long edges, Principal owner, String id, String warmup, Options options,
      String store, double generateS, double loadS, double setupS, Consumer<String> log) {
    for (int i = 0; i < options.warmups(); i++) {
      accord.plans().compute(owner, warmup, ShippedStrategy.COORDINATED);
    }
    // Wall time is the figure; the calling thread's CPU time (SQLite's work included, the GC's not) is
    // reported beside it, since on shared cores the wall time is mostly waiting for one.
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] nanos = new long[options.runs()];
    long[] cpu = new long[options.runs()];
    NotificationPlan plan = null;
    for (int i = 0; i < nanos.length; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      plan = accord.plans().compute(owner, id, ShippedStrategy.COORDINATED);
      nanos[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
    }
    Percentiles real = new Percentiles(nanos);
    log.accept(String.format(Locale.ROOT, "plan, real path: first (where-used computed) %.3f s, median %.3f s, max %.3f s over %d runs",
        nanos[0] / 1e9, real.millis(50) / 1e3, max(nanos) / 1e9, nanos.length));

    accord.plans().compute(owner, warmup, ShippedStrategy.COORDINATED, (packages, who) -> naive(accord, packages, who));
    long[] naiveNanos = new long[options.baselineRuns()];
    long[] naiveCpu = new long[options.baselineRuns()];
    NotificationPlan naivePlan = null;
    for (int i = 0; i < naiveNanos.length; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      naivePlan = accord.plans().compute(owner, id, ShippedStrategy.COORDINATED, (packages, who) -> naive(accord, packages, who));
      naiveNanos[i] = System.nanoTime() - t0;
      naiveCpu[i] = threads.getCurrentThreadCpuTime() - c0;
    }
    Percentiles naive = new Percentiles(naiveNanos);
    log.accept(String.format(Locale.ROOT, "plan, naive (per-product SQL): median %.3f s, max %.3f s over %d runs",
        naive.millis(50) / 1e3, max(naiveNanos) / 1e9, naiveNanos.length));

    Optional<String> disagreement = disagreement(plan, naivePlan);
    disagreement.ifPresent(d -> log.accept("DISAGREE: " + d));
    Set<String> products = new HashSet<>();
    int deployments = 0;
    int recipients = 0;
    List<String> waves = new ArrayList<>();
    for (Wave wave : plan.waves()) {
      recipients += wave.recipients().size();
      waves.add(wave.number() + " " + wave.kind().label() + ": " + wave.recipients().size());
      for (Recipient r : wave.recipients()) {
        for (Recipient.Reason reason : r.reasons()) {
          if (reason instanceof Recipient.Ships ships) {
            products.add(ships.path().product());
          } else if (reason instanceof Recipient.Runs runs && r.kind() == OrgKind.OPERATOR) {
            deployments += runs.deployments().stream().mapToInt(d -> d.deployments() == null ? 0 : d.deployments()).sum();
          }
        }
      }
    }
    log.accept("waves: " + String.join("; ", waves));
    return new Result(store, size[0], edges, size[1], size[2], products.size(),
        deployments, recipients, generateS, loadS, setupS, nanos[0] / 1e9, real.millis(50) / 1e3, max(nanos) / 1e9,
        naive.millis(50) / 1e3, max(naiveNanos) / 1e9, new Percentiles(cpu).millis(50) / 1e3, new Percentiles(naiveCpu).millis(50) / 1e3,
        disagreement, waves);
  }

  /**
   * Where two plans of the same case differ: in their waves' kinds and order, or in a wave's
   * organizations or how many reasons each has. Due times are not compared (each plan is computed at
   * its own now), nor the paths of the reasons (a product may have several shortest paths).
   *
   * @return the first difference, or empty when they agree
   */
  public static Optional<String> disagreement(NotificationPlan real, NotificationPlan naive) {
    if (real.waves().size() != naive.waves().size()) {
      return Optional.of("the real path has " + real.waves().size() + " waves, the naive one " + naive.waves().size());
    }
    for (int i = 0; i < real.waves().size(); i++) {
      Wave a = real.waves().get(i);
      Wave b = naive.waves().get(i);
      if (a.kind() != b.kind() || !a.gate().equals(b.gate()) || a.tlp() != b.tlp()) {
        return Optional.of("wave " + a.number() + " is " + a.kind().label() + " on the real path, " + b.kind().label() + " on the naive one");
      }
      Map<String, Integer> x = reasons(a);
      Map<String, Integer> y = reasons(b);
      if (!x.equals(y)) {
        Set<String> only = new TreeSet<>(x.keySet());
        only.removeAll(y.keySet());
        Set<String> missing = new TreeSet<>(y.keySet());
        missing.removeAll(x.keySet());
        Set<String> counts = new TreeSet<>();
        x.forEach((org, n) -> {
          if (y.containsKey(org) && !y.get(org).equals(n)) {
            counts.add(org + " (" + n + " reasons vs " + y.get(org) + ")");
          }
        });
        return Optional.of("wave " + a.number() + " (" + a.kind().label() + "): only on the real path " + first(only)
            + "; only on the naive one " + first(missing) + "; different reasons " + first(counts));
      }
    }
    return Optional.empty();
  }

  private static Map<String, Integer> reasons(Wave wave) {
    Map<String, Integer> byOrg = new TreeMap<>();
    wave.recipients().forEach(r -> byOrg.put(r.organization(), r.reasons().size()));
    return byOrg;
  }

  private static String first(Set<String> names) {
    return names.isEmpty() ? "none" : names.size() + " such as " + String.join(", ", names.stream().limit(3).toList());
  }

  /**
   * The suggestions' inputs read the naive way ({@link NaivePlanReads}), then the same rules: the
   * matched versions by package and range check, the affected products and their shortest paths from a
   * recursive CTE, and for each affected product version its covering claims, live SBOM uploaders and
   * deployments, each by its own query; the organizations in one.
   */
  private static ParticipantSuggestions.Result naive(Accord accord, List<ReportedPackage> packages, Principal principal) {
    return accord.database().jdbi().withHandle(handle -> {
      List<ParticipantSuggestions.Affected> affected = new ArrayList<>();
      Map<String, ProductClaim> claims = new LinkedHashMap<>();
      Map<String, List<Organization>> uploaders = new LinkedHashMap<>();
      for (ReportedPackage reported : packages) {
        String key = reported.purl().packageKey();
        Predicate<String> inRange = accord.exposure().select(reported.purl().canonical(), reported.range().toVers()).filter();
        List<Long> ids = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (ComponentNode candidate : GraphStore.versionsOf(accord.database(), key)) {
          if (inRange.test(candidate.version())) {
            ids.add(candidate.id());
            matched.add(candidate.purl());
          }
        }
        NaivePlanReads.covering(handle, key).forEach(c -> claims.putIfAbsent(c.id(), c));
        Map<Long, NaivePlanReads.Reached> reached = NaivePlanReads.reach(handle, ids);
        List<WhereUsed.ProductHit> hits = new ArrayList<>();
        List<WhereUsed.DeploymentHit> deployments = new ArrayList<>();
        for (NaivePlanReads.Reached r : reached.values()) {
          if (!r.product()) {
            continue;
          }
          List<String> path = new ArrayList<>();
          for (NaivePlanReads.Reached step = r; step != null; step = step.via() < 0 ? null : reached.get(step.via())) {
            path.add(step.purl());
          }
          hits.add(new WhereUsed.ProductHit(r.purl(), path));
          NaivePlanReads.covering(handle, Purl.packageKeyOf(r.purl())).forEach(c -> claims.putIfAbsent(c.id(), c));
          SbomDocuments.liveUploaders(handle, List.of(r.purl())).forEach((purl, orgs) -> uploaders.put(purl, orgs));
          for (NaivePlanReads.DeploymentRow d : NaivePlanReads.deployments(handle, r.id())) {
            deployments.add(new WhereUsed.DeploymentHit(d.operator(), d.site(), d.sector(), d.country(), d.criticality(), r.purl(), path));
          }
        }
        affected.add(new ParticipantSuggestions.Affected(reported, new WhereUsed(key, matched, hits, deployments, List.of()),
            matched.isEmpty() ? "No known version of " + key + " is in " + reported.range().toVers() : null));
      }
      List<Organization> organizations = Organizations.list(handle);
      // the audience Suggestions makes of a principal: an unshared view, the coordinator seeing and knowing all
      ParticipantSuggestions.Audience audience = new ParticipantSuggestions.Audience(
          principal.organization().name(), principal.isCoordinator(), principal.isCoordinator(), Viewer.DEFAULT_K);
      return ParticipantSuggestions.suggest(affected, claims.values(), uploaders, organizations, audience);
    });
  }

  /**
   * The parties of a LibraCore case and the case itself: a national CERT per country, the maintainers
   * with an approved claim on LibraCore, approved prefix claims for three vendors in four (bulk), and a
   * case with one vulnerability on LibraCore in {@code range}.
   *
   * @return the case id
   */
  private static String setup(Accord accord, SyntheticWorld world, Principal coordinator, String range) {
    for (String country : SyntheticWorld.COUNTRIES.subList(0, world.spec().countries())) {
      accord.parties().createOrganization(coordinator, DemoDocuments.nationalCert(country), OrgKind.CERT, country, null);
    }
    accord.parties().ensure(DemoDocuments.MAINTAINERS, OrgKind.MAINTAINER);
    ProductClaim libra = accord.claims().claim(accord.parties().actingFor(coordinator, DemoDocuments.MAINTAINERS), SyntheticWorld.LIBRACORE, null);
    accord.claims().approve(coordinator, libra.id());
    Map<String, String> prefixes = new TreeMap<>();
    for (SyntheticWorld.Product product : world.products()) {
      String key = Purl.packageKeyOf(product.purl());
      prefixes.putIfAbsent(product.vendor(), key.substring(0, key.lastIndexOf('/') + 1));
    }
    long now = accord.now();
    accord.database().jdbi().useTransaction(handle -> {
      int i = 0;
      for (Map.Entry<String, String> vendor : prefixes.entrySet()) {
        if (i++ % 4 == 3) {
          continue; // its products' vendor is their SBOM uploader, unverified
        }
        Organization org = Organizations.require(handle, vendor.getKey());
        ProductClaim claim = Claims.create(handle, org, vendor.getValue(), now);
        Claims.decide(handle, claim.decide(ClaimState.APPROVED, "", java.time.Instant.ofEpochMilli(now)));
      }
    });
    return openCase(accord, coordinator, "LibraCore at scale", range);
  }

  private static String openCase(Accord accord, Principal owner, String title, String range) {
    String id = accord.cases().create(owner, title, null, List.of("coordinator")).row().id().toString();
    accord.cases().addVulnerability(owner, id, null, List.of(SyntheticWorld.LIBRACORE + " " + range), null, null);
    return id;
  }

  private static long max(long[] nanos) {
    long max = 0;
    for (long n : nanos) {
      max = Math.max(max, n);
    }
    return max;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
