package org.accord.bench;

import org.accord.disclosure.CaseEventType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.accord.app.Accord;
import org.accord.app.Cases;
import org.accord.disclosure.CaseId;
import org.accord.disclosure.EmState;
import org.accord.disclosure.PxaState;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.store.Cases.CaseRow;
import org.accord.store.NaiveCaseReads;

/**
 * {@code accord bench cases} (ADR 0108): the case routes at scale on loopback, each against a naive
 * baseline from the same run.
 *
 * <p>Setup (not measured): a scratch store (SQLite, or a PostgreSQL schema), {@code cases} cases opened
 * through {@link Cases#create}, one of them with {@code participants} organizations invited through
 * {@link Cases#invite}, and its history filled to {@code events} with case events written in bulk
 * through {@code store.Cases.addEvent} (the service's writes each await the ledger; the view does not
 * read the history). Then, with a real web server on loopback:
 *
 * <ul>
 *   <li>list and view: {@code GET /api/v1/cases} and {@code GET /api/v1/cases/{big}} from {@code
 *       readers} keep-alive connections ({@link LoadGenerator}); the list is its first page of 50
 *       summaries (ADR 0111). The baselines are the same answers assembled in-process the naive way,
 *       on as many threads, against the service's own in-process call (the ratio compares like with
 *       like): the list page from every case with one participants query per case (N+1), the view with
 *       one query per participant ({@link NaiveCaseReads}). The view is also timed with the service's
 *       queries but without its view cache;
 *   <li>transitions: {@code POST /api/v1/cases/{id}/transitions} on the small cases from {@code
 *       writers} connections, each answered after its ledger event is committed; the baseline is the
 *       same case-row update and case event through {@code store} alone, without the ledger or HTTP.
 * </ul>
 */
public final class CaseBenchmark {
  private CaseBenchmark() {}

  /** What to run. */
  public record Options(int cases, int participants, int events, int readers, int writers, double seconds, double warmupSeconds,
      String pgUrl) {}

  /**
   * Latency figures of one kind.
   *
   * @param requests completed requests in the measured period
   * @param errors failed ones
   * @param p50Ms median
   * @param p99Ms 99th percentile
   */
  public record Figures(long requests, long errors, double p50Ms, double p99Ms) {}

  /**
   * The figures.
   *
   * @param store {@code sqlite} or {@code postgresql}
   * @param setupS unmeasured setup time
   * @param list the served list
   * @param listService the service's list in-process
   * @param listNaive the naive list in-process
   * @param view the served view of the big case
   * @param viewService the service's view in-process (its view cache warm)
   * @param viewUncached the service's queries for the view (one for the participants) without the cache
   * @param viewNaive the naive view in-process
   * @param transition served transitions with their ledger events
   * @param transitionFloor the same writes through the store alone
   * @param listBytes the list answer's size
   * @param viewBytes the view answer's size
   */
  public record Result(String store, Options options, String bigCase, double setupS, Figures list, Figures listService,
      Figures listNaive, Figures view, Figures viewService, Figures viewUncached, Figures viewNaive, Figures transition, Figures transitionFloor,
      long listBytes, long viewBytes) {
    public long errors() {
      return list.errors() + view.errors() + transition.errors();
    }
  }

  private static final String[] WHOLE_CASE_EVENTS = {"public_aware", "exploit_public", "attacks_observed"};

