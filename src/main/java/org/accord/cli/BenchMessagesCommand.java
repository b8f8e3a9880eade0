package org.accord.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.accord.bench.CaseBenchmark;
import org.accord.bench.MessageBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord bench messages}: a case's messages at scale, each figure against a naive baseline (ADR 0127). */
@Command(
    name = "messages",
    description = {
      "Time message pages, unread counts and fan-out at scale.",
      "",
      "Builds one case in a scratch store (SQLite in a temporary directory, or a scratch schema in the PostgreSQL"
          + " database of the global --db, only when typed) with --orgs vendor organizations of --members members each and"
          + " --messages messages in --threads threads (general, per product, per vendor) to mixed audiences (all participants,"
          + " groups, one organization). Through the service layer in-process, from --readers threads each reading as a member"
          + " of a different organization, it measures a thread page of 50 at a random cursor and the member's unread counts;"
          + " then --fanouts times, one message posted to every participant with its notifications written for every member."
          + " Baselines in the same run: the page from the whole thread filtered in Java, unread counts with one visibility"
          + " query per message, the fan-out with one transaction per recipient organization. The fast and naive answers are"
          + " compared first (checked, mismatches). The per-message count holds a connection through 10,000 queries, so it"
          + " runs on 4 readers, and its ratio is to the service's count on 4 readers. Prints p50/p99 and PASS/FAIL against"
          + " the targets (page p99 <= 50 ms,"
          + " unread p99 <= 20 ms, fan-out <= 100 ms, the median of the fan-outs); exit 1 if a read failed or answers differed."
    },
    footer = {"", "Example:", "  accord bench messages --seconds 10 --json", "  accord --db jdbc:postgresql://127.0.0.1/accord bench messages"})
final class BenchMessagesCommand extends AccordCommand implements StorelessCommand {
  static final double PAGE_TARGET_MS = 50;
  static final double UNREAD_TARGET_MS = 20;
  static final double FANOUT_TARGET_MS = 100;

  @Option(names = "--orgs", paramLabel = "N", defaultValue = "150", description = "Participant organizations. Default: ${DEFAULT-VALUE}.")
  int organizations;

  @Option(names = "--members", paramLabel = "N", defaultValue = "2", description = "Members per organization. Default: ${DEFAULT-VALUE}.")
  int members;

  @Option(names = "--messages", paramLabel = "N", defaultValue = "10000", description = "Messages in the case. Default: ${DEFAULT-VALUE}.")
  int messages;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "40", description = "Threads of the case. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--readers", paramLabel = "N", defaultValue = "50", description = "Concurrent readers. Default: ${DEFAULT-VALUE}.")
  int readers;

  @Option(names = "--fanouts", paramLabel = "N", defaultValue = "20", description = "Measured fan-outs of each kind. Default: ${DEFAULT-VALUE}.")
  int fanouts;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "10", description = "Measured seconds per read kind. Default: ${DEFAULT-VALUE}.")
  double seconds;

  @Option(names = "--warmup", paramLabel = "S", defaultValue = "2", description = "Warm-up seconds before each. Default: ${DEFAULT-VALUE}.")
  double warmup;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the generated case. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Override
  protected int execute() throws Exception {
    MessageBenchmark.Result result;
    try {
      result = MessageBenchmark.run(new MessageBenchmark.Options(organizations, members, messages, threads, readers, fanouts, seconds, warmup,
          seed, BenchCommand.benchPgUrl(BenchCasesCommand.typedDb(this))), progressLines());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    double pageRatio = result.pageNaive().p99Ms() / result.page().p99Ms();
    double unreadRatio = result.unreadNaive().p99Ms() / result.unreadFew().p99Ms();
    double fanoutRatio = result.fanoutNaive().p50Ms() / result.fanout().p50Ms();
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("store", result.store());
      body.put("organizations", organizations);
      body.put("members", members);
      body.put("messages", messages);
      body.put("threads", threads);
      body.put("readers", readers);
      body.put("seconds", seconds);
      body.put("setup_s", result.setupS());
      body.put("thread_page_p50_ms", result.page().p50Ms());
      body.put("thread_page_p99_ms", result.page().p99Ms());
      body.put("thread_pages", result.page().requests());
      body.put("thread_page_baseline_p99_ms", result.pageNaive().p99Ms());
      body.put("thread_page_ratio", pageRatio);
      body.put("unread_p50_ms", result.unread().p50Ms());
      body.put("unread_p99_ms", result.unread().p99Ms());
      body.put("unread_reads", result.unread().requests());
      body.put("unread_baseline_readers", Math.min(readers, MessageBenchmark.BASELINE_UNREAD_READERS));
      body.put("unread_baseline_p99_ms", result.unreadNaive().p99Ms());
      body.put("unread_compared_p99_ms", result.unreadFew().p99Ms());
      body.put("unread_ratio", unreadRatio);
      body.put("floor_p50_ms", result.floor().p50Ms());
      body.put("floor_p99_ms", result.floor().p99Ms());
      body.put("fanout_ms", result.fanout().p50Ms());
      body.put("fanout_max_ms", result.fanoutMaxMs());
      body.put("fanout_post_ms", result.fanoutPost().p50Ms());
      body.put("fanout_notifications", result.fanoutRows());
      body.put("fanout_path", result.fanoutWired() ? "post" : "post+enqueue");
      body.put("fanout_baseline_ms", result.fanoutNaive().p50Ms());
      body.put("fanout_ratio", fanoutRatio);
      body.put("thread_page_pass", result.page().p99Ms() <= PAGE_TARGET_MS);
      body.put("unread_pass", result.unread().p99Ms() <= UNREAD_TARGET_MS);
      body.put("fanout_pass", result.fanout().p50Ms() <= FANOUT_TARGET_MS);
      body.put("checked", result.checked());
      body.put("mismatches", result.mismatches());
      body.put("errors", result.errors());
      printJson(body);
    } else {
      out().printf(Locale.ROOT, "%-12s %9s %9s %7s %-20s %9s %7s%n", "", "p50 ms", "p99 ms", "target", "", "baseline", "ratio");
      row("thread page", result.page(), result.page().p99Ms(), PAGE_TARGET_MS, "whole thread p99", result.pageNaive().p99Ms(), pageRatio);
      row("unread", result.unread(), result.unread().p99Ms(), UNREAD_TARGET_MS, "per msg p99 @4", result.unreadNaive().p99Ms(), unreadRatio);
      row("fan-out", result.fanout(), result.fanout().p50Ms(), FANOUT_TARGET_MS, "per recipient p50", result.fanoutNaive().p50Ms(),
          fanoutRatio);
      out().printf(Locale.ROOT, "store floor (the case row alone, %d readers): p50 %.2f ms, p99 %.2f ms%n", readers, result.floor().p50Ms(),
          result.floor().p99Ms());
      out().printf(Locale.ROOT, "fan-out: %d notifications (%s); max %.2f ms; answers compared %d, differing %d%n", result.fanoutRows(),
          result.fanoutWired() ? "written by the post" : "post, then enqueue", result.fanoutMaxMs(), result.checked(), result.mismatches());
    }
    return result.errors() == 0 && result.mismatches() == 0 ? Main.OK : Main.USER_ERROR;
  }

  private void row(String name, CaseBenchmark.Figures figures, double judged, double target, String baseline, double base, double ratio) {
    out().printf(Locale.ROOT, "%-12s %9.2f %9.2f %7.0f %-4s %-15s %9.2f %7.1f%n", name, figures.p50Ms(), figures.p99Ms(), target,
        judged <= target ? "PASS" : "FAIL", baseline, base, ratio);
  }
}
