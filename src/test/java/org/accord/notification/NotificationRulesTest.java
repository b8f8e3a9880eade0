package org.accord.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The pure rules of notification delivery: backoff, digest hour, signature, webhook URLs, who is concerned. */
class NotificationRulesTest {

  @Test
  void backoffDoublesWithinEqualJitterUpToTheCapAndGivesUpAfterTheLastAttempt() {
    Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 8);
    assertThat(backoff.delay(1, 0)).isEqualTo(Duration.ofSeconds(15));
    assertThat(backoff.delay(1, 0.999999)).isLessThan(Duration.ofSeconds(30)).isGreaterThan(Duration.ofSeconds(29));
    assertThat(backoff.delay(2, 0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delay(3, 0)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.delay(40, 0)).isEqualTo(Duration.ofMinutes(30));
    assertThat(backoff.delay(40, 0.5)).isEqualTo(Duration.ofMinutes(45));
    assertThat(backoff.exhausted(7)).isFalse();
    assertThat(backoff.exhausted(8)).isTrue();
    assertThatThrownBy(() -> backoff.delay(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> backoff.delay(1, 1.0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDailyDigestGoesOutAtTheNextSevenOClockUtc() {
    assertThat(Digest.DAILY.due(Instant.parse("2026-12-03T06:59:59Z"))).isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
    assertThat(Digest.DAILY.due(Instant.parse("2026-12-03T07:00:00Z"))).isEqualTo(Instant.parse("2026-12-04T07:00:00Z"));
    assertThat(Digest.DAILY.due(Instant.parse("2026-12-31T23:00:00Z"))).isEqualTo(Instant.parse("2027-01-01T07:00:00Z"));
    Instant now = Instant.parse("2026-12-03T09:00:00Z");
    assertThat(Digest.IMMEDIATE.due(now)).isEqualTo(now);
    assertThatThrownBy(() -> Digest.parse("weekly", "digest")).isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("digest");
  }

  @Test
  void theSignatureCoversTimestampAndBodyAndRefusesReplaysAndChanges() {
    byte[] body = "{\"case\":\"ACC-2026-0001\"}".getBytes(StandardCharsets.UTF_8);
    String signature = WebhookSignature.sign("s3cret-s3cret-s3cret", 1_700_000_000L, body);
    assertThat(signature).matches("sha256=[0-9a-f]{64}");
    assertThat(WebhookSignature.verify("s3cret-s3cret-s3cret", "1700000000", body, signature, 1_700_000_100L, 300)).isTrue();
    assertThat(WebhookSignature.verify("s3cret-s3cret-s3cret", "1700000000", body, signature, 1_700_000_400L, 300)).as("too old").isFalse();
    assertThat(WebhookSignature.verify("s3cret-s3cret-s3cret", "1700000001", body, signature, 1_700_000_000L, 300)).as("timestamp").isFalse();
    assertThat(WebhookSignature.verify("another-secret-xxxx", "1700000000", body, signature, 1_700_000_000L, 300)).isFalse();
    byte[] changed = body.clone();
    changed[3] ^= 1;
    assertThat(WebhookSignature.verify("s3cret-s3cret-s3cret", "1700000000", changed, signature, 1_700_000_000L, 300)).isFalse();
  }

  @Test
  void aWebhookUrlIsHttpOrHttpsAndAnythingElseIsRefusedNamingTheField() {
    assertThat(WebhookUrl.parse(" https://tickets.example/accord ", "url").toString()).isEqualTo("https://tickets.example/accord");
    assertThat(WebhookUrl.parse("http://127.0.0.1:8080/hook", "url").getPort()).isEqualTo(8080);
    for (String bad : List.of("", "ftp://x.example/", "file:///etc/passwd", "javascript:alert(1)", "tickets.example/hook",
        "https://user:pw@x.example/", "http:///nohost")) {
      assertThatThrownBy(() -> WebhookUrl.parse(bad, "url")).as(bad).isInstanceOf(InvalidInputException.class)
          .extracting(e -> ((InvalidInputException) e).location()).isEqualTo("url");
    }
  }

  @Test
  void eachKindConcernsItsParticipantsOnly() {
    List<String> participants = List.of("Alpha", "Beta", "Gamma");
    assertThat(NotificationKind.INVITATION.concerned(Map.of("organization", "beta"), participants, "Alpha")).containsExactly("beta");
    assertThat(NotificationKind.EMBARGO_PROPOSED.concerned(Map.of(), participants, "Beta")).containsExactly("Alpha", "Gamma");
    assertThat(NotificationKind.EMBARGO_ALERT.concerned(Map.of("recipients", List.of("Gamma", "Outsider")), participants, "Alpha"))
        .containsExactly("Gamma");
    assertThat(NotificationKind.PUBLISHED.concerned(Map.of(), participants, "Alpha")).hasSize(3);
    assertThat(NotificationKind.ofEvent("case.created")).isEmpty();
    assertThat(NotificationKind.ofEvent("case.embargo_alert")).contains(NotificationKind.EMBARGO_ALERT);
    Notice notice = new Notice(NotificationKind.INVITATION, "ACC-2026-0001", "libracore RCE CVE-2026-1", "x", Instant.EPOCH);
    assertThat(notice.subject()).isEqualTo("[Accord] Activity on case ACC-2026-0001");
    assertThat(Notice.fromData(notice.toData())).isEqualTo(notice);
  }
}
