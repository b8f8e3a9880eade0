package org.accord.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared test data has no EPSS file; these documents follow FIRST's published layout. */
class EpssFeedTest {

  static final String FEED =
      """
      #model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z
      cve,epss,percentile
      CVE-2021-44228,0.94358,0.99957
      CVE-2024-0001,0.00036,0.07720
      CVE-2025-12345,0.12000,0.93000
      """;

  @Test
  void readsScoresAndProvenance() {
    EpssFeed feed = read(FEED.getBytes(StandardCharsets.UTF_8));
    assertThat(feed.provenance())
        .isEqualTo(new Provenance(Provenance.EPSS, "v2025.03.14", Instant.parse("2025-08-25T12:55:00Z")));
    assertThat(feed.size()).isEqualTo(3);
    assertThat(feed.find("CVE-2021-44228")).contains(new EpssFeed.Score("CVE-2021-44228", 0.94358, 0.99957));
    assertThat(feed.find("CVE-2000-0001")).isEmpty();
  }

  @Test
  void readsGzipAndOlderDateFormsAndWindowsLineEnds() throws IOException {
    String older = FEED.replace("2025-08-25T12:55:00Z", "2022-03-05T00:00:00+0000").replace("\n", "\r\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(("\uFEFF" + older).getBytes(StandardCharsets.UTF_8));
    }
    EpssFeed feed = read(bytes.toByteArray());
    assertThat(feed.provenance().published()).isEqualTo(Instant.parse("2022-03-05T00:00:00Z"));
    assertThat(feed.size()).isEqualTo(3);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(FEED.substring(FEED.indexOf('\n') + 1), "line 1", "#model_version"),
        Arguments.of(FEED.replace("model_version:v2025.03.14,", ""), "line 1", "no model_version"),
        Arguments.of(FEED.replace(",score_date:2025-08-25T12:55:00Z", ""), "line 1", "no score_date"),
        Arguments.of(FEED.replace("2025-08-25T12:55:00Z", "today"), "line 1, score_date", "not a date"),
        Arguments.of(FEED.replace("cve,epss,percentile", "cve,score"), "line 2", "cve,epss,percentile"),
        Arguments.of(FEED.replace("0.00036,0.07720", "0.00036"), "line 4", "expected 3 fields"),
        Arguments.of(FEED.replace("0.00036", "abc"), "line 4, field epss", "not a number"),
        Arguments.of(FEED.replace("0.12000", "1.2"), "line 5, field epss", "outside 0..1"),
        Arguments.of(FEED.replace("0.93000", "NaN"), "line 5, field percentile", "outside 0..1"),
        Arguments.of(FEED.replace("CVE-2025-12345", "CVE-2021-44228"), "line 5", "scored twice (also on line 3)"),
        Arguments.of(FEED.replace("CVE-2024-0001", "GHSA-xxxx"), "line 4, field cve", "not a CVE id"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void refusesMalformedFeedsNamingTheLine(String document, String location, String message) {
    assertThatThrownBy(() -> read(document.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.location()).isEqualTo(location);
              assertThat(e.getMessage()).contains(message);
            });
  }

  static EpssFeed read(byte[] bytes) {
    return EpssFeed.read(new ByteArrayInputStream(bytes));
  }
}
