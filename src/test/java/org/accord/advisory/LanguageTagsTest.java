package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTagsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "en", "EN-us", "de-DE", "en-GB", "zh-Hant-TW", "sr-Latn-RS", "es-419", "gsw", "yue-HK", "zh-yue",
        "sl-rozaj-biske", "de-CH-1996", "en-US-u-ca-gregory", "en-a-bbb-x-a-ccc", "x-whatever",
        "qtx", "qdq", "en-QM", "fr-ZZ", "en-AA", "en-XP", "en-Qabc", "i-default", "en-GB-oed", "zh-min-nan",
        "de-EU", "de-DD", "he", "iw", "und", "mul", "zxx"
      })
  void acceptsValidTags(String tag) {
    assertThat(LanguageTags.registry().problem(tag)).as(tag).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "EZ | language 'ez' is not in",
        "en-EZ-x | private use part 'x' has no subtags",
        "xx | language 'xx' is not in",
        "abcd | reserved",
        "abcdefghi | is not a language subtag",
        "en-QQ-Latn | is not a valid subtag here",
        "en-Latx | script 'latx' is not in",
        "en-Qacc | script 'qacc' is not in",
        "en-UK | region 'UK' is not in",
        "en-999 | region '999' is not in",
        "en--US | is not a valid subtag here",
        "en-US- | is not a valid subtag here",
        "en_US | is not a language subtag",
        "en-a-bbb-a-ccc | extension 'a' appears twice",
        "de-1996-1996 | variant '1996' appears twice",
        "en-a | extension 'a' has no subtags",
        "quu-US | language 'quu' is not in",
        "zh-zzz | extended language 'zzz' is not in"
      })
  void refusesInvalidTagsNamingTheProblem(String tag, String reason) {
    assertThat(LanguageTags.registry().problem(tag)).as(tag).contains(reason);
  }
}
