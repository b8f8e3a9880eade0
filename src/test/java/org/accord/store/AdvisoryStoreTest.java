package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.party.OrgKind;
import org.accord.advisory.Advisory;
import org.accord.advisory.AdvisoryReader;
import org.accord.advisory.AffectedPackage;
import org.accord.advisory.Justification;
import org.accord.advisory.VexStatement;
import org.accord.advisory.VexStatus;
import org.accord.testing.TestData;
import org.accord.testing.TestDatabases;
import org.accord.triage.EpssFeed;
import org.accord.triage.KevCatalog;
import org.accord.triage.Provenance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The advisory, VEX and feed repositories on every engine (SQLite always, PostgreSQL when configured). */
class AdvisoryStoreTest {
  @TempDir Path dir;

  static Advisory log4shell() throws Exception {
    return AdvisoryReader.read(Files.readAllBytes(TestData.resolve(
        "osv/advisories/github-reviewed/2021/12/GHSA-jfh8-c2jp-5v3q/GHSA-jfh8-c2jp-5v3q.json"))).advisory().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void advisoriesAreStoredReplacedAndRebuiltExactly(String engine) throws Exception {
    Advisory advisory = log4shell();
    try (Database database = TestDatabases.open(engine, dir)) {
      database.jdbi().useTransaction(handle -> {
        long orgId = Organizations.ensure(handle, "CERT", OrgKind.CERT, 1).id();
        AdvisoryStore.Stored first = AdvisoryStore.store(handle, advisory, "sha-1", AdvisoryStore.PUBLIC, orgId, 10);
        assertThat(first.duplicate()).isFalse();
        assertThat(AdvisoryStore.store(handle, advisory, "sha-1", AdvisoryStore.PUBLIC, orgId, 11).duplicate()).isTrue();
        AdvisoryStore.Stored second = AdvisoryStore.store(handle, advisory, "sha-2", AdvisoryStore.PUBLIC, orgId, 12);
        assertThat(second.replaced()).isTrue();
        assertThat(second.pk()).isEqualTo(first.pk());
        AdvisoryStore.Stored privately = AdvisoryStore.store(handle, advisory, "sha-2", AdvisoryStore.privateScope(orgId), orgId, 13);
        assertThat(privately.pk()).isNotEqualTo(first.pk());

        AdvisoryStore.Row row = AdvisoryStore.find(handle, advisory.id(), List.of(AdvisoryStore.PUBLIC)).orElseThrow();
        assertThat(row.aliases()).containsExactly("CVE-2021-44228");
        assertThat(row.importedAt()).isEqualTo(12);
        assertThat(AdvisoryStore.find(handle, advisory.id(), List.of(AdvisoryStore.privateScope(orgId), AdvisoryStore.PUBLIC)).orElseThrow().pk())
            .isEqualTo(privately.pk());
        assertThat(AdvisoryStore.list(handle, List.of(AdvisoryStore.PUBLIC), "cve-2021-44228", 10)).hasSize(1);
        assertThat(AdvisoryStore.list(handle, null, "", 10)).hasSize(2);
        assertThat(AdvisoryStore.document(handle, row.pk())).isEqualTo(advisory.document());

        List<AffectedPackage> rebuilt = AdvisoryStore.affectedOf(handle, row.pk());
        assertThat(rebuilt).hasSize(advisory.affected().size());
        for (int i = 0; i < rebuilt.size(); i++) {
          assertThat(rebuilt.get(i).range().toVers()).isEqualTo(advisory.affected().get(i).range().toVers());
          assertThat(rebuilt.get(i).ranges()).isEqualTo(advisory.affected().get(i).ranges());
        }
        assertThat(AdvisoryStore.affectedOfLiveAdvisories(handle)).containsKeys(first.pk(), privately.pk());
      });
    }
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void matchesAndTheWatermark(String engine) throws Exception {
    try (Database database = TestDatabases.open(engine, dir)) {
      database.jdbi().useTransaction(handle -> {
        long orgId = Organizations.ensure(handle, "CERT", OrgKind.CERT, 1).id();
        long pk = AdvisoryStore.store(handle, log4shell(), "sha", AdvisoryStore.PUBLIC, orgId, 1).pk();
        var nodes = Catalogue.ensure(handle.getConnection(), List.of(
            org.accord.identity.Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"),
            org.accord.identity.Purl.parse("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1")));
        long[] ids = nodes.distinct().stream().mapToLong(n -> n.id()).toArray();
        AdvisoryStore.addMatches(handle, pk, new long[] {ids[0]});
        AdvisoryStore.addMatches(handle, pk, new long[] {ids[0]}); // kept once
        assertThat(AdvisoryStore.matches(handle, pk)).extracting(AdvisoryStore.Match::version).containsExactly("2.14.1");
        assertThat(AdvisoryStore.matchCounts(handle, List.of(pk))).containsEntry(pk, 1L);
        assertThat(AdvisoryStore.matchedAdvisories(handle, List.of(AdvisoryStore.PUBLIC))).containsExactly(pk);
        AdvisoryStore.replaceAllMatches(handle, Map.of(pk, ids));
        assertThat(AdvisoryStore.matchCount(handle)).isEqualTo(2);
        assertThat(AdvisoryStore.watermark(handle)).isZero();
        AdvisoryStore.setWatermark(handle, ids[0]);
        AdvisoryStore.setWatermark(handle, ids[1]);
        assertThat(AdvisoryStore.watermark(handle)).isEqualTo(ids[1]);
        List<AdvisoryStore.Component> above = new java.util.ArrayList<>();
        AdvisoryStore.componentsAbove(handle, ids[0], above::add);
        assertThat(above).extracting(AdvisoryStore.Component::id).containsExactly(ids[1]);
        assertThat(AdvisoryStore.versionsOf(handle, "pkg:maven/org.apache.logging.log4j/log4j-core")).hasSize(2);
      });
    }
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void statementsAreFoundByAnyNameAndKeptVerbatim(String engine) {
    Optional<Instant> at = Optional.of(Instant.parse("2025-08-02T00:00:00Z"));
    List<VexStatement> statements = List.of(
        VexStatement.of("CVE-2021-44228", List.of("GHSA-jfh8-c2jp-5v3q"), "pkg:generic/acme/scada@1.0", "",
            List.of("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"),
            new VexStatus.NotAffected(Optional.of(Justification.INLINE_MITIGATIONS_ALREADY_EXIST), "JNDI disabled"), at),
        VexStatement.of("CVE-2021-44228", List.of(), "pkg:generic/acme/legacy", "vers:generic/<3.0", List.of(),
            new VexStatus.Affected("upgrade"), Optional.empty()));
    try (Database database = TestDatabases.open(engine, dir)) {
      database.jdbi().useTransaction(handle -> {
        long orgId = Organizations.ensure(handle, "Acme", OrgKind.VENDOR, 1).id();
        VexStore.Stored stored = VexStore.store(handle, "sha", "openvex", "Acme PSIRT", orgId, false, false, 5, statements, null);
        assertThat(VexStore.store(handle, "sha", "openvex", "Acme PSIRT", orgId, false, false, 6, statements, null).duplicate()).isTrue();
        List<VexStore.StoredStatement> found = VexStore.statementsFor(handle, List.of("ghsa-jfh8-c2jp-5v3q"));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).statement()).isEqualTo(statements.get(0));
        assertThat(found.get(0).documentId()).isEqualTo(stored.documentId());
        assertThat(found.get(0).author()).as("attributed to the uploader, never the document's author").isEqualTo("Acme");
        assertThat(found.get(0).uploader()).isEqualTo("Acme");
        assertThat(found.get(0).coordinator()).isFalse();
        assertThat(VexStore.statementsFor(handle, List.of("CVE-2021-44228"))).extracting(VexStore.StoredStatement::statement)
            .containsExactlyElementsOf(statements);
      });
    }
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void feedsKeepTheLatestSnapshot(String engine) throws Exception {
    KevCatalog kev;
    try (var in = Files.newInputStream(TestData.resolve("kev/known_exploited_vulnerabilities.json"))) {
      kev = KevCatalog.read(in);
    }
    EpssFeed epss = EpssFeed.read(new ByteArrayInputStream(
        "#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z\ncve,epss,percentile\nCVE-2021-44228,0.94358,0.99957\n"
            .getBytes(StandardCharsets.UTF_8)));
    try (Database database = TestDatabases.open(engine, dir)) {
      database.jdbi().useTransaction(handle -> {
        assertThat(FeedStore.latest(handle, Provenance.KEV)).isEmpty();
        FeedStore.storeKev(handle, kev, "sha-kev", 1);
        FeedStore.storeEpss(handle, epss, "sha-epss", 2);
        assertThat(FeedStore.latest(handle, Provenance.KEV).orElseThrow().provenance()).isEqualTo(kev.provenance());
        assertThat(FeedStore.latest(handle, Provenance.EPSS).orElseThrow().provenance()).isEqualTo(epss.provenance());
        assertThat(FeedStore.kevEntry(handle, "CVE-2021-44228")).isEqualTo(kev.find("CVE-2021-44228"));
        assertThat(FeedStore.kevEntry(handle, "CVE-1999-0001")).isEmpty();
        assertThat(FeedStore.epssScore(handle, "CVE-2021-44228")).isEqualTo(epss.find("CVE-2021-44228"));
      });
    }
  }
}
