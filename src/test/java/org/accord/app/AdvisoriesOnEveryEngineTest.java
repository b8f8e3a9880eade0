package org.accord.app;

import static org.accord.app.AdvisoryFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.accord.advisory.AdvisoryFormat;
import org.accord.testing.Documents;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole advisory path (import, match, VEX, findings, rematch, restart, triage, export) on every engine. */
class AdvisoriesOnEveryEngineTest {
  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void theAdvisoryPathWorksOnEveryEngine(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    try (Accord accord = Accord.open(new Accord.Config(dir, url))) {
      accord.ingestSbom(stream(AdvisoryFixtures.sbom("scada", "2.1.0")), org.accord.TestPrincipals.member(accord, "Acme"));
      org.accord.TestPrincipals.ingestInventory(accord, Documents.inventory("scada"));
      org.accord.TestPrincipals.owner(accord, "Acme", "pkg:generic/acme/scada");
      org.accord.TestPrincipals.owner(accord, "Acme", "pkg:generic/acme/gateway");
      assertThat(accord.advisories().ingest(stream(AdvisoryFixtures.libraAdvisory("GHSA-eng1-2345-6789", "CVE-2025-30003")), org.accord.TestPrincipals.of(accord, "local", true), false).matched())
          .isEqualTo(1);
      accord.ingestSbom(stream(AdvisoryFixtures.sbom("gateway", "2.2.1")), org.accord.TestPrincipals.member(accord, "Acme"));
      accord.advisories().ingest(stream(AdvisoryFixtures.openVex("CVE-2025-30003", "pkg:generic/acme/scada@1.0", "fixed", "", "2025-08-02T00:00:00Z")), org.accord.TestPrincipals.of(accord, "local", true), false);
      Findings.View view = accord.findings().findings("GHSA-eng1-2345-6789", null, Viewer.local(false));
      assertThat(view.findings()).isEqualTo(2);
      assertThat(view.suppressed()).isEqualTo(1);
      assertThat(accord.advisories().rematchAll().matches()).isEqualTo(2);
      assertThat(accord.priorities().triage(new Priorities.Request("CVE-2025-30003", Priorities.Role.SUPPLIER, "Acme", Map.of(), 0.1, null),
          Viewer.local(false)).ranked()).hasSize(1);
      assertThat(accord.advisories().export("CVE-2025-30003", AdvisoryFormat.OPENVEX, Viewer.local(false), "", "", "test"))
          .contains("\"status\" : \"fixed\"");
    }
    try (Accord reopened = Accord.open(new Accord.Config(dir, url))) {
      assertThat(reopened.advisories().matcher().advisories()).isEqualTo(1);
      assertThat(reopened.findings().findings(null, null, Viewer.local(false)).findings()).isEqualTo(2);
    }
  }
}
