package org.accord.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

  /** RFC 8785 Appendix B: IEEE 754 doubles and their canonical text. */
  @ParameterizedTest
  @CsvSource({
    "0000000000000000,0",
    "8000000000000000,0",
    "0000000000000001,5e-324",
    "8000000000000001,-5e-324",
    "7fefffffffffffff,1.7976931348623157e+308",
    "ffefffffffffffff,-1.7976931348623157e+308",
    "4340000000000000,9007199254740992",
    "c340000000000000,-9007199254740992",
    "4430000000000000,295147905179352830000",
    "44b52d02c7e14af5,9.999999999999997e+22",
    "44b52d02c7e14af6,1e+23",
    "44b52d02c7e14af7,1.0000000000000001e+23",
    "444b1ae4d6e2ef4e,999999999999999700000",
    "444b1ae4d6e2ef4f,999999999999999900000",
    "444b1ae4d6e2ef50,1e+21",
    "3eb0c6f7a0b5ed8c,9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d,0.000001",
    "41b3de4355555553,333333333.3333332",
    "41b3de4355555554,333333333.33333325",
    "41b3de4355555555,333333333.3333333",
    "41b3de4355555556,333333333.3333334",
    "41b3de4355555557,333333333.33333343",
    "becbf647612f3696,-0.0000033333333333333333",
    "43143ff3c1cb0959,1424953923781206.2",
  })
  void rfc8785NumberVectors(String bits, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThat(CanonicalJson.string(value)).isEqualTo(expected);
    assertThat(Double.parseDouble(expected)).isEqualTo(value == 0 ? 0.0 : value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
  void nonFiniteNumbersAreRefused(String bits) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThatThrownBy(() -> CanonicalJson.string(List.of(value))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$[0]");
  }

  /** RFC 8785 §3.2.2 example: the input and output given there. */
  @Test
  void rfc8785Example() {
    String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
        + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
        + "  \"literals\": [null, true, false]\n}";
    assertThat(CanonicalJson.canonicalize(input)).isEqualTo(
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  /** RFC 8785 §3.2.3 example: member names sort by UTF-16 code units. */
  @Test
  void rfc8785SortingExample() {
    String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
        + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
    @SuppressWarnings("unchecked")
    Map<String, Object> sorted = (Map<String, Object>) CanonicalJson.parse(CanonicalJson.canonicalize(input));
    assertThat(List.copyOf(sorted.values())).containsExactly(
        "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
        "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh");
  }

  @Test
  void javaValuesCanonicalize() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("b", List.of(1, 2L, new BigDecimal("2.50"), 0.1));
    data.put("a", Map.of("z", true, "y", "\u0001\t"));
    data.put("c", null);
    assertThat(CanonicalJson.string(data)).isEqualTo("{\"a\":{\"y\":\"\\u0001\\t\",\"z\":true},\"b\":[1,2,2.5,0.1],\"c\":null}");
  }

  @Test
  void refusesWhatJcsCannotHold() {
    assertThatThrownBy(() -> CanonicalJson.string(Map.of("n", 1L << 60)))
        .hasMessageContaining("$.n").hasMessageContaining("2^53");
    assertThatThrownBy(() -> CanonicalJson.string(Map.of("s", "\ud800x")))
        .hasMessageContaining("lone surrogate");
    assertThatThrownBy(() -> CanonicalJson.string(List.of(new Object())))
        .hasMessageContaining("not a JSON value");
    assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}"))
        .hasMessageContaining("duplicate member name");
    assertThatThrownBy(() -> CanonicalJson.parse("\"\\udc00\""))
        .hasMessageContaining("lone surrogate");
    assertThatThrownBy(() -> CanonicalJson.parse("[1,]")).hasMessageContaining("character");
    assertThatThrownBy(() -> CanonicalJson.parse("01")).hasMessageContaining("after the JSON value");
    assertThatThrownBy(() -> CanonicalJson.parse("[".repeat(100) + "]".repeat(100))).hasMessageContaining("nested deeper");
  }

  /** Random doubles: the canonical text reads back as the same double and is never longer than needed. */
  @Test
  void randomDoublesRoundTripShortest() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < 4_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      String text = CanonicalJson.string(value);
      assertThat(Double.parseDouble(text)).as("seed " + seed + ", " + text).isEqualTo(value == 0 ? 0.0 : value);
      String mantissa = text.replaceFirst("e.*", "").replace("-", "").replace(".", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
      assertThat(mantissa.length()).as("seed " + seed + ", " + text).isLessThanOrEqualTo(17);
      // Idempotent: canonical text canonicalizes to itself.
      assertThat(CanonicalJson.canonicalize(text)).isEqualTo(text);
    }
  }
}