  /** Runs the benchmark; progress lines go to {@code log}. */
  public static Result run(Options options, Function<Accord, ApiBenchmark.Server> serve, Consumer<String> log)
      throws IOException, InterruptedException {
    if (options.cases() < 2 || options.participants() < 1 || options.events() < 0 || options.readers() < 1 || options.writers() < 1
        || options.seconds() <= 0 || options.warmupSeconds() < 0) {
      throw new IllegalArgumentException("--cases must be at least 2, --participants, --readers and --writers at least 1, "
          + "--events at least 0, --seconds above 0, --warmup at least 0");
    }
    try (ScratchStore store = ScratchStore.create("accord-bench-cases-", options.pgUrl());
        Accord accord = Accord.open(store.config())) {
      long started = System.nanoTime();
      accord.parties().ensure("Accord Bench", OrgKind.CERT);
      Principal coordinator = accord.parties().localCoordinator();
      Principal owner = accord.parties().actingFor(coordinator, "Accord Bench");
      String token = accord.parties().createToken(coordinator, "Accord Bench", null, true, "bench cases", Duration.ofDays(1)).secret();
      Cases cases = accord.cases();
      String big = cases.create(owner, "The big case", null, List.of("coordinator")).row().id().toString();
      for (int i = 1; i <= options.participants(); i++) {
        String name = String.format(Locale.ROOT, "Bench Vendor %04d", i);
        accord.parties().ensure(name, OrgKind.VENDOR);
        cases.invite(owner, big, name, List.of("vendor"), null);
      }
      List<String> small = new ArrayList<>();
      for (int i = 1; i < options.cases(); i++) {
        small.add(cases.create(owner, "Small case " + i, null, null).row().id().toString());
        if (i % 200 == 0) {
          log.accept(String.format(Locale.ROOT, "opened %,d cases", i + 1));
        }
      }
      long bigPk = accord.database().jdbi().withHandle(h -> org.accord.store.Cases.byId(h, CaseId.parse(big)).orElseThrow().pk());
      long have = accord.database().jdbi().withHandle(h -> org.accord.store.Cases.byPk(h, bigPk).orElseThrow().eventCount());
      accord.database().jdbi().useTransaction(h -> {
        long now = accord.now();
        for (long i = have; i < options.events(); i++) {
          org.accord.store.Cases.addEvent(h, bigPk, CaseEventType.BENCH_NOTE.label(), now, "Accord Bench", null,
              java.util.Map.of("case", big, "note", "bulk event " + i));
        }
      });
      double setupS = (System.nanoTime() - started) / 1e9;
      log.accept(String.format(Locale.ROOT, "setup (%s, not measured): %,d cases, %s with %,d participants and %,d events, in %.1f s",
          store.label(), options.cases(), big, options.participants() + 1, Math.max(have, options.events()), setupS));

      Figures listService = inProcess(options, options.readers(), i -> cases.list(owner, LIST_PAGE, null), log, "list, service in-process");
      Figures listNaive = inProcess(options, options.readers(), i -> naiveList(accord, owner), log, "list, naive in-process");
      Figures viewService = inProcess(options, options.readers(), i -> cases.show(owner, big), log, "view, service in-process");
      Figures viewUncached = inProcess(options, options.readers(), i -> uncachedView(accord, big), log, "view, one query, no cache");
      Figures viewNaive = inProcess(options, options.readers(), i -> naiveView(accord, big), log, "view, naive in-process");
      try (ApiBenchmark.Server server = serve.apply(accord)) {
        log.accept(String.format(Locale.ROOT, "serving on 127.0.0.1:%d; %d readers, %d writers, %.0f s warm-up, %.0f s measured each",
            server.port(), options.readers(), options.writers(), options.warmupSeconds(), options.seconds()));
        LoadGenerator.Run listRun = new LoadGenerator("127.0.0.1", server.port(), "/api/v1/cases", token)
            .run(options.readers(), options.warmupSeconds(), options.seconds());
        Figures list = figures(listRun.requests(), listRun.errors(), listRun.nanos(), log, "list, served");
        LoadGenerator.Run viewRun = new LoadGenerator("127.0.0.1", server.port(), "/api/v1/cases/" + big, token)
            .run(options.readers(), options.warmupSeconds(), options.seconds());
        Figures view = figures(viewRun.requests(), viewRun.errors(), viewRun.nanos(), log, "view, served");
        Figures transition = transitions(server.port(), token, small.subList(0, small.size() / 2), options, log);
        Figures floor = floor(accord, small.subList(small.size() / 2, small.size()), options, log);
        return new Result(store.kind(), options, big, setupS, list, listService, listNaive, view, viewService, viewUncached, viewNaive,
            transition, floor, listRun.bodyBytes(), viewRun.bodyBytes());
      }
    }
  }

  /** The page the served list answers by default (and the service's in-process list asks for). */
  private static final int LIST_PAGE = 50;

