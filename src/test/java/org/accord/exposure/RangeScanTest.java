package org.accord.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.accord.identity.Ecosystem;
import org.accord.identity.OsvEvent;
import org.accord.identity.VersionRange;
import org.junit.jupiter.api.Test;

/** {@link ExposureGraph#versionsIn}: one check per version, pre-parsed versions, a cache that follows ingests. */
class RangeScanTest {
  static final String LIB = "pkg:maven/org.libra/libracore";

  static ExposureGraph graph(String... versions) {
    ExposureGraph.Builder builder = ExposureGraph.builder((type, a, b) -> Ecosystem.fromPurlType(type).scheme().compare(a, b)).inlineCompaction();
    for (int i = 0; i < versions.length; i++) {
      builder.addComponent(new ComponentNode(i + 1, LIB + "@" + versions[i], LIB, versions[i]));
    }
    return builder.build();
  }

  static VersionRange range(OsvEvent... events) {
    return VersionRange.fromOsvEvents(Ecosystem.MAVEN, List.of(events));
  }

  @Test
  void checksEveryVersionAndReturnsTheMatchesInVersionOrder() {
    ExposureGraph graph = graph("2.4.0", "1.9", "2.1.0", "not a version!", "2.3.4", "2.0");
    RangeHits hits = graph.versionsIn(LIB, range(OsvEvent.introduced("2.0"), OsvEvent.fixed("2.3.4")));
    assertThat(hits.checked()).isEqualTo(6);
    assertThat(hits.purls()).containsExactly(LIB + "@2.0", LIB + "@2.1.0");
    assertThat(hits.componentIds()).containsExactly(6, 3);
    assertThat(graph.versionsIn("pkg:maven/org.other/lib", VersionRange.all())).isEqualTo(RangeHits.NONE);
    assertThat(graph.versionsIn(LIB, VersionRange.all()).purls()).as("an unparsable version is in no range, not even all")
        .doesNotContain(LIB + "@not a version!");
  }

  @Test
  void theCacheFollowsNewVersions() {
    ExposureGraph graph = graph("2.1.0");
    VersionRange range = range(OsvEvent.introduced("0"), OsvEvent.lastAffected("2.2.0"));
    assertThat(graph.versionsIn(LIB, range).purls()).containsExactly(LIB + "@2.1.0");
    graph.apply(new GraphChange(List.of(new ComponentNode(9, LIB + "@2.2.0", LIB, "2.2.0"), new ComponentNode(10, LIB + "@2.2.1", LIB, "2.2.1")),
        List.of(), List.of(), List.of(), List.of()));
    RangeHits hits = graph.versionsIn(LIB, range);
    assertThat(hits.checked()).isEqualTo(3);
    assertThat(hits.purls()).containsExactly(LIB + "@2.1.0", LIB + "@2.2.0");
  }

  @Test
  void agreesWithAPerVersionContainsCheckOnRandomRanges() {
    long seed = 20250901L;
    Random random = new Random(seed);
    String[] versions = new String[300];
    for (int i = 0; i < versions.length; i++) {
      versions[i] = random.nextInt(4) + "." + random.nextInt(6) + (random.nextBoolean() ? "." + random.nextInt(4) : "");
    }
    ExposureGraph graph = graph(versions);
    for (int round = 0; round < 200; round++) {
      String a = versions[random.nextInt(versions.length)];
      String b = versions[random.nextInt(versions.length)];
      VersionRange range = random.nextBoolean()
          ? range(OsvEvent.introduced(a), OsvEvent.fixed(b))
          : range(OsvEvent.introduced("0"), OsvEvent.lastAffected(a), OsvEvent.introduced(b));
      RangeHits hits = graph.versionsIn(LIB, range);
      long expected = java.util.Arrays.stream(versions).filter(range::contains).count(); // one node per entry, repeats included
      assertThat(hits.purls()).as("seed %d round %d: %s", seed, round, range).hasSize((int) expected);
      for (String purl : hits.purls()) {
        assertThat(range.contains(purl.substring(purl.indexOf('@') + 1))).isTrue();
      }
    }
  }
}
