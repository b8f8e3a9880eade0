package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code accord bench messages} at a small scale: every figure is there with its baseline and ratio, the
 * numbers are sane (no timing targets asserted), the service's pages and unread counts equal the naive
 * ones for the readers checked, and one fan-out writes an inbox row for every member of every organization.
 */
class BenchMessagesCommandTest {
  @Test
  void smallRunGivesEveryFigureAndTheFastAnswersEqualTheNaiveOnes() throws Exception {
    CliRun run = CliRun.run("bench", "messages", "--orgs", "6", "--members", "2", "--messages", "400", "--threads", "5", "--readers", "3",
        "--fanouts", "2", "--seconds", "0.4", "--warmup", "0", "--json");
    assertThat(run.exit()).as(run.all()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    for (String field : List.of("thread_page_p99_ms", "thread_page_p50_ms", "thread_page_baseline_p99_ms", "thread_page_ratio", "unread_p99_ms",
        "unread_p50_ms", "unread_baseline_p99_ms", "unread_ratio", "fanout_ms", "fanout_max_ms", "fanout_post_ms", "fanout_baseline_ms",
        "fanout_ratio", "thread_pages", "unread_reads", "checked")) {
      assertThat(json.has(field)).as(field + " in " + run.out()).isTrue();
      assertThat(json.get(field).asDouble()).as(field).isPositive().isLessThan(60_000);
    }
    assertThat(json.get("thread_page_p50_ms").asDouble()).isLessThanOrEqualTo(json.get("thread_page_p99_ms").asDouble());
    assertThat(json.get("fanout_ms").asDouble()).isLessThanOrEqualTo(json.get("fanout_max_ms").asDouble())
        .isGreaterThanOrEqualTo(json.get("fanout_post_ms").asDouble());
    // 3 readers: every thread's unread counts, and three pages per thread each, against the naive answers.
    assertThat(json.get("checked").asLong()).isEqualTo(3 + 3 * 5 * 3);
    assertThat(json.get("mismatches").asLong()).as(run.all()).isZero();
    assertThat(json.get("errors").asLong()).isZero();
    // Every member of the 6 organizations gets the message in the inbox; no SMTP, no webhooks, the poster no member.
    assertThat(json.get("fanout_notifications").asInt()).isEqualTo(6 * 2);
    assertThat(json.get("fanout_path").asText()).isIn("post", "post+enqueue");
    assertThat(json.get("thread_page_pass").isBoolean()).isTrue();
    assertThat(json.get("store").asText()).isEqualTo("sqlite");
  }

  @Test
  void humanOutputJudgesEachTarget() {
    CliRun run = CliRun.run("bench", "messages", "--orgs", "3", "--members", "1", "--messages", "60", "--threads", "3", "--readers", "2",
        "--fanouts", "1", "--seconds", "0.2", "--warmup", "0");
    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.out()).containsPattern("thread page .*(PASS|FAIL)").containsPattern("unread .*(PASS|FAIL)")
        .containsPattern("fan-out .*(PASS|FAIL)").contains("differing 0");
  }

  @Test
  void badParametersAreAUserErrorNamingThem() {
    CliRun run = CliRun.run("bench", "messages", "--readers", "200");
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.USER_ERROR);
    assertThat(run.err()).contains("--readers from 1 to --orgs");
  }

  @Test
  void helpHasAnExample() {
    CliRun run = CliRun.run("bench", "messages", "--help");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Example:").contains("accord bench messages --seconds 10 --json");
  }
}
