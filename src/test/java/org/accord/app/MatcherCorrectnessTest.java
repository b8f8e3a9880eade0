package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.identity.Ecosystem;
import org.accord.identity.Purl;
import org.accord.identity.VersionScheme;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher against an independent, straightforward evaluation of the OSV algorithm, on every real
 * advisory in {@code osv/advisories}.
 *
 * <p>For each affected package, the graph gets versions just inside and just outside every range
 * boundary (each event version, its neighbours one step down and up in the last and first numeric
 * part, a pre-release of it, and every listed version), in both the {@code v1.2.3} and {@code 1.2.3}
 * spelling for Go. The expected matches come from the OSV schema's own pseudo-code, written out below
 * from the JSON (events sorted by version with {@code introduced: "0"} first, a forward walk, limits,
 * listed versions, withdrawn advisories matching nothing); only version comparison is shared with the
 * product (the ecosystem's {@link VersionScheme}). Both directions of incremental matching (advisories
 * after SBOMs, SBOMs after advisories) and a full rematch must give exactly the expected matches.
 */
class MatcherCorrectnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  @TempDir Path dir;

  record Case(String file, JsonNode advisory, Map<String, Ecosystem> packages) {}

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(TestData.resolve("osv/advisories"))) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode advisory = JSON.readTree(file.toFile());
        Map<String, Ecosystem> packages = new LinkedHashMap<>();
        for (JsonNode affected : advisory.path("affected")) {
          packages.put(packageKey(affected.path("package")), Ecosystem.fromOsvName(affected.path("package").path("ecosystem").asText()));
        }
        cases.add(new Case(file.getFileName().toString(), advisory, packages));
      }
    }
    return cases;
  }

  /** OSV package to PURL package key, written out for the eight ecosystems of the suite. */
  static String packageKey(JsonNode pkg) {
    String ecosystem = pkg.path("ecosystem").asText();
    String name = pkg.path("name").asText();
    return switch (ecosystem) {
      case "Maven" -> Purl.of("maven", name.substring(0, name.indexOf(':')), name.substring(name.indexOf(':') + 1), null, null, null).packageKey();
      case "npm", "Go", "Packagist" -> {
        String type = ecosystem.equals("npm") ? "npm" : ecosystem.equals("Go") ? "golang" : "composer";
        int slash = name.lastIndexOf('/');
        yield Purl.of(type, slash < 0 ? null : name.substring(0, slash), name.substring(slash + 1), null, null, null).packageKey();
      }
      case "PyPI" -> Purl.of("pypi", null, name, null, null, null).packageKey();
      case "crates.io" -> Purl.of("cargo", null, name, null, null, null).packageKey();
      case "NuGet" -> Purl.of("nuget", null, name, null, null, null).packageKey();
      case "RubyGems" -> Purl.of("gem", null, name, null, null, null).packageKey();
      default -> throw new IllegalStateException("ecosystem outside the suite: " + ecosystem);
    };
  }

  /** Versions around every boundary of every affected entry for one package, valid in its scheme. */
  static Set<String> probes(JsonNode advisory, String packageKey, Ecosystem ecosystem) {
    Set<String> boundaries = new LinkedHashSet<>();
    for (JsonNode affected : advisory.path("affected")) {
      if (!packageKey(affected.path("package")).equals(packageKey)) {
        continue;
      }
      for (JsonNode range : affected.path("ranges")) {
        for (JsonNode event : range.path("events")) {
          String version = event.properties().iterator().next().getValue().asText();
          if (!version.equals("0") && !version.contains("*")) {
            boundaries.add(version);
          }
        }
      }
      affected.path("versions").forEach(version -> boundaries.add(version.asText()));
    }
    Set<String> probes = new TreeSet<>();
    for (String boundary : boundaries) {
      List<String> candidates = new ArrayList<>(List.of(boundary, boundary + "-rc1", boundary + ".1", boundary + "-0"));
      candidates.addAll(neighbours(boundary));
      for (String candidate : candidates) {
        if (parses(ecosystem.scheme(), candidate)) {
          probes.add(candidate);
          if (ecosystem == Ecosystem.GOLANG && !candidate.startsWith("v")) {
            probes.add("v" + candidate);
          }
        }
      }
    }
    for (String extreme : List.of("0.0.1", "0.1", "999.0.0")) {
      if (parses(ecosystem.scheme(), extreme)) {
        probes.add(extreme);
      }
    }
    return probes;
  }

  /** The version with its last and its first number one lower and one higher. */
  static List<String> neighbours(String version) {
    List<String> out = new ArrayList<>();
    List<int[]> numbers = new ArrayList<>();
    Matcher matcher = NUMBER.matcher(version);
    while (matcher.find()) {
      numbers.add(new int[] {matcher.start(), matcher.end()});
    }
    if (numbers.isEmpty()) {
      return out;
    }
    for (int[] at : List.of(numbers.get(numbers.size() - 1), numbers.get(0))) {
      String digits = version.substring(at[0], at[1]);
      if (digits.length() > 9) {
        continue;
      }
      long value = Long.parseLong(digits);
      out.add(version.substring(0, at[0]) + (value + 1) + version.substring(at[1]));
      if (value > 0) {
        out.add(version.substring(0, at[0]) + (value - 1) + version.substring(at[1]));
      }
    }
    return out;
  }

  static boolean parses(VersionScheme scheme, String version) {
    try {
      scheme.parse(version);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  // ---- the independent evaluation: the OSV schema's pseudo-code, https://ossf.github.io/osv-schema/#evaluation ----

  static boolean affected(JsonNode advisory, String packageKey, VersionScheme scheme, String version) {
    if (advisory.hasNonNull("withdrawn")) {
      return false;
    }
    for (JsonNode affected : advisory.path("affected")) {
      if (!packageKey(affected.path("package")).equals(packageKey)) {
        continue;
      }
      for (JsonNode listed : affected.path("versions")) {
        if (scheme.compare(version, listed.asText()) == 0) {
          return true;
        }
      }
      for (JsonNode range : affected.path("ranges")) {
        String type = range.path("type").asText();
        if ((type.equals("SEMVER") || type.equals("ECOSYSTEM")) && isAffected(range.path("events"), scheme, version)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isAffected(JsonNode eventsNode, VersionScheme scheme, String version) {
    List<String[]> events = new ArrayList<>();
    List<String> limits = new ArrayList<>();
    for (JsonNode event : eventsNode) {
      Map.Entry<String, JsonNode> field = event.properties().iterator().next();
      if (field.getKey().equals("limit")) {
        limits.add(field.getValue().asText());
      } else {
        events.add(new String[] {field.getKey(), field.getValue().asText()});
      }
    }
    if (!limits.isEmpty() && limits.stream().noneMatch(limit -> limit.contains("*") || scheme.compare(version, limit) < 0)) {
      return false;
    }
    // Sort by version ("0" in an introduced event sorts first); List.sort is stable.
    events.sort((a, b) -> {
      boolean aZero = a[0].equals("introduced") && a[1].equals("0");
      boolean bZero = b[0].equals("introduced") && b[1].equals("0");
      if (aZero || bZero) {
        return aZero == bZero ? 0 : aZero ? -1 : 1;
      }
      return scheme.compare(a[1], b[1]);
    });
    boolean vulnerable = false;
    for (String[] event : events) {
      switch (event[0]) {
        case "introduced" -> {
          if (event[1].equals("0") || scheme.compare(version, event[1]) >= 0) {
            vulnerable = true;
          }
        }
        case "fixed" -> {
          if (scheme.compare(version, event[1]) >= 0) {
            vulnerable = false;
          }
        }
        case "last_affected" -> {
          if (scheme.compare(version, event[1]) > 0) {
            vulnerable = false;
          }
        }
        default -> throw new IllegalStateException("unknown event " + event[0]);
      }
    }
    return vulnerable;
  }

  // ---- the test ----

  /** A CycloneDX SBOM whose root depends directly on every probe version. */
  static byte[] sbom(String name, Set<String> purls) {
    ObjectNode bom = JSON.createObjectNode().put("bomFormat", "CycloneDX").put("specVersion", "1.6").put("version", 1);
    bom.putObject("metadata").putObject("component").put("type", "application").put("bom-ref", "root").put("name", name)
        .put("version", "1.0").put("purl", "pkg:generic/probe/" + name.toLowerCase(Locale.ROOT) + "@1.0");
    ArrayNode components = bom.putArray("components");
    ArrayNode dependsOn = bom.putArray("dependencies").addObject().put("ref", "root").putArray("dependsOn");
    int i = 0;
    for (String purl : purls) {
      Purl parsed = Purl.parse(purl);
      components.addObject().put("type", "library").put("bom-ref", "c" + i).put("name", parsed.name()).put("version", parsed.version()).put("purl", purl);
      dependsOn.add("c" + i++);
    }
    return bom.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theMatcherAgreesWithTheOsvAlgorithmOnEveryBoundary() throws IOException {
    List<Case> cases = cases();
    assertThat(cases).hasSize(34);
    Map<String, Set<String>> probesByAdvisory = new LinkedHashMap<>();
    Map<String, Set<String>> graphVersions = new LinkedHashMap<>(); // package key -> every probe version of it
    for (Case c : cases) {
      Set<String> purls = new LinkedHashSet<>();
      c.packages().forEach((key, ecosystem) -> {
        for (String version : probes(c.advisory(), key, ecosystem)) {
          purls.add(Purl.parse(key).withVersion(version).canonical());
          graphVersions.computeIfAbsent(key, k -> new TreeSet<>()).add(version);
        }
      });
      probesByAdvisory.put(c.file(), purls);
    }

    // Expected: every version of every affected package in the graph, by the independent evaluation.
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    long checks = 0;
    long affectedCount = 0;
    for (Case c : cases) {
      Set<String> matches = new TreeSet<>();
      for (Map.Entry<String, Ecosystem> pkg : c.packages().entrySet()) {
        for (String version : graphVersions.get(pkg.getKey())) {
          checks++;
          if (affected(c.advisory(), pkg.getKey(), pkg.getValue().scheme(), version)) {
            matches.add(Purl.parse(pkg.getKey()).withVersion(version).canonical());
            affectedCount++;
          }
        }
      }
      expected.put(c.advisory().path("id").asText(), matches);
    }
    assertThat(checks).as("(advisory, package version) cases").isGreaterThan(1_000);
    assertThat(affectedCount).as("cases inside a range").isGreaterThan(100);
    assertThat(checks - affectedCount).as("cases outside every range").isGreaterThan(100);
    System.out.printf("matcher correctness: %d advisories, %d (advisory, package version) cases, %d affected, %d not%n",
        cases.size(), checks, affectedCount, checks - affectedCount);
    // Direction 1: SBOMs first, then each advisory is matched against the graph.
    try (Accord accord = Accord.open(new Accord.Config(dir.resolve("advisories-last"), null))) {
      for (Case c : cases) {
        accord.ingestSbom(new ByteArrayInputStream(sbom(c.advisory().path("id").asText(), probesByAdvisory.get(c.file()))), org.accord.TestPrincipals.member(accord, "probe"));
      }
      for (Case c : cases) {
        accord.advisories().ingest(Files.newInputStream(file(c)), org.accord.TestPrincipals.of(accord, "test", true), false);
      }
      assertMatches(accord, expected, "advisory against the graph");
      accord.advisories().rematchAll();
      assertMatches(accord, expected, "full rematch");
    }
    // Direction 2: advisories first, then each SBOM's new package versions are matched against them.
    try (Accord accord = Accord.open(new Accord.Config(dir.resolve("sboms-last"), null))) {
      for (Case c : cases) {
        accord.advisories().ingest(Files.newInputStream(file(c)), org.accord.TestPrincipals.of(accord, "test", true), false);
      }
      for (Case c : cases) {
        accord.ingestSbom(new ByteArrayInputStream(sbom(c.advisory().path("id").asText(), probesByAdvisory.get(c.file()))), org.accord.TestPrincipals.member(accord, "probe"));
      }
      assertMatches(accord, expected, "new package versions against the advisories");
    }
  }

  private static Path file(Case c) throws IOException {
    try (Stream<Path> walk = Files.walk(TestData.resolve("osv/advisories"))) {
      return walk.filter(p -> p.getFileName().toString().equals(c.file())).findFirst().orElseThrow();
    }
  }

  private static void assertMatches(Accord accord, Map<String, Set<String>> expected, String direction) {
    for (Map.Entry<String, Set<String>> entry : expected.entrySet()) {
      Set<String> actual = new TreeSet<>(accord.advisories().show(entry.getKey(), Viewer.local(false)).records().get(0).matched());
      assertThat(actual).as(direction + ": " + entry.getKey()).isEqualTo(entry.getValue());
    }
  }
}
