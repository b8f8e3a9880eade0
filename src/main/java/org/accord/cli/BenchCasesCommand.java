package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.accord.bench.ApiBenchmark;
import org.accord.bench.CaseBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord bench cases}: the case routes at scale, each against a naive baseline (ADR 0108). */
@Command(
    name = "cases",
    description = {
      "Time the case list, case view and transitions at scale.",
      "",
      "Opens --cases cases in a scratch store (SQLite in a temporary directory, or a scratch schema in the"
          + " PostgreSQL database of the global --db, only when typed), one of them with --participants vendor organizations and --events events, serves"
          + " them on an ephemeral loopback port and measures GET /api/v1/cases (its first page of 50) and GET /api/v1/cases/{id} from"
          + " --readers keep-alive connections, then POST /api/v1/cases/{id}/transitions (each answered after its"
          + " ledger event is committed) from --writers connections. Baselines in the same run: the list page"
          + " assembled with one participants query per case, the view with one query per participant (in-process,"
          + " against the service in-process; the view also without its cache), and"
          + " the transition's store writes without the ledger. Prints p50/p99 and PASS/FAIL against the targets"
          + " (list p99 <= 50 ms, view p99 <= 100 ms, transition p99 <= 20 ms); exit 1 if a request failed."
    },
    footer = {"", "Example:", "  accord bench cases --seconds 10 --json"})
final class BenchCasesCommand extends AccordCommand implements StorelessCommand {
  static final double LIST_TARGET_MS = 50;
  static final double VIEW_TARGET_MS = 100;
  static final double TRANSITION_TARGET_MS = 20;

  @Option(names = "--cases", paramLabel = "N", defaultValue = "1000", description = "Cases. Default: ${DEFAULT-VALUE}.")
  int cases;

  @Option(names = "--participants", paramLabel = "N", defaultValue = "500", description = "Invited organizations of the big case. Default: ${DEFAULT-VALUE}.")
  int participants;

  @Option(names = "--events", paramLabel = "N", defaultValue = "20000", description = "Events of the big case. Default: ${DEFAULT-VALUE}.")
  int events;

  @Option(names = "--readers", paramLabel = "N", defaultValue = "100", description = "Concurrent readers. Default: ${DEFAULT-VALUE}.")
  int readers;

  @Option(names = "--writers", paramLabel = "N", defaultValue = "4", description = "Concurrent writers of transitions. Default: ${DEFAULT-VALUE}.")
  int writers;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "10", description = "Measured seconds per kind. Default: ${DEFAULT-VALUE}.")
  double seconds;

  @Option(names = "--warmup", paramLabel = "S", defaultValue = "2", description = "Warm-up seconds before each. Default: ${DEFAULT-VALUE}.")
  double warmup;

  @Override
  protected int execute() throws Exception {
    CaseBenchmark.Result result;
    String db = typedDb(this);
    try {
      result = CaseBenchmark.run(
          new CaseBenchmark.Options(cases, participants, events, readers, writers, seconds, warmup, BenchCommand.benchPgUrl(db)),
          accord -> {
            org.accord.web.WebServer server = org.accord.web.WebServer.start(accord, "127.0.0.1", 0);
            return new ApiBenchmark.Server(server.port(), server::close);
          },
          progressLines());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("store", result.store());
      body.put("cases", cases);
      body.put("participants", participants);
      body.put("events", events);
      body.put("readers", readers);
      body.put("writers", writers);
      body.put("seconds", seconds);
      body.put("setup_s", result.setupS());
      body.put("list_p50_ms", result.list().p50Ms());
      body.put("list_p99_ms", result.list().p99Ms());
      body.put("list_bytes", result.listBytes());
      body.put("list_service_p99_ms", result.listService().p99Ms());
      body.put("list_baseline_p99_ms", result.listNaive().p99Ms());
      body.put("list_ratio", result.listNaive().p99Ms() / result.listService().p99Ms());
      body.put("view_p50_ms", result.view().p50Ms());
      body.put("view_p99_ms", result.view().p99Ms());
      body.put("view_bytes", result.viewBytes());
      body.put("view_service_p99_ms", result.viewService().p99Ms());
      body.put("view_uncached_p99_ms", result.viewUncached().p99Ms());
      body.put("view_baseline_p99_ms", result.viewNaive().p99Ms());
      body.put("view_ratio", result.viewNaive().p99Ms() / result.viewService().p99Ms());
      body.put("transition_p50_ms", result.transition().p50Ms());
      body.put("transition_p99_ms", result.transition().p99Ms());
      body.put("transitions", result.transition().requests());
      body.put("transition_floor_p99_ms", result.transitionFloor().p99Ms());
      body.put("transition_ratio", result.transition().p99Ms() / result.transitionFloor().p99Ms());
      body.put("list_pass", result.list().p99Ms() <= LIST_TARGET_MS);
      body.put("view_pass", result.view().p99Ms() <= VIEW_TARGET_MS);
      body.put("transition_pass", result.transition().p99Ms() <= TRANSITION_TARGET_MS);
      body.put("errors", result.errors());
      printJson(body);
    } else {
      out().printf(Locale.ROOT, "%-11s %9s %9s %7s %-17s %9s %7s%n", "", "p50 ms", "p99 ms", "target", "", "base p99", "ratio");
      row("list", result.list(), LIST_TARGET_MS, "naive/service", result.listNaive().p99Ms(), result.listNaive().p99Ms() / result.listService().p99Ms());
      row("view", result.view(), VIEW_TARGET_MS, "naive/service", result.viewNaive().p99Ms(), result.viewNaive().p99Ms() / result.viewService().p99Ms());
      row("transition", result.transition(), TRANSITION_TARGET_MS, "served/store", result.transitionFloor().p99Ms(),
          result.transition().p99Ms() / result.transitionFloor().p99Ms());
    }
    return result.errors() == 0 ? Main.OK : Main.USER_ERROR;
  }

  /** The global --db names the PostgreSQL database for a bench's scratch schema: only when typed, never from $ACCORD_DB_URL. */
  static String typedDb(AccordCommand command) {
    String db = null;
    for (picocli.CommandLine.ParseResult parse = command.spec.root().commandLine().getParseResult(); parse != null;
        parse = parse.subcommand()) {
      if (parse.hasMatchedOption("--db")) {
        db = command.root().dbUrl();
      }
    }
    return db;
  }

  private void row(String name, CaseBenchmark.Figures figures, double target, String baseline, double baseP99, double ratio) {
    out().printf(Locale.ROOT, "%-11s %9.2f %9.2f %7.0f %-4s %-12s %9.2f %7.1f%n", name, figures.p50Ms(), figures.p99Ms(), target,
        figures.p99Ms() <= target ? "PASS" : "FAIL", baseline, baseP99, ratio);
  }
}
