package org.accord.identity;

import static org.accord.identity.OsvEvent.fixed;
import static org.accord.identity.OsvEvent.introduced;
import static org.accord.identity.OsvEvent.lastAffected;
import static org.accord.identity.OsvEvent.limit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** OSV event ranges: the schema's evaluation algorithm, on its examples and on real advisories. */
class OsvRangeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static VersionRange npm(OsvEvent... events) {
    return VersionRange.fromOsvEvents(Ecosystem.NPM, List.of(events));
  }

  @Test
  void schemaExamples() {
    VersionRange unfixed = npm(introduced("0"));
    assertThat(unfixed.contains("0.0.0")).isTrue();
    assertThat(unfixed.contains("99.0.0")).isTrue();
    assertThat(unfixed.toVers()).isEqualTo("vers:npm/*");

    VersionRange fixed = npm(introduced("0"), fixed("1.0.2"));
    assertThat(fixed.contains("1.0.1")).isTrue();
    assertThat(fixed.contains("1.0.2-rc.1")).isTrue();
    assertThat(fixed.contains("1.0.2")).isFalse();
    assertThat(fixed.toVers()).isEqualTo("vers:npm/<1.0.2");

    VersionRange multiple = npm(introduced("1.0.0"), fixed("1.0.2"), introduced("3.0.0"), fixed("3.2.5"));
    assertThat(multiple.contains("0.9.0")).isFalse();
    assertThat(multiple.contains("1.0.0")).isTrue();
    assertThat(multiple.contains("2.0.0")).isFalse();
    assertThat(multiple.contains("3.2.4")).isTrue();
    assertThat(multiple.contains("3.2.5")).isFalse();
    assertThat(multiple.toVers()).isEqualTo("vers:npm/>=1.0.0|<1.0.2|>=3.0.0|<3.2.5");

    VersionRange lastAffected = npm(introduced("0"), lastAffected("2.1.214"));
    assertThat(lastAffected.contains("2.1.214")).isTrue();
    assertThat(lastAffected.contains("2.1.215")).isFalse();
    assertThat(lastAffected.toVers()).isEqualTo("vers:npm/<=2.1.214");
  }

  @Test
  void limitsAndUnsortedEvents() {
    VersionRange limited = npm(introduced("1.0.0"), limit("2.0.0"));
    assertThat(limited.contains("1.5.0")).isTrue();
    assertThat(limited.contains("2.0.0")).isFalse();
    assertThat(limited.toVers()).isEqualTo("vers:npm/>=1.0.0|<2.0.0");
    assertThat(npm(introduced("1.0.0"), limit("*")).contains("9.0.0")).isTrue();
    VersionRange twoLimits = npm(introduced("1.0.0"), limit("1.5.0"), limit("3.0.0"));
    assertThat(twoLimits.contains("2.0.0")).isTrue();
    assertThat(twoLimits.contains("3.0.0")).isFalse();

    // GHSA equals_with_patch: events out of order, sorted before evaluation.
    VersionRange unsorted = npm(introduced("0"), introduced("2.0.0"), fixed("2.0.1"), fixed("1.3.2"));
    assertThat(unsorted.contains("1.3.1")).isTrue();
    assertThat(unsorted.contains("1.3.2")).isFalse();
    assertThat(unsorted.contains("2.0.0")).isTrue();
    assertThat(unsorted.contains("2.0.1")).isFalse();
    assertThat(unsorted.toVers()).isEqualTo("vers:npm/<1.3.2|>=2.0.0|<2.0.1");
  }

  @Test
  void equalVersionsKeepTheirRecordOrder() {
    assertThat(npm(introduced("1.0.0"), fixed("1.0.0")).contains("1.0.0")).isFalse();
    assertThat(npm(introduced("0"), fixed("1.0.0"), introduced("1.0.0"), fixed("2.0.0")).contains("1.0.0")).isTrue();
    assertThat(npm(introduced("1.0.0"), fixed("1.0.0")).toVers()).isEqualTo("vers:none/*");
  }

  @Test
  void refusesBadEvents() {
    assertThatThrownBy(() -> npm(fixed("1.0.0")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("introduced");
    assertThatThrownBy(() -> npm(introduced("0"), fixed("1.0.x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'1.0.x'")
        .hasMessageContaining("fixed");
  }

  @Test
  void unionOfLog4ShellRanges() {
    VersionRange range =
        VersionRange.union(
            List.of(
                VersionRange.fromOsvEvents(Ecosystem.MAVEN, List.of(introduced("2.13.0"), fixed("2.15.0"))),
                VersionRange.fromOsvEvents(Ecosystem.MAVEN, List.of(introduced("0"), fixed("2.3.1"))),
                VersionRange.fromOsvEvents(Ecosystem.MAVEN, List.of(introduced("2.4"), fixed("2.12.2")))));
    assertThat(range.contains("2.14.1")).isTrue();
    assertThat(range.contains("2.0-beta9")).isTrue();
    assertThat(range.contains("2.3.1")).isFalse();
    assertThat(range.contains("2.12.2")).isFalse();
    assertThat(range.contains("2.15.0")).isFalse();
    assertThat(range.toVers()).isEqualTo("vers:maven/<2.3.1|>=2.4|<2.12.2|>=2.13.0|<2.15.0");
    assertThat(VersionRange.union(List.of(range, VersionRange.all()))).isSameAs(VersionRange.all());
    assertThat(VersionRange.union(List.of())).isSameAs(VersionRange.none());
    assertThatThrownBy(() -> VersionRange.union(List.of(range, npm(introduced("0")))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Path> osvFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("osv/advisories", "osv/osv-schema/tools")) {
      try (Stream<Path> walk = Files.walk(TestData.resolve(dir))) {
        walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    return files.stream();
  }

  /**
   * Every OSV record in the test data: each affected package of a supported ecosystem yields a range
   * whose introduced and last_affected versions are in it, whose fixed versions are out, which contains
   * every version of the record's explicit list, and whose vers form parses strictly back to the same
   * answers.
   */
  @ParameterizedTest
  @MethodSource("osvFiles")
  void realRecordsEvaluate(Path file) throws IOException {
    JsonNode record = JSON.readTree(file.toFile());
    if (file.getFileName().toString().equals("GHSA-9v2f-6vcg-3hgv.json")) {
      // The linter's fixture lists the deliberately invalid version '4.36.-1'; it must be refused.
      assertThatThrownBy(() -> evaluate(file, record))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'4.36.-1'");
      return;
    }
    evaluate(file, record);
  }

  private static void evaluate(Path file, JsonNode record) {
    for (JsonNode affected : record.path("affected")) {
      String ecosystemName = affected.path("package").path("ecosystem").asText("");
      if (ecosystemName.isEmpty()) {
        continue; // GIT-only records (CVE-2023-41045) name no package ecosystem
      }
      Ecosystem ecosystem = Ecosystem.fromOsvName(ecosystemName);
      List<VersionRange> ranges = new ArrayList<>();
      List<String> in = new ArrayList<>();
      List<String> out = new ArrayList<>();
      for (JsonNode range : affected.path("ranges")) {
        if (range.path("type").asText().equals("GIT")) {
          continue;
        }
        List<OsvEvent> events = new ArrayList<>();
        for (JsonNode event : range.path("events")) {
          String kind = event.fieldNames().next();
          String version = event.path(kind).asText();
          events.add(new OsvEvent(OsvEvent.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), version));
          if ((kind.equals("introduced") && !version.equals("0")) || kind.equals("last_affected")) {
            in.add(version);
          } else if (kind.equals("fixed")) {
            out.add(version);
          }
        }
        ranges.add(VersionRange.fromOsvEvents(ecosystem, events));
      }
      List<String> listed = new ArrayList<>();
      affected.path("versions").forEach(v -> listed.add(v.asText()));
      if (!listed.isEmpty()) {
        ranges.add(VersionRange.exactly(ecosystem.scheme(), listed));
        in.addAll(listed);
      }
      if (ranges.isEmpty()) {
        continue;
      }
      VersionRange union = VersionRange.union(ranges);
      VersionRange reparsed = VersionRange.parseVers(union.toVers());
      for (String version : in) {
        assertThat(union.contains(version)).as("%s: %s in %s", file.getFileName(), version, union).isTrue();
        assertThat(reparsed.contains(version)).as("%s: %s in %s", file.getFileName(), version, reparsed).isTrue();
      }
      for (String version : out) {
        if (!listed.contains(version)) {
          assertThat(union.contains(version)).as("%s: %s not in %s", file.getFileName(), version, union).isFalse();
          assertThat(reparsed.contains(version)).isFalse();
        }
      }
    }
  }

  @Test
  void refusesTheLinterRecordWithoutIntroduced() throws IOException {
    JsonNode record =
        JSON.readTree(TestData.resolve("osv/osv-schema/tools/osv-linter/testdata/nointroduced-CVE-2023-41045.json").toFile());
    List<OsvEvent> events = new ArrayList<>();
    for (JsonNode event : record.path("affected").get(0).path("ranges").get(0).path("events")) {
      events.add(fixed(event.path("fixed").asText()));
    }
    assertThatThrownBy(() -> VersionRange.fromOsvEvents(Ecosystem.GENERIC, events))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("introduced");
  }
}
