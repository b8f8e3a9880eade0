package org.accord.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.accord.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parser x hostile input: seeded random mutations of valid documents (byte flips, deletions,
 * duplications, truncations) must either parse or fail with InvalidInputException, never with anything
 * else. The seed is printed on failure.
 */
class HostileInputTest {

  static byte[] gzip(String text) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Arguments> parsers() {
    Consumer<byte[]> cvss = bytes -> Cvss.parse(new String(bytes, StandardCharsets.UTF_8));
    Consumer<byte[]> table = bytes -> SsvcTable.load(new ByteArrayInputStream(bytes), "fuzz.json");
    Consumer<byte[]> kev = bytes -> KevCatalog.read(new ByteArrayInputStream(bytes));
    Consumer<byte[]> epss = bytes -> EpssFeed.read(new ByteArrayInputStream(bytes));
    return Stream.of(
        Arguments.of("cvss 3.1", cvss, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/MAV:L".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("cvss 4.0", cvss,
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/MSI:S/U:Red".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("ssvc table", table, SsvcTableTest.CUSTOM.getBytes(StandardCharsets.UTF_8)),
        Arguments.of("kev", kev, KevCatalogTest.SMALL.getBytes(StandardCharsets.UTF_8)),
        Arguments.of("epss", epss, EpssFeedTest.FEED.getBytes(StandardCharsets.UTF_8)),
        Arguments.of("epss gzip", epss, gzip(EpssFeedTest.FEED)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parsers")
  void mutationsParseOrFailCleanly(String name, Consumer<byte[]> parser, byte[] valid) {
    parser.accept(valid); // the seed document itself is valid
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int refused = 0;
    for (int round = 0; round < 3000; round++) {
      byte[] mutated = mutate(valid, random);
      try {
        parser.accept(mutated);
      } catch (InvalidInputException expected) {
        refused++;
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException unexpected) {
        throw new AssertionError(
            name + " seed " + seed + " round " + round + ": " + unexpected + " on " + new String(mutated, StandardCharsets.UTF_8),
            unexpected);
      }
    }
    assertThat(refused).as("seed %d", seed).isPositive();
  }

  private static byte[] mutate(byte[] input, Random random) {
    byte[] bytes = input.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && bytes.length > 0; e++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(4)) {
        case 0 -> bytes[at] = (byte) random.nextInt(256);
        case 1 -> bytes = splice(bytes, at, 1 + random.nextInt(Math.min(8, bytes.length - at)), new byte[0]);
        case 2 -> bytes = splice(bytes, at, 0, java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(12))));
        default -> bytes = java.util.Arrays.copyOf(bytes, at);
      }
    }
    return bytes;
  }

  private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
    byte[] out = new byte[bytes.length - remove + insert.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
    return out;
  }
}
