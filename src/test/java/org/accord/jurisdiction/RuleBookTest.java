package org.accord.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ADR 0131: instance packs beside the shipped ones, and replacing a shipped pack only on purpose. */
class RuleBookTest {
  static String sanctions(String id, boolean overrides, String country) {
    return """
        {"id": "%s", "kind": "sanctions", "title": "Our sanctions list", "jurisdictions": [],
         "source": {"title": "Council Regulation (EU) No 833/2014"}, "checked": "2026-12-03",%s
         "blocked": [{"country": "%s", "source": "Council Regulation (EU) No 833/2014"}]}
        """.formatted(id, overrides ? " \"overrides\": true," : "", country);
  }

  private static RuleBook.Loaded load(String file, String text) {
    return new RuleBook.Loaded(file, RulePackReader.read(file, text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anInstancePackIsAddedBesideTheShippedOnes() {
    RuleBook book = RuleBook.of(List.of(load("acme-list.json", sanctions("acme-list", false, "RU"))));
    assertThat(book.packs()).hasSize(6);
    RuleBook.Entry entry = book.pack("acme-list").orElseThrow();
    assertThat(entry.origin()).isEqualTo(RuleBook.Origin.INSTANCE);
    assertThat(entry.replacesShipped()).isFalse();
    assertThat(book.pack("sanctions").orElseThrow().origin()).isEqualTo(RuleBook.Origin.SHIPPED);
  }

  @Test
  void aShippedIdIsRefusedUnlessThePackSaysItOverrides() {
    assertThatThrownBy(() -> RuleBook.of(List.of(load("sanctions.json", sanctions("sanctions", false, "RU")))))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("\"overrides\": true")
        .satisfies(e -> assertThat(((RulePackException) e).location()).isEqualTo("sanctions.json#/id"));

    RuleBook book = RuleBook.of(List.of(load("sanctions.json", sanctions("sanctions", true, "RU"))));
    RuleBook.Entry entry = book.pack("sanctions").orElseThrow();
    assertThat(entry.origin()).isEqualTo(RuleBook.Origin.INSTANCE);
    assertThat(entry.replacesShipped()).isTrue();
    assertThat(entry.pack().blocked()).extracting(BlockedJurisdiction::country).containsExactly("RU");
    assertThat(book.packs()).hasSize(5);
  }

  @Test
  void overridingNothingTwoFilesWithOneIdAndAFileNamedOtherwiseAreRefused() {
    assertThatThrownBy(() -> RuleBook.of(List.of(load("acme.json", sanctions("acme", true, "RU")))))
        .isInstanceOf(RulePackException.class)
        .satisfies(e -> assertThat(((RulePackException) e).location()).isEqualTo("acme.json#/overrides"));
    assertThatThrownBy(() -> RuleBook.of(List.of(
            load("acme.json", sanctions("acme", false, "RU")), load("acme.yaml", sanctions("acme", false, "BY")))))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("'acme.json' already holds")
        .satisfies(e -> assertThat(((RulePackException) e).location()).isEqualTo("acme.yaml#/id"));
    assertThatThrownBy(() -> RuleBook.of(List.of(load("ours.json", sanctions("acme", false, "RU")))))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("'ours'")
        .satisfies(e -> assertThat(((RulePackException) e).location()).isEqualTo("ours.json#/id"));
  }

  @Test
  void theFileNameIsTakenWithoutItsDirectory() {
    assertThat(RuleBook.baseName("/srv/accord/rules/acme.v2.json")).isEqualTo("acme.v2");
    assertThat(RuleBook.baseName("acme.yml")).isEqualTo("acme");
  }
}
