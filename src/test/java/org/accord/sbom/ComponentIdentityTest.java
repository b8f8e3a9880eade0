package org.accord.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.accord.InvalidInputException;
import org.accord.identity.Purl;
import org.accord.testing.TestData;
import org.junit.jupiter.api.Test;

class ComponentIdentityTest {
  /**
   * The reader does not call {@link Purl#canonical()} after parsing (it is a third of the PURL cost):
   * this proves, over the whole purl-spec suite, that every PURL that parses also rebuilds, and that
   * the canonical form parses back to the same PURL.
   */
  @Test
  void everyPurlThatParsesAlsoRebuilds() throws IOException {
    Path tests = TestData.resolve("purl/tests");
    ObjectMapper mapper = new ObjectMapper();
    int parsed = 0;
    try (Stream<Path> files = Files.walk(tests)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        for (JsonNode test : mapper.readTree(file.toFile()).path("tests")) {
          JsonNode input = test.path("input");
          if (!input.isTextual()) {
            continue;
          }
          Purl purl;
          try {
            purl = Purl.parse(input.asText());
          } catch (InvalidInputException refused) {
            continue;
          }
          String canonical = purl.canonical();
          assertThat(Purl.parse(canonical)).as("%s in %s", input.asText(), file.getFileName()).isEqualTo(purl);
          parsed++;
        }
      }
    }
    System.out.println("purl-spec inputs that parse and rebuild: " + parsed);
    assertThat(parsed).isGreaterThan(300);
  }

  /** Seeded random names: a generic identity always rebuilds and round-trips through its text. */
  @Test
  void genericIdentitiesRoundTripForArbitraryNames() {
    long seed = 20240611L;
    Random random = new Random(seed);
    String alphabet = "abcXYZ019 -._~/@?#%:+!&=é中\t";
    for (int i = 0; i < 5_000; i++) {
      String group = random.nextInt(3) == 0 ? null : word(random, alphabet);
      String name = random.nextInt(10) == 0 ? "" : word(random, alphabet);
      String version = random.nextInt(4) == 0 ? null : word(random, alphabet);
      Purl purl = ComponentIdentity.generic(group, name.isBlank() ? "ref-" + i : name, version);
      String canonical = purl.canonical();
      assertThat(Purl.parse(canonical))
          .as("seed %d, case %d: group %s, name %s, version %s", seed, i, group, name, version)
          .isEqualTo(purl);
    }
  }

  private static String word(Random random, String alphabet) {
    StringBuilder word = new StringBuilder();
    int length = 1 + random.nextInt(12);
    for (int i = 0; i < length; i++) {
      word.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return word.toString();
  }

  @Test
  void aVersionlessPurlTakesTheDeclaredVersion() {
    Warnings warnings = new Warnings();
    Purl purl = ComponentIdentity.resolve("pkg:npm/left-pad", null, "left-pad", "1.3.0", "ref", warnings);
    assertThat(purl.canonical()).isEqualTo("pkg:npm/left-pad@1.3.0");
    assertThat(warnings.render()).isEmpty();
  }

  @Test
  void anInvalidPurlIsAWarningNamingTheComponentAndGivesAGenericIdentity() {
    Warnings warnings = new Warnings();
    Purl purl = ComponentIdentity.resolve("pkg:/nonsense", "org.acme", "widget", "2.0", "ref", warnings);
    assertThat(purl.canonical()).isEqualTo("pkg:generic/org.acme/widget@2.0");
    assertThat(warnings.render())
        .singleElement()
        .satisfies(w -> assertThat(w).contains("invalid PURL").contains("'widget@2.0'").contains("pkg:/nonsense"));
  }

  @Test
  void aMissingPurlAndVersionAreCountedInOneWarningEach() {
    Warnings warnings = new Warnings();
    for (int i = 0; i < 12; i++) {
      ComponentIdentity.resolve(null, null, "lib" + i, null, "r" + i, warnings);
    }
    List<String> rendered = warnings.render();
    assertThat(rendered).hasSize(2);
    assertThat(rendered.get(0)).startsWith("12 components have no PURL").contains("'lib0'").contains("first 5 shown");
    assertThat(rendered.get(1)).startsWith("12 components have no version");
  }

  @Test
  void aPurlThatDoesNotSurviveCanonicalisationIsAWarningAndAGenericIdentity() {
    Warnings warnings = new Warnings();
    Purl purl = ComponentIdentity.resolve("pkg:npm/caf%C3%A9@1.0.0", null, "café", "1.0.0", "ref", warnings);
    assertThat(purl.type()).isEqualTo("generic");
    assertThat(ComponentIdentity.roundTrips(purl)).isTrue();
    assertThat(warnings.render())
        .singleElement()
        .satisfies(w -> assertThat(w).contains("invalid PURL").contains("'café@1.0.0'").contains("canonicalisation"));
  }

  @Test
  void genericIdentitiesKeepDistinctNonAsciiNamesDistinct() {
    Purl chinese = ComponentIdentity.generic(null, "中文", "1");
    Purl japanese = ComponentIdentity.generic(null, "日本", "1");
    assertThat(chinese).isNotEqualTo(japanese);
    assertThat(ComponentIdentity.roundTrips(chinese)).isTrue();
    assertThat(ComponentIdentity.generic(null, "plain-name", "1.0").canonical()).isEqualTo("pkg:generic/plain-name@1.0");
  }
}
