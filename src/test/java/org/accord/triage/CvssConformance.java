package org.accord.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.accord.testing.TestData;

/** Reads the CVSS conformance vectors of the shared test data (Red Hat and FIRST suites). */
final class CvssConformance {
  private CvssConformance() {}

  /** One line of a Red Hat vectors file: the vector and its expected scores. */
  record Case(String file, int line, String vector, List<String> expected) {
    @Override
    public String toString() {
      return file + ":" + line + " " + vector;
    }
  }

  private static final Pattern FIRST_MACRO =
      Pattern.compile("\\{'vector': '([^']+)', 'score': ([0-9.]+), 'severity': '(\\w+)'}");

  /** Red Hat format: {@code VECTOR - (9.8, 9.8, 9.8)} or {@code VECTOR - (9.2,)} or {@code VECTOR - 7.3}. */
  static List<Case> redHat(String name) {
    List<String> lines = lines("cvss/redhat-cvss/tests/" + name);
    java.util.ArrayList<Case> cases = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int dash = line.indexOf(" - ");
      String vector = line.substring(0, dash).trim();
      String scores = line.substring(dash + 3).replace("(", "").replace(")", "").trim();
      List<String> expected =
          java.util.Arrays.stream(scores.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
      cases.add(new Case(name, i + 1, vector, expected));
    }
    return cases;
  }

  /** FIRST macro-scores: Python-dict lines with vector, score and severity. */
  static List<Case> firstMacroScores() {
    List<String> lines = lines("cvss/first-cvss-resources/vectorFiles/macro-scores");
    java.util.ArrayList<Case> cases = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      Matcher matcher = FIRST_MACRO.matcher(lines.get(i));
      if (!matcher.find()) {
        throw new IllegalStateException("macro-scores line " + (i + 1) + " not understood: " + lines.get(i));
      }
      cases.add(new Case("macro-scores", i + 1, matcher.group(1), List.of(matcher.group(2), matcher.group(3))));
    }
    return cases;
  }

  static List<String> lines(String relative) {
    try {
      return Files.readAllLines(TestData.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
