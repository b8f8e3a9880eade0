package org.accord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accord.app.PlanRulesJson;
import org.accord.disclosure.plan.JurisdictionCheckTest;
import org.accord.disclosure.plan.NotificationPlan;
import org.accord.disclosure.plan.Wave;
import org.junit.jupiter.api.Test;

/**
 * A plan's rules and conflicts as JSON ({@link PlanRulesJson}) and as the human text ({@link
 * PlanRulesText}) on the {@link JurisdictionCheckTest} world with every conflict kind; the text is
 * written from the JSON after a round trip through Jackson, as a client of the server reads it.
 */
class PlanRulesTextTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, Object> roundTrip(Map<String, Object> map) throws Exception {
    return JSON.readValue(JSON.writeValueAsString(map), new TypeReference<Map<String, Object>>() {});
  }

  @Test
  void everyConflictKindShowsItsRuleClockAndAlternativesInJsonAndText() throws Exception {
    NotificationPlan plan = JurisdictionCheckTest.plan(
        JurisdictionCheckTest.facts(Optional.of(JurisdictionCheckTest.END), Optional.empty(),
            Optional.of(JurisdictionCheckTest.NOW.minus(Duration.ofHours(1)))),
        JurisdictionCheckTest.rules(true, Optional.of(true), Optional.empty(), Set.of("Beijing Sec Lab")));
    Map<String, Object> json = roundTrip(PlanRulesJson.plan(plan.rules()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> conflicts = (List<Map<String, Object>>) json.get("conflicts");
    assertThat(conflicts).extracting(c -> c.get("kind")).contains(
        "state_first_deadline", "sharing_forbidden", "sanctioned_jurisdiction", "exploitation_clock");
    Map<String, Object> miit = conflicts.stream().filter(c -> c.get("kind").equals("state_first_deadline")
        && ((Map<?, ?>) c.get("rule")).get("rule").equals("rmsv-7-report")).findFirst().orElseThrow();
    Map<?, ?> rule = (Map<?, ?>) miit.get("rule");
    assertThat(rule.get("citation")).isEqualTo("cn-rmsv Art. 7(2)");
    assertThat(((Map<?, ?>) rule.get("obligation")).get("clock")).isEqualTo("awareness");
    assertThat(((Map<?, ?>) rule.get("obligation")).get("within")).isEqualTo("P2D");
    assertThat(rule.get("due")).isNotNull();
    assertThat(miit.get("embargo_end")).isEqualTo(JurisdictionCheckTest.END.toString());
    assertThat(((List<?>) miit.get("alternatives")).stream().map(a -> ((Map<?, ?>) a).get("kind")).map(String::valueOf).toList())
        .containsExactly("report_early", "shorten_embargo");
    Map<String, Object> sanctioned = conflicts.stream().filter(c -> c.get("kind").equals("sanctioned_jurisdiction")).findFirst().orElseThrow();
    assertThat(sanctioned.get("country")).isEqualTo("RU");
    assertThat((List<?>) sanctioned.get("alternatives")).last().extracting(a -> ((Map<?, ?>) a).get("kind")).isEqualTo("coverage_gap");
    assertThat(((List<?>) json.get("excluded")).stream().map(e -> ((Map<?, ?>) e).get("would_be")).map(String::valueOf).toList()).containsOnly("operators");

    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    for (Wave w : plan.waves()) {
      out.printf("  wave %s %s%n", w.number(), w.kind().label());
      PlanRulesText.wave(out, roundTrip(PlanRulesJson.wave(plan.rules(), w.number())));
    }
    PlanRulesText.conflicts(out, json);
    out.flush();
    assertThat(text.toString())
        .contains("      rule: Shenzhen Gridware (CN): report to MIIT")
        .contains("[cn-rmsv Art. 7(2)]")
        .contains("      rule: Berlin Devices (DE): early warning to CERT-Bund, ENISA by ")
        .contains("      no rules assessed: Stateless Vendor gives no country")
        .contains("      conflict #1 ")
        .contains("Conflicts (rule packs: cn-rmsv, eu-cra, eu-nis2, sanctions):")
        .contains("sanctioned_jurisdiction: RU is blocked by Council Regulation (EU) No 833/2014")
        .contains("      or: coverage gap: Moskva Teplo in RU")
        .contains("      or: shorten the embargo to end by ")
        .contains("  in no wave: Moskva Teplo (RU) is in no wave")
        .contains("  rule note: Accord does not record whether the party had a significant incident");

    StringWriter none = new StringWriter();
    PlanRulesText.conflicts(new PrintWriter(none, true), roundTrip(PlanRulesJson.plan(
        JurisdictionCheckTest.plan(JurisdictionCheckTest.facts(Optional.empty(), Optional.empty(), Optional.empty()),
            JurisdictionCheckTest.rules(false, Optional.of(false), Optional.of(false), Set.of())).rules())));
    assertThat(none.toString()).startsWith("Conflicts (rule packs: cn-rmsv, eu-cra, eu-nis2): none");
  }
}
