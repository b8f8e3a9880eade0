package org.accord.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.accord.InvalidInputException;
import org.junit.jupiter.api.Test;

class CaseIdTest {
  @Test
  void formatsWithAtLeastFourDigitsAndParsesBack() {
    assertThat(new CaseId(2026, 1)).hasToString("ACC-2026-0001");
    assertThat(new CaseId(2026, 12345)).hasToString("ACC-2026-12345");
    for (String text : List.of("ACC-2026-0001", "ACC-2026-9999", "ACC-2026-10000", "ACC-2031-0420")) {
      assertThat(CaseId.parse(text)).hasToString(text);
    }
    assertThat(CaseId.parse("ACC-2026-0042")).isEqualTo(new CaseId(2026, 42));
  }

  @Test
  void ordersByYearThenSequence() {
    assertThat(CaseId.parse("ACC-2026-9999")).isLessThan(CaseId.parse("ACC-2026-10000"));
    assertThat(CaseId.parse("ACC-2026-10000")).isLessThan(CaseId.parse("ACC-2027-0001"));
  }

  @Test
  void refusesEveryOtherSpelling() {
    for (String bad : List.of("", "acc-2026-0001", "ACC-26-0001", "ACC-2026-001", "ACC-2026-00001", "ACC-2026-0000",
        "ACC-2026-00a1", "ACC-2026-0001 ", "ACC2026-0001", "CVE-2026-0001", "ACC-1999-0001", "ACC-2026-")) {
      assertThatThrownBy(() -> CaseId.parse(bad)).as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("ACC-2026-0001")
          .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo("case_id"));
    }
    assertThatThrownBy(() -> CaseId.parse("ACC-2026-00001")).hasMessageContaining("no leading zero");
    assertThatThrownBy(() -> CaseId.parse(null)).hasMessageContaining("empty");
  }
}
