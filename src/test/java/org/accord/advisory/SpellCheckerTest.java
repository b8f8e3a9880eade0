package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpellCheckerTest {

  @Test
  void englishWithoutRegionOrWithUsUsesTheShippedDictionary() {
    for (String tag : List.of("en", "EN", "en-US", "en-us", "en-Latn", "en-Latn-US", "en-US-x-accord", "en-u-ca-gregory")) {
      assertThat(SpellChecker.forLanguage(tag)).as(tag).isNotNull();
      assertThat(SpellChecker.forLanguage(tag).name()).as(tag).isEqualTo("en_US");
    }
    for (String tag : List.of("en-GB", "en-001", "en-Cyrl", "de", "de-DE", "fr", "i-default", "x-accord", "qtx")) {
      assertThat(SpellChecker.forLanguage(tag)).as(tag).isNull();
    }
  }

  @Test
  void findsTheMisspellingsOfTheOasisExamples() {
    SpellChecker english = SpellChecker.forLanguage("en");
    assertThat(english.misspellings("Secruity researchers found multiple vulnerabilities in XYZ.")).containsExactly("Secruity");
    assertThat(english.misspellings("Security researchers found multiple vulnerabilities in XYZ.")).isEmpty();
    assertThat(
            english.misspellings(
                "A vulnerapility exists in an undisclused component that allows an unauthenticated remote addacker "
                    + "to x-cute arbitrary code with rood priviledges."))
        .containsExactly("vulnerapility", "undisclused", "addacker", "priviledges");
    assertThat(
            english.misspellings(
                "A vulnerability exists in an undisclosed component that allows an unauthenticated remote attacker "
                    + "to execute arbitrary code with root privileges."))
        .isEmpty();
  }

  @Test
  void skipsWhatIsNotProse() {
    SpellChecker english = SpellChecker.forLanguage("en");
    assertThat(english.misspellings("OASIS CSAF TC, XYZ and CVE-2021-44228 in Product A 17.4")).isEmpty();
    assertThat(english.misspellings("OpenSSL on macOS and iPhone, see product_a.so and Vu1nerability")).isEmpty();
    assertThat(english.misspellings("See https://exampel.com/advisroy or write to psirt@exampel.com or www.exampel.com")).isEmpty();
    assertThat(english.misspellings("Don't, don’t and 'quoted' words; the company's product")).isEmpty();
    assertThat(english.misspellings("teh teh TEH Teh")).containsExactly("teh", "Teh");
    assertThat(SpellChecker.checkable("XYZ")).isFalse();
    assertThat(SpellChecker.checkable("OpenSSL")).isFalse();
    assertThat(SpellChecker.checkable("Vu1nerability")).isFalse();
    assertThat(SpellChecker.checkable("product_a")).isFalse();
    assertThat(SpellChecker.checkable("Security")).isTrue();
    assertThat(SpellChecker.checkable("don't")).isTrue();
  }

  /**
   * Property: the checker accepts the dictionary's own words. 3000 stems drawn with a fixed seed from
   * the shipped en_US.dic (those the checker looks up at all) must pass, so that a dictionary that
   * loads wrongly (encoding, flags, affix file) is caught.
   */
  @Test
  void acceptsTheDictionarysOwnWords() throws IOException {
    List<String> stems = new ArrayList<>();
    try (InputStream in = SpellChecker.class.getResourceAsStream("hunspell/en_US.dic");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine(); // the entry count
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String stem = line.contains("/") ? line.substring(0, line.indexOf('/')) : line;
        if (SpellChecker.checkable(stem)) {
          stems.add(stem);
        }
      }
    }
    assertThat(stems).hasSizeGreaterThan(60_000);
    long seed = 20240601L;
    Random random = new Random(seed);
    SpellChecker english = SpellChecker.forLanguage("en");
    for (int round = 0; round < 3000; round++) {
      String stem = stems.get(random.nextInt(stems.size()));
      assertThat(english.misspellings(stem)).as("seed %d round %d: %s", seed, round, stem).isEmpty();
    }
  }
}