  /**
   * The same first page of summaries in the N+1 shape: every case, then one query per case for its
   * participants, from which its count, the viewer's roles and whether the viewer may see it (for the
   * total) come; then the page.
   */
  private static int naiveList(Accord accord, Principal viewer) {
    return accord.database().jdbi().withHandle(h -> {
      List<Cases.Summary> visible = new ArrayList<>();
      for (CaseRow row : org.accord.store.Cases.all(h)) {
        List<org.accord.store.Cases.ParticipantRow> participants = org.accord.store.Cases.participants(h, row.pk());
        java.util.Set<org.accord.disclosure.ParticipantRole> roles = participants.stream()
            .filter(p -> p.participant().organization() == viewer.organization().id())
            .findFirst().map(p -> p.participant().roles()).orElse(java.util.Set.of());
        org.accord.disclosure.Tlp.Viewer who = org.accord.disclosure.Tlp.Viewer.of(viewer.organization().id(), null, !roles.isEmpty(),
            viewer.isCoordinator());
        if (!roles.isEmpty() || row.tlp().allows(row.owner(), org.accord.disclosure.Tlp.Recipients.none(), who, false)) {
          visible.add(new Cases.Summary(row, roles, participants.size()));
        }
      }
      return visible.subList(0, Math.min(LIST_PAGE, visible.size())).size() + visible.size();
    });
  }

  /** The big case as the service reads it on a cache miss: the row, the participants in one query, the proposals. */
  private static int uncachedView(Accord accord, String id) {
    return accord.database().jdbi().withHandle(h -> {
      CaseRow row = org.accord.store.Cases.byId(h, CaseId.parse(id)).orElseThrow();
      org.accord.store.Cases.proposals(h, row.pk(), null);
      return org.accord.store.Cases.participants(h, row.pk()).size();
    });
  }

  /** One case assembled with one query per participant. */
  private static int naiveView(Accord accord, String id) {
    return accord.database().jdbi().withHandle(h -> {
      CaseRow row = org.accord.store.Cases.byId(h, CaseId.parse(id)).orElseThrow();
      org.accord.store.Cases.proposals(h, row.pk(), null);
      return NaiveCaseReads.participants(h, row.pk()).size();
    });
  }

