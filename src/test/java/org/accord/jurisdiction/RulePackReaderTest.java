package org.accord.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.function.Consumer;
import org.accord.party.OrgKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 11, item 1: the shipped packs, the schema check with file and pointer, and the round trip. */
class RulePackReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> shippedIds() {
    return RuleBook.SHIPPED_IDS;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedIds")
  void everyShippedPackValidatesAndStatesItsSourceAndDate(String id) throws Exception {
    try (InputStream in = RulePack.class.getResourceAsStream("packs/" + id + ".json")) {
      RulePack pack = RulePackReader.read(id + ".json", in);
      assertThat(pack.id()).isEqualTo(id);
      assertThat(pack.checked()).isEqualTo(LocalDate.of(2026, 12, 3));
      assertThat(pack.source().title()).isNotBlank();
      assertThat(pack.overrides()).isFalse();
    }
  }

  @Test
  void theShippedPacksSayWhatTheIssueAsks() {
    RuleBook book = RuleBook.shippedOnly();
    assertThat(book.packs()).extracting(e -> e.pack().id())
        .containsExactly("cn-rmsv", "disclosure-policies", "eu-cra", "eu-nis2", "sanctions");

    RulePack cra = book.pack("eu-cra").orElseThrow().pack();
    assertThat(cra.source().title()).startsWith("Regulation (EU) 2024/2847");
    assertThat(cra.rules()).extracting(Rule::source)
        .containsExactly("Art. 14(1) and 14(2)(a)", "Art. 14(2)(b)", "Art. 14(2)(c)", "Art. 13(6)");
    assertThat(cra.rules()).extracting(r -> ((Obligation.Notify) r.obligation()).term().map(Term::text).orElse("none"))
        .containsExactly("PT24H", "PT72H", "P14D", "none");
    Obligation.Notify early = (Obligation.Notify) cra.rule("cra-14-early-warning").orElseThrow().obligation();
    assertThat(early.recipients()).extracting(Recipient::kind)
        .containsExactly(Recipient.Kind.NATIONAL_CSIRT, Recipient.Kind.AUTHORITY);
    assertThat(early.recipients().get(1).name()).isEqualTo("ENISA");
    assertThat(early.clock()).isEqualTo(ClockStart.EXPLOITATION_OBSERVED);
    assertThat(((Obligation.Notify) cra.rule("cra-14-final-report").orElseThrow().obligation()).clock())
        .isEqualTo(ClockStart.CORRECTIVE_MEASURE_AVAILABLE);

    RulePack nis2 = book.pack("eu-nis2").orElseThrow().pack();
    assertThat(nis2.source().title()).startsWith("Directive (EU) 2022/2555");
    Obligation.Notify finalReport = (Obligation.Notify) nis2.rule("nis2-23-final-report").orElseThrow().obligation();
    assertThat(finalReport.within().period()).isEqualTo(Period.ofMonths(1));
    assertThat(finalReport.after()).isEqualTo("nis2-23-notification");

    RulePack rmsv = book.pack("cn-rmsv").orElseThrow().pack();
    assertThat(rmsv.source().title()).startsWith("网络产品安全漏洞管理规定");
    assertThat(rmsv.source().issuer()).contains("MIIT").contains("CAC").contains("MPS");
    Obligation.Notify miit = (Obligation.Notify) rmsv.rule("rmsv-7-report").orElseThrow().obligation();
    assertThat(miit.within().period()).isEqualTo(Period.ofDays(2));
    assertThat(rmsv.rule("rmsv-9-no-foreign-sharing").orElseThrow().obligation())
        .isEqualTo(new Obligation.RestrictSharing(List.of("CN"), List.of(Obligation.RestrictSharing.Exemption.PRODUCT_PROVIDER)));

    RulePack policies = book.pack("disclosure-policies").orElseThrow().pack();
    assertThat(policies.policies()).extracting(DisclosurePolicy::id, DisclosurePolicy::deadlineDays,
            DisclosurePolicy::extensionDays, DisclosurePolicy::exploitedDeadlineDays, DisclosurePolicy::maxEmbargoDays)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("project-zero", 90, 30, 7, null),
            org.assertj.core.groups.Tuple.tuple("zdi", 120, null, null, null),
            org.assertj.core.groups.Tuple.tuple("cert-cc", 45, null, null, null),
            org.assertj.core.groups.Tuple.tuple("linux-distros", null, null, null, 14));

