package org.accord.store.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.accord.accountability.indicators.CaseTimeline;
import org.junit.jupiter.api.Test;

class IndicatorReadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Folds the same events once from fully parsed data and once from the narrow read; the timelines must match. */
  private static void sameFold(List<String[]> events) throws Exception {
    CaseTimeline.Builder full = new CaseTimeline.Builder("CVD-2026-00001");
    CaseTimeline.Builder narrow = new CaseTimeline.Builder("CVD-2026-00001");
    long at = 1_767_225_600_000L;
    for (String[] e : events) {
      at += 86_400_000L;
      full.add(e[0], at, JSON.readValue(e[1], new TypeReference<Map<String, Object>>() {}));
      narrow.add(e[0], at, IndicatorReads.foldData(e[1]));
    }
    assertThat(narrow.build()).isEqualTo(full.build());
    assertThat(narrow.build().timelines()).hasSizeGreaterThan(1);
  }

  @Test
  void theNarrowReadFoldsLikeAFullParse() throws Exception {
    sameFold(List.of(
        new String[] {"case.created", "{\"case\":\"c\",\"owner\":\"CERT\",\"roles\":[\"coordinator\",\"vendor\"],\"extra\":{\"a\":[1,{\"b\":2}]}}"},
        new String[] {"case.participant_invited", "{\"organization\":\"V1\",\"roles\":[3,{\"x\":1},\"vendor\"],\"note\":[\"vendor\"]}"},
        new String[] {"case.participant_invited", "{\"organization\":\"V2\",\"roles\":\"vendor\"}"},
        new String[] {"case.acknowledged", "{\"organization\":{\"name\":\"V1\"}}"},
        new String[] {"case.acknowledged", "{\"organization\":null,\"organization\":\"V1\"}"},
        new String[] {"case.embargo_accepted", "{\"end\":\"2026-03-01T00:00:00Z\",\"em\":\"active\"}"},
        new String[] {"case.state_changed", "{\"event\":\"fix_ready\",\"vendor\":\"V2\",\"data\":{\"event\":\"public_aware\"}}"},
        new String[] {"case.state_changed", "{\"event\":\"public_aware\"}"},
        new String[] {"case.state_changed", "{\"event\":7}"},
        new String[] {"case.status_set", "{\"organization\":\"V2\",\"checked\":true}"}));
  }

  @Test
  void dataThatIsNotAnObjectFails() {
    assertThatThrownBy(() -> IndicatorReads.foldData("[1]")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> IndicatorReads.foldData("{\"event\":")).isInstanceOf(IllegalStateException.class);
  }
}
