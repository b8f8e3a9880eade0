package org.accord.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The documents a case publishes, each against its official schema (and CSAF against the §6.1 tests). */
class CaseAdvisoryWriterTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

  static CaseAdvisory advisory() {
    Map<String, String> affected = new LinkedHashMap<>();
    affected.put("pkg:maven/org.libra/libracore", "vers:maven/>=2.0|<2.3.4");
    affected.put("pkg:npm/libra-js", "vers:npm/<1.2.0");
    return new CaseAdvisory("ACC-2026-0007", UUID.fromString("5b0e6f1c-3f8a-4c5e-9d2b-1a2b3c4d5e6f"), "LibraCore deserialization",
        "Accord", "https://accord.example.org", "0.1.0", AT,
        List.of(new CaseAdvisory.Vulnerability("CVE-2026-1111", affected, Optional.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")),
            new CaseAdvisory.Vulnerability("", Map.of(), Optional.empty())),
        List.of(
            new CaseAdvisory.Status("Libra", true, CaseAdvisory.Party.VENDOR, "pkg:maven/org.libra/libracore@2.3.4",
                Optional.of(new VexStatus.Fixed()), "completed", AT),
            new CaseAdvisory.Status("Libra", true, CaseAdvisory.Party.VENDOR, "pkg:maven/org.libra/libratools@1.0",
                Optional.of(new VexStatus.NotAffected(Justification.fromLabel("vulnerable_code_not_present"), "")), "completed", AT),
            new CaseAdvisory.Status("Libra", true, CaseAdvisory.Party.VENDOR, "pkg:maven/org.libra/librafx@3.0", Optional.empty(),
                "open", AT),
            new CaseAdvisory.Status("Hidden Finder", false, CaseAdvisory.Party.DISCOVERER, "pkg:npm/libra-js@1.1.0",
                Optional.of(new VexStatus.Affected("")), "in_progress", AT)),
        List.of(new CaseAdvisory.Credit("Libra", "vendor; fixed the vulnerability")));
  }

  @Test
  void finalCsafIsValidClearAndCarriesStatusesInvolvementsAndCredits() throws Exception {
    JsonNode csaf = JSON.readTree(CaseAdvisoryWriter.csaf(advisory(), CaseAdvisoryWriter.Stage.FINAL));
    assertThat(ExportSchemas.problems(AdvisoryFormat.CSAF, csaf)).isEmpty();
    assertThat(csaf.at("/document/category").asText()).isEqualTo("csaf_security_advisory");
    assertThat(csaf.at("/document/tracking/status").asText()).isEqualTo("final");
    assertThat(csaf.at("/document/distribution/tlp/label").asText()).isEqualTo("WHITE");
    assertThat(csaf.at("/document/distribution/sharing_group").isMissingNode()).isTrue();
    JsonNode first = csaf.at("/vulnerabilities/0");
    assertThat(first.path("cve").asText()).isEqualTo("CVE-2026-1111");
    assertThat(first.at("/product_status/fixed")).hasSize(1);
    assertThat(first.at("/product_status/known_not_affected")).hasSize(1);
    // not yet checked is under investigation, never not affected
    assertThat(first.at("/product_status/under_investigation")).hasSize(1);
    assertThat(first.at("/product_status/known_affected")).hasSize(3);
    assertThat(first.at("/scores/0/cvss_v3/baseScore").decimalValue()).isEqualByComparingTo("9.8");
    assertThat(first.at("/flags/0/label").asText()).isEqualTo("vulnerable_code_not_present");
    assertThat(first.path("involvements").toString()).contains("Libra (vendor) is completed", "A participant (discoverer)")
        .doesNotContain("Hidden Finder");
    assertThat(csaf.toString()).doesNotContain("Hidden Finder");
    assertThat(csaf.at("/document/acknowledgments/0/organization").asText()).isEqualTo("Libra");
    assertThat(csaf.toString()).contains("\"purl\":\"pkg:maven/org.libra/libracore@2.3.4\"");
    assertThat(CaseAdvisoryWriter.csafFileName("ACC-2026-0007")).isEqualTo("acc-2026-0007.json");
  }

  @Test
  void interimCsafIsAmberForTheSharingGroup() throws Exception {
    JsonNode csaf = JSON.readTree(CaseAdvisoryWriter.csaf(advisory(), CaseAdvisoryWriter.Stage.INTERIM));
    assertThat(ExportSchemas.problems(AdvisoryFormat.CSAF, csaf)).isEmpty();
    assertThat(csaf.at("/document/tracking/status").asText()).isEqualTo("interim");
    assertThat(csaf.at("/document/distribution/tlp/label").asText()).isEqualTo("AMBER");
    assertThat(csaf.at("/document/distribution/sharing_group/id").asText()).isEqualTo("5b0e6f1c-3f8a-4c5e-9d2b-1a2b3c4d5e6f");
  }

  @Test
  void osvRecordIsSchemaValid() throws Exception {
    JsonNode osv = JSON.readTree(CaseAdvisoryWriter.osv(advisory()));
    assertThat(ExportSchemas.problems(AdvisoryFormat.OSV, osv)).isEmpty();
    assertThat(osv.path("id").asText()).isEqualTo("x_ACC-2026-0007");
    assertThat(osv.path("aliases").toString()).contains("CVE-2026-1111");
    assertThat(osv.at("/affected/0/ranges/0/events").toString()).contains("\"introduced\":\"2.0\"", "\"fixed\":\"2.3.4\"");
    assertThat(osv.at("/severity/0/type").asText()).isEqualTo("CVSS_V3");
  }

  @Test
  void vexKeepsNotAffectedAndNotYetCheckedApart() throws Exception {
    JsonNode open = JSON.readTree(CaseAdvisoryWriter.vex(advisory(), "Libra", AdvisoryFormat.OPENVEX));
    assertThat(ExportSchemas.problems(AdvisoryFormat.OPENVEX, open)).isEmpty();
    Map<String, String> byProduct = new LinkedHashMap<>();
    open.path("statements").forEach(s -> byProduct.put(s.at("/products/0/@id").asText(), s.path("status").asText()));
    assertThat(byProduct).containsEntry("pkg:maven/org.libra/librafx@3.0", "under_investigation")
        .containsEntry("pkg:maven/org.libra/libratools@1.0", "not_affected")
        .containsEntry("pkg:maven/org.libra/libracore@2.3.4", "fixed")
        .hasSize(3);
    JsonNode cdx = JSON.readTree(CaseAdvisoryWriter.vex(advisory(), "Libra", AdvisoryFormat.CYCLONEDX_VEX));
    assertThat(ExportSchemas.problems(AdvisoryFormat.CYCLONEDX_VEX, cdx)).isEmpty();
    Map<String, String> states = new LinkedHashMap<>();
    cdx.path("vulnerabilities").forEach(v -> v.path("affects").forEach(a -> states.put(a.path("ref").asText(), v.at("/analysis/state").asText())));
    assertThat(states).containsEntry("pkg:maven/org.libra/librafx@3.0", "in_triage")
        .containsEntry("pkg:maven/org.libra/libratools@1.0", "not_affected");
  }
}
