package org.accord.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and compare costs of the version schemes the matcher leans on most, and the cost of one range
 * check (a three-range union, as an advisory with three affected ranges). The matcher's budget is one
 * microsecond per range check (1,000,000 per second on one core).
 *
 * <p>Run: {@code mvn -q test-compile exec:exec -Pjmh -Djmh.args=VersionCompareBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class VersionCompareBenchmark {
  private static final Map<String, List<String>> SAMPLES =
      Map.of(
          "maven", List.of("2.14.1", "2.15.0", "2.0-beta9", "5.3.18", "5.2.20.RELEASE", "1.19.1", "2.12.2", "31.1-jre"),
          "npm", List.of("4.17.21", "4.17.12", "1.0.0-rc.1", "7.5.2", "6.3.1", "0.0.0-20230101", "3.0.0-beta.7", "2.0.0"),
          "pypi", List.of("2.31.0", "2.3.0", "1.0rc1", "3.0.3", "2.2.10", "1.0.post1", "5.4", "1!2.0.dev3"),
          "deb", List.of("2.36-9+deb12u4", "1:2.4.47-2", "1.0~rc1-1", "3.0.11-1~deb12u2", "7.88.1-10", "0.9.8", "1:1.2.13.dfsg-1", "2.36-9"));

  private static final Map<String, String[][]> RANGES =
      Map.of(
          "maven", new String[][] {{"2.13.0", "2.15.0"}, {"0", "2.3.1"}, {"2.4", "2.12.2"}},
          "npm", new String[][] {{"7.0.0", "7.5.2"}, {"6.0.0", "6.3.1"}, {"0", "5.7.2"}},
          "pypi", new String[][] {{"2.0.0", "2.0.6"}, {"0", "1.26.17"}, {"3.0", "3.1"}},
          "deb", new String[][] {{"0", "2.36-9+deb12u4"}, {"2.37", "2.37-15"}, {"2.38", "2.38-1"}});

  @Param({"maven", "npm", "pypi", "deb"})
  public String scheme;

  private VersionScheme versionScheme;
  private String[] texts;
  private Version[] versions;
  private VersionRange range;
  private int index;

  @Setup
  public void setUp() {
    versionScheme = VersionScheme.forName(scheme);
    texts = SAMPLES.get(scheme).toArray(new String[0]);
    versions = new Version[texts.length];
    for (int i = 0; i < texts.length; i++) {
      versions[i] = versionScheme.parse(texts[i]);
    }
    List<VersionRange> members = new java.util.ArrayList<>();
    for (String[] bounds : RANGES.get(scheme)) {
      members.add(
          VersionRange.fromOsvEvents(versionScheme, List.of(OsvEvent.introduced(bounds[0]), OsvEvent.fixed(bounds[1]))));
    }
    range = VersionRange.union(members);
  }

  private int next() {
    index = (index + 1) & 7;
    return index;
  }

  @Benchmark
  public Version parse() {
    return versionScheme.parse(texts[next()]);
  }

  @Benchmark
  public int compare() {
    int i = next();
    return versions[i].compareTo(versions[(i + 3) & 7]);
  }

  @Benchmark
  public boolean rangeContains() {
    return range.contains(versions[next()]);
  }
}
