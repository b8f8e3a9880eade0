package org.accord.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.accord.advisory.Advisory;
import org.accord.advisory.AffectedPackage;
import org.accord.synthetic.SyntheticWorld;
import org.junit.jupiter.api.Test;

/** {@code accord bench match} on a tiny world: it runs end to end and both matchers agree. Not a timing test. */
class MatchBenchmarkTest {
  @Test
  void graphMatcherAndSqlBaselineFindTheSameMatches() throws IOException {
    List<String> log = new ArrayList<>();
    MatchBenchmark.Result result = MatchBenchmark.run(new MatchBenchmark.Options(3_000, 6_000, 100, 300, 1, 7, null), log::add);
    assertThat(result.identical()).as(String.join("\n", log)).isTrue();
    assertThat(result.advisories()).isEqualTo(300);
    assertThat(result.checks()).isGreaterThan(result.advisories());
    assertThat(result.matches()).isPositive();
    assertThat(result.checksPerS()).isPositive();
    assertThat(log).anyMatch(line -> line.startsWith("SQL baseline")).anyMatch(line -> line.contains("matches identical"));
  }

  @Test
  void generatedAdvisoriesUseEveryRangeShape() {
    SyntheticWorld world = SyntheticWorld.generate(SyntheticWorld.Spec.scaled(5_000, 10_000, 10, 3));
    List<Advisory> advisories = MatchBenchmark.generate(world, 2_000, new SplittableRandom(11));
    List<AffectedPackage> affected = advisories.stream().flatMap(a -> a.affected().stream()).toList();
    assertThat(advisories.stream().filter(a -> a.affected().size() == 2)).isNotEmpty();
    assertThat(affected).allMatch(AffectedPackage::evaluable);
    assertThat(affected.stream().filter(a -> a.ranges().size() == 2)).as("two intervals").isNotEmpty();
    assertThat(affected.stream().filter(a -> !a.versions().isEmpty())).as("version lists").isNotEmpty();
    assertThat(affected.stream().filter(a -> a.ranges().stream().anyMatch(r -> r.describe().contains("last_affected")))).isNotEmpty();
    assertThat(affected.stream().filter(a -> a.ranges().stream().anyMatch(r -> r.events().size() == 1))).as("open-ended").isNotEmpty();
  }
}