    RulePack sanctions = book.pack("sanctions").orElseThrow().pack();
    assertThat(sanctions.kind()).isEqualTo(PackKind.SANCTIONS);
    assertThat(sanctions.blocked()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedIds")
  void roundTripsThroughJsonAndYaml(String id) {
    RulePack pack = RuleBook.shippedOnly().pack(id).orElseThrow().pack();
    String json = RulePackReader.writeJson(pack);
    assertThat(RulePackReader.read(id + ".json", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(pack);
    String yaml = RulePackReader.writeYaml(pack);
    assertThat(yaml).doesNotStartWith("{");
    assertThat(RulePackReader.read(id + ".yaml", yaml.getBytes(StandardCharsets.UTF_8))).isEqualTo(pack);
    // The written form is the shipped form: snake_case names, lower-case enums, no empty optional fields.
    assertThat(json).doesNotContain("deadlineDays").doesNotContain("\"VENDOR\"").doesNotContain("null");
  }

  // ---- broken packs: each names the file and the JSON Pointer of the field -------------------------

  private static ObjectNode cra() throws Exception {
    try (InputStream in = RulePack.class.getResourceAsStream("packs/eu-cra.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  private static RulePackException broken(Consumer<ObjectNode> breakIt) throws Exception {
    ObjectNode pack = cra();
    breakIt.accept(pack);
    byte[] bytes = JSON.writeValueAsBytes(pack);
    try {
      RulePackReader.read("rules/acme.json", bytes);
    } catch (RulePackException e) {
      assertThat(e.file()).isEqualTo("rules/acme.json");
      return e;
    }
    throw new AssertionError("the broken pack was accepted");
  }

  private static ObjectNode rule(ObjectNode pack, int index) {
    return (ObjectNode) pack.get("rules").get(index);
  }

  @Test
  void anUnknownTriggerIsRefusedAtItsPointer() throws Exception {
    RulePackException e = broken(p -> rule(p, 1).put("trigger", "vendor_feels_like_it"));
    assertThat(e.problems()).extracting(RulePackException.Problem::pointer).containsExactly("/rules/1/trigger");
    assertThat(e.location()).isEqualTo("rules/acme.json#/rules/1/trigger");
    assertThat(e.describe()).startsWith("rules/acme.json#/rules/1/trigger: ").contains("actively_exploited");
  }

  @Test
  void anUnknownObligationKindIsRefusedAtItsPointer() throws Exception {
    RulePackException e = broken(p -> ((ObjectNode) rule(p, 0).get("obligation")).put("type", "pay_a_fine"));
    assertThat(e.problems()).extracting(RulePackException.Problem::pointer).contains("/rules/0/obligation/type");
  }

  @Test
  void anUnknownOrganizationKindAndAMalformedCountryAreRefused() throws Exception {
    RulePackException kind = broken(p -> ((ArrayNode) rule(p, 2).get("binds").get("kinds")).set(0, "manufacturer"));
    assertThat(kind.problems()).extracting(RulePackException.Problem::pointer).containsExactly("/rules/2/binds/kinds/0");
    RulePackException country = broken(p -> ((ArrayNode) rule(p, 2).get("binds").get("countries")).set(0, "Germany"));
    assertThat(country.problems()).extracting(RulePackException.Problem::pointer).containsExactly("/rules/2/binds/countries/0");
  }

  @Test
  void aCountryThatIsNoIsoCodeIsRefusedAfterTheSchemaAtItsPointer() throws Exception {
    // "XX" has the shape of a code, so the schema passes it; the binding's constructor refuses it.
    RulePackException e = broken(p -> ((ArrayNode) rule(p, 3).get("binds").get("countries")).add("XX"));
    assertThat(e.location()).isEqualTo("rules/acme.json#/rules/3/binds/countries/1");
    assertThat(e.getMessage()).contains("'XX'").contains("ISO 3166-1");
  }

  @Test
  void aMissingFieldAWrongTypeAndAnExtraFieldAreEachNamed() throws Exception {
    RulePackException missing = broken(p -> rule(p, 0).remove("source"));
    assertThat(missing.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.pointer()).isEqualTo("/rules/0");
      assertThat(problem.message()).contains("source");
    });
    RulePackException date = broken(p -> p.put("checked", "3 December 2026"));
    assertThat(date.problems()).extracting(RulePackException.Problem::pointer).containsExactly("/checked");
    RulePackException extra = broken(p -> rule(p, 0).put("penalty", "EUR 15 million"));
    assertThat(extra.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.pointer()).isEqualTo("/rules/0");
      assertThat(problem.message()).contains("penalty");
    });
    RulePackException term = broken(p -> ((ObjectNode) rule(p, 0).get("obligation")).put("within", "24 hours"));
    assertThat(term.problems()).extracting(RulePackException.Problem::pointer).containsExactly("/rules/0/obligation/within");
  }

  @Test
  void severalProblemsAreAllReported() throws Exception {
    RulePackException e = broken(p -> {
      p.put("id", "Not An Id");
      rule(p, 1).put("trigger", "sometimes");
    });
    assertThat(e.problems()).extracting(RulePackException.Problem::pointer).containsExactly("/id", "/rules/1/trigger");
    assertThat(e.getMessage()).contains("and 1 more").contains("/rules/1/trigger");
  }

  @Test
  void constraintsBeyondTheSchemaAreNamedToo() throws Exception {
    RulePackException duplicate = broken(p -> rule(p, 1).put("id", "cra-14-early-warning"));
    assertThat(duplicate.location()).isEqualTo("rules/acme.json#/rules/1/id");
    RulePackException after = broken(p -> ((ObjectNode) rule(p, 1).get("obligation")).put("clock", "after_rule").put("after", "cra-13-6-component"));
    assertThat(after.location()).isEqualTo("rules/acme.json#/rules/1/obligation/after");
    RulePackException kindMismatch = broken(p -> p.put("kind", "sanctions"));
    assertThat(kindMismatch.problems()).extracting(RulePackException.Problem::pointer).contains("/rules");
  }

  @Test
  void malformedAndEmptyDocumentsAreRefusedWithTheirLine() {
    assertThatThrownBy(() -> RulePackReader.read("bad.json", "{\"id\": \"x\",\n \"id\": \"y\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("Duplicate field 'id'");
    assertThatThrownBy(() -> RulePackReader.read("bad.json", "{\"id\": ".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("not well-formed JSON");
    assertThatThrownBy(() -> RulePackReader.read("empty.yaml", new byte[0]))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> RulePackReader.read("list.json", "[]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RulePackException.class)
        .satisfies(e -> assertThat(((RulePackException) e).location()).isEqualTo("list.json"));
  }

  @Test
  void yamlPacksAreCheckedAtTheSamePointers() {
    String yaml = """
        id: acme
        kind: sanctions
        title: Our list
        jurisdictions: []
        source:
          title: Council Regulation (EU) No 833/2014
        checked: 2026-12-03
        blocked:
          - country: RU
            source: Council Regulation (EU) No 833/2014
          - country: ZZ
            source: a typo
        """;
    assertThatThrownBy(() -> RulePackReader.read("acme.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RulePackException.class)
        .satisfies(e -> assertThat(((RulePackException) e).location()).isEqualTo("acme.yaml#/blocked/1/country"));
    RulePack ok = RulePackReader.read("acme.yaml", yaml.replace("ZZ", "BY").getBytes(StandardCharsets.UTF_8));
    assertThat(ok.blocked()).extracting(BlockedJurisdiction::country).containsExactly("RU", "BY");
  }

  @Test
  void termsAreIsoDurationsWithCalendarMonths() {
    assertThat(Term.parse("PT24H").time()).isEqualTo(Duration.ofHours(24));
    assertThat(Term.parse("P1DT12H").after(java.time.Instant.parse("2027-01-31T10:00:00Z")))
        .isEqualTo(java.time.Instant.parse("2027-02-01T22:00:00Z"));
    assertThat(Term.parse("P1M").after(java.time.Instant.parse("2027-01-31T10:00:00Z")))
        .isEqualTo(java.time.Instant.parse("2027-02-28T10:00:00Z"));
    assertThatThrownBy(() -> Term.parse("P0D")).hasMessageContaining("positive");
    assertThatThrownBy(() -> Term.parse("24h")).hasMessageContaining("ISO 8601");
    assertThat(OrgKind.VENDOR.label()).isEqualTo("vendor");
  }
}
