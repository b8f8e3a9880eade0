package org.accord.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The humans' timeline measured as the strategies are (ADR 0158). */
class PlayedTest {
  static final double NEVER = Double.POSITIVE_INFINITY;

  @Test
  @SuppressWarnings("unchecked")
  void theHumansAreMeasuredBesideTheStrategies() throws Exception {
    Scenario scenario = SimulatorTest.shipped();
    AffectedWorld world = AffectedWorld.of(SimulatorTest.demo, scenario);
    Report simulated = Simulator.report(SimulatorTest.demo, scenario, 100, 3, 2);
    Played quick = new Played(0.5, 2, 10, NEVER, NEVER, 1, 5);
    Played slow = new Played(10, 150, 200, NEVER, NEVER, NEVER, NEVER);
    Report fast = Report.afterAction(simulated, Simulator.played(world, scenario, quick, 100, 3, 2), quick,
        List.of(Map.of("type", "exploit_public", "day", 12.0)));
    Report late = Report.afterAction(simulated, Simulator.played(world, scenario, slow, 100, 3, 2), slow, List.of());
    // A fix in two days beats a fix in 150 on exposure, with the same draws for both.
    assertThat(SimulatorTest.p50(fast, "humans", "exposure_days")).isLessThan(SimulatorTest.p50(late, "humans", "exposure_days"));
    assertThat(SimulatorTest.p50(fast, "humans", "publication_day")).isEqualTo(10);
    assertThat(SimulatorTest.p50(fast, "humans", "fix_ready_day")).isEqualTo(2);
    // Operators told on day 5, publication on day 10: essential operators were told before publication.
    assertThat(SimulatorTest.p50(fast, "humans", "notified_before_publication")).isGreaterThan(0);
    assertThat(SimulatorTest.p50(late, "humans", "notified_before_publication")).isZero();
    // The strategies are untouched and the humans sit beside them, ranked per measure.
    assertThat(SimulatorTest.p50(fast, "coordinated", "exposure_days")).isEqualTo(SimulatorTest.p50(simulated, "coordinated", "exposure_days"));
    List<Object> beside = (List<Object>) fast.tree().get("humans_beside_strategies");
    assertThat(beside).hasSize(7);
    Map<String, Object> row = (Map<String, Object>) beside.get(0);
    assertThat((Map<String, Object>) row.get("strategies")).containsKeys("coordinated", "immediate", "foundation-mediated");
    assertThat((Integer) row.get("humans_rank")).isBetween(1, 4);
    assertThat(fast.html()).contains("After action", "humans", "exploit_public at day 12");
    assertThat(fast.json()).contains("\"injects_arrived\"", "\"played\"");
  }

  @Test
  void aNegativeDayIsRefused() {
    assertThatThrownBy(() -> new Played(-1, 0, 0, NEVER, NEVER, NEVER, NEVER)).isInstanceOf(IllegalArgumentException.class);
  }
}