  /** Served transitions: writer w takes every writers-th case and moves it through P, X and A. */
  private static Figures transitions(int port, String token, List<String> ids, Options options, Consumer<String> log)
      throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    return closedLoop(options, options.writers(), ids, false, (id, event) -> {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + id + "/transitions"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"" + event + "\"}")).build();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("transition " + event + " of " + id + ": " + response.statusCode() + " " + response.body());
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }, log, "transition, served");
  }

  /** The floor: the case-row update and its case event through the store alone, in one transaction. */
  private static Figures floor(Accord accord, List<String> ids, Options options, Consumer<String> log) throws InterruptedException {
    return closedLoop(options, options.writers(), ids, true, (id, event) -> accord.database().jdbi().useTransaction(h -> {
      CaseRow row = org.accord.store.Cases.byId(h, CaseId.parse(id)).orElseThrow();
      PxaState pxa = new PxaState(true, !event.equals("public_aware"), event.equals("attacks_observed"));
      long now = accord.now();
      org.accord.store.Cases.update(h, row.pk(), EmState.NONE, null, null, null, pxa, now);
      org.accord.store.Cases.addEvent(h, row.pk(), CaseEventType.STATE_CHANGED.label(), now, "Accord Bench", null,
          java.util.Map.of("case", id, "event", event, "pxa", pxa.code()));
    }), log, "transition, store floor");
  }

  @FunctionalInterface
  private interface Write {
    void run(String id, String event);
  }

  /** Unmeasured served transitions per writer: a warm-up by count, since the cases run out. */
  private static final int WARMUP_WRITES = 10;

  /**
   * Writers each walk their share of {@code ids} through the whole-case events until the time is up:
   * once, after {@link #WARMUP_WRITES} unmeasured writes each (a quarter of a smaller share) ({@code cycle} false: the service refuses a
   * repeated event), or round and round after the warm-up time ({@code cycle} true).
   */
  private static Figures closedLoop(Options options, int writers, List<String> ids, boolean cycle, Write write, Consumer<String> log,
      String label) throws InterruptedException {
    long from = System.nanoTime() + (cycle ? (long) (options.warmupSeconds() * 1e9) : 0);
    long until = from + (long) (options.seconds() * 1e9);
    long[][] samples = new long[writers][];
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    AtomicLong errors = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int index = w;
      Thread thread = new Thread(() -> {
        long[] nanos = new long[1024];
        int count = 0;
        int done = 0;
        int share = (ids.size() - index + writers - 1) / writers * WHOLE_CASE_EVENTS.length;
        int warmup = Math.min(WARMUP_WRITES, share / 4);
        outer:
        for (int c = index; c < ids.size() || cycle && index < ids.size(); c += writers) {
          if (c >= ids.size()) {
            c = index;
          }
          for (String event : WHOLE_CASE_EVENTS) {
            long sent = System.nanoTime();
            if (sent >= until) {
              break outer;
            }
            try {
              write.run(ids.get(c), event);
            } catch (RuntimeException e) {
              errors.incrementAndGet();
              failure.compareAndSet(null, e);
              continue;
            }
            if (sent >= from && (cycle || ++done > warmup)) {
              if (count == nanos.length) {
                nanos = java.util.Arrays.copyOf(nanos, count * 2);
              }
              nanos[count++] = System.nanoTime() - sent;
            }
          }
        }
        samples[index] = java.util.Arrays.copyOf(nanos, count);
      }, "accord-bench-writer");
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure.get() != null) {
      log.accept(label + ": " + errors.get() + " failed; the first: " + failure.get().getMessage());
    }
    return figures(samples, errors.get(), log, label);
  }

  private static Figures inProcess(Options options, int threads, IntConsumer read, Consumer<String> log, String label)
      throws InterruptedException {
    return inProcess(options.warmupSeconds(), options.seconds(), threads, read, log, label);
  }

  /**
   * {@code threads} threads each calling {@code read} (with its thread's index) in a closed loop: {@code
   * warmupSeconds} unmeasured, then {@code seconds} measured; a call started in the measured period is
   * counted when it ends. Also for {@code bench messages}.
   *
   * @throws IllegalStateException when a call failed
   */
  static Figures inProcess(double warmupSeconds, double seconds, int threads, IntConsumer read, Consumer<String> log, String label)
      throws InterruptedException {
    long[][] samples = new long[threads][];
    AtomicLong errors = new AtomicLong();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    List<Thread> list = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread thread = new Thread(() -> {
        long[] nanos = new long[1024];
        int count = 0;
        ready.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        while (true) {
          long sent = System.nanoTime();
          if (sent >= window[1]) {
            break;
          }
          try {
            read.accept(index);
          } catch (RuntimeException e) {
            errors.incrementAndGet();
            failure.compareAndSet(null, e);
            continue;
          }
          if (sent >= window[0]) {
            if (count == nanos.length) {
              nanos = java.util.Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = System.nanoTime() - sent;
          }
        }
        samples[index] = java.util.Arrays.copyOf(nanos, count);
      }, "accord-bench-reader");
      list.add(thread);
      thread.start();
    }
    ready.await();
    window[0] = System.nanoTime() + (long) (warmupSeconds * 1e9);
    window[1] = window[0] + (long) (seconds * 1e9);
    go.countDown();
    for (Thread thread : list) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(label + ": " + failure.get().getMessage(), failure.get());
    }
    return figures(samples, errors.get(), log, label);
  }

  private static Figures figures(long[][] samples, long errors, Consumer<String> log, String label) {
    int total = 0;
    for (long[] s : samples) {
      total += s.length;
    }
    long[] all = new long[total];
    int offset = 0;
    for (long[] s : samples) {
      System.arraycopy(s, 0, all, offset, s.length);
      offset += s.length;
    }
    return figures(total, errors, all, log, label);
  }

  /** The figures of these latencies, logged under {@code label}. */
  static Figures figures(long requests, long errors, long[] nanos, Consumer<String> log, String label) {
    if (nanos.length == 0) {
      throw new IllegalStateException("nothing completed in the measured period for " + label + " (raise --cases or lower --seconds)");
    }
    Percentiles latency = new Percentiles(nanos);
    Figures figures = new Figures(requests, errors, latency.millis(50), latency.millis(99));
    log.accept(String.format(Locale.ROOT, "%-26s %,8d requests, p50 %7.2f ms, p99 %7.2f ms, %d errors",
        label + ":", figures.requests(), figures.p50Ms(), figures.p99Ms(), figures.errors()));
    return figures;
  }
}
