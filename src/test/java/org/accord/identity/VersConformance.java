package org.accord.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.accord.testing.TestData;
import org.junit.jupiter.params.provider.Arguments;

/** Reads the vers-spec conformance suite: one argument set (display, id, file, test) per case. */
final class VersConformance {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VersConformance() {}

  /** Every case of the files whose test types are in {@code types}. */
  static Stream<Arguments> cases(Set<String> types) {
    Path root = TestData.resolve("vers/tests");
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode tests = JSON.readTree(file.toFile()).path("tests");
        String name = file.getFileName().toString();
        for (int i = 0; i < tests.size(); i++) {
          JsonNode test = tests.get(i);
          if (!types.contains(test.path("test_type").asText())) {
            continue;
          }
          String id = name + "#" + i;
          cases.add(Arguments.of(id + " " + test.path("test_type").asText(), id, name, test));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases.stream();
  }
}
