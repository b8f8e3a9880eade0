package org.accord.accountability.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.sbom.Sector;
import org.accord.triage.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PledgeDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void readsAPledgeWithADurationPerKindAndSeverity() {
    PledgeDocument doc = PledgeDocument.read(json("{'title': 'Vendora pledge', 'terms': ["
        + "{'kind': 'acknowledge-report', 'within': 'P3D'}, {'kind': 'fix-ready', 'severity': 'critical', 'within': '30d'},"
        + "{'kind': 'fix_ready', 'severity': 'High', 'within': 'P90D'}, {'kind': 'notify-downstream', 'within': '24h'}],"
        + "'scope': {'severities': ['critical', 'high'], 'products': ['pkg:maven/com.vendora/'], 'sectors': ['energy']},"
        + "'valid_until': '2028-01-01T00:00:00Z'}"), NOW);
    Pledge pledge = doc.pledge();
    assertThat(pledge.kind()).isEqualTo(CommitmentKind.PLEDGE);
    assertThat(pledge.validFrom()).isEqualTo(NOW);
    assertThat(pledge.term(PledgeKind.FIX_READY, Optional.of(Severity.HIGH)).orElseThrow().within()).isEqualTo(Duration.ofDays(90));
    assertThat(pledge.term(PledgeKind.FIX_READY, Optional.of(Severity.CRITICAL)).orElseThrow().within()).isEqualTo(Duration.ofDays(30));
    assertThat(pledge.term(PledgeKind.FIX_READY, Optional.empty())).isEmpty();
    assertThat(pledge.term(PledgeKind.ACKNOWLEDGE_REPORT, Optional.of(Severity.HIGH)).orElseThrow().within()).isEqualTo(Duration.ofDays(3));
    assertThat(pledge.term(PledgeKind.NOTIFY_DOWNSTREAM, Optional.empty()).orElseThrow().within()).isEqualTo(Duration.ofHours(24));
    assertThat(pledge.scope().products()).containsExactly("pkg:maven/com.vendora/");
    assertThat(pledge.scope().sectors()).containsExactly(Sector.ENERGY);
    assertThat(doc.organization()).isEmpty();
    assertThat(doc.supersedes()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': '-P3D'}], 'scope': {'severities': ['high']}} | terms[0].within",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'PT0S'}], 'scope': {'severities': ['high']}} | terms[0].within",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P2000D'}], 'scope': {'severities': ['high']}} | terms[0].within",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'soon'}], 'scope': {'severities': ['high']}} | terms[0].within",
      "{'title': 't', 'terms': [{'kind': 'be-nice', 'within': 'P3D'}], 'scope': {'severities': ['high']}} | terms[0].kind",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {}} | scope",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {'severities': [], 'products': [], 'sectors': []}} | scope",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}]} | scope",
      "{'title': 't', 'terms': [], 'scope': {'severities': ['high']}} | terms",
      "{'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {'severities': ['high']}} | title",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {'severities': ['urgent']}} | scope.severities[0]",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {'sectors': ['space']}} | scope.sectors[0]",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {'products': ['pkg:maven/']}} | scope.products[0]",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {'products': ['not a purl']}} | scope.products[0]",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'severity': 'low', 'within': 'P3D'}], 'scope': {'severities': ['high']}} | terms[0].severity",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}, {'kind': 'fix-ready', 'within': 'P4D'}], 'scope': {'severities': ['high']}} | terms[1]",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {'severities': ['high']}, 'valid_until': '2026-06-01T00:00:00Z'} | valid_until",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {'severities': ['high']}, 'valid_from': '2028-01-01T00:00:00Z', 'valid_until': '2027-06-01T00:00:00Z'} | valid_until",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {'severities': ['high']}, 'owner': 'x'} | owner",
      "{'title': 't', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {'severities': ['high']}, 'supersedes': {'commitment': 'cmt_1', 'version': 0}} | supersedes.version",
  })
  void refusesBadDocumentsNamingTheField(String document, String field) {
    assertThatThrownBy(() -> PledgeDocument.read(json(document), NOW))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).location()).isEqualTo(field));
  }

  @Test
  void aDocumentInAnotherOrganizationsNameIsRefused() {
    Organization vendora = new Organization(1, "Vendora", OrgKind.VENDOR, "DE", null);
    Principal admin = new Principal.OrgAdmin(vendora, new Member(7, vendora, "a@vendora.example", MemberRole.ADMIN), null);
    String body = "{'title': 't', 'organization': 'Rival', 'terms': [{'kind': 'fix-ready', 'within': 'P3D'}], 'scope': {'severities': ['high']}}";
    PledgeDocument doc = PledgeDocument.read(json(body), NOW);
    assertThatThrownBy(() -> CommitmentRules.requireOwnName(doc, admin)).isInstanceOf(ForbiddenException.class).hasMessageContaining("Rival");
    CommitmentRules.requireOwnName(PledgeDocument.read(json(body.replace("Rival", "Vendora")), NOW), admin);
  }
}
