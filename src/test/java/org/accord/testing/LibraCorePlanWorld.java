package org.accord.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.accord.TestPrincipals;
import org.accord.app.Accord;
import org.accord.app.Parties;
import org.accord.party.OrgKind;
import org.accord.party.Principal;

/**
 * The LibraCore world of issue 11's "Done means", for plans with rule packs (ADRs 0137, 0138): a US
 * maintainer, a CN vendor whose RTU includes libracore directly, an EU (DE) manufacturer whose meter
 * includes it through an adapter, a CH foundation shipping a distribution with it, operators in DE and in
 * RU, a CN finder taking part, a 45-day embargo, attacks observed, and an instance sanctions pack (in the
 * data directory's {@code rules}) that blocks RU. The coordinator ("Coordination Center") owns the case.
 *
 * @param accord the open instance; the caller closes it
 * @param clock its clock, at {@link #START} when opened
 * @param caseId the case
 */
public record LibraCorePlanWorld(Accord accord, TestClock clock, String caseId) {
  public static final String LIBRACORE = "pkg:maven/org.libra/libracore";
  public static final Instant START = Instant.parse("2027-03-01T10:00:00Z");
  public static final String MEASURE = "Council Regulation (EU) No 833/2014";

  static String direct(String purl, String libra) {
    return """
        {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
         "metadata": {"component": {"type": "application", "bom-ref": "root", "name": "p", "version": "1", "purl": "%s"}},
         "components": [{"type": "library", "bom-ref": "libra", "name": "libracore", "version": "%s",
                         "purl": "pkg:maven/org.libra/libracore@%2$s"}],
         "dependencies": [{"ref": "root", "dependsOn": ["libra"]}]}
        """.formatted(purl, libra);
  }

  static void sbom(Accord accord, String json, String organization) {
    accord.ingestSbom(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), TestPrincipals.member(accord, organization));
  }

  /** Opens the world on {@code engine} in {@code dir}; the caller closes its {@code accord}. */
  public static LibraCorePlanWorld open(Path dir, String engine) throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("rules/sanctions.json"), """
        {"id": "sanctions", "kind": "sanctions", "title": "This instance's sanctions list", "jurisdictions": ["RU"],
         "source": {"title": "%1$s"}, "checked": "2026-12-03", "overrides": true,
         "blocked": [{"country": "RU", "source": "%1$s"}]}
        """.formatted(MEASURE));
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    TestClock clock = new TestClock(START);
    Accord accord = Accord.open(new Accord.Config(dir, url), clock);
    Principal coordinator = TestPrincipals.coordinator(accord, "Coordination Center");
    Parties parties = accord.parties();
    parties.createOrganization(coordinator, "Libra Maintainers", OrgKind.MAINTAINER, "US", null);
    parties.createOrganization(coordinator, "Shenzhen Gridware", OrgKind.VENDOR, "CN", null);
    parties.createOrganization(coordinator, "Berlin Devices", OrgKind.VENDOR, "DE", null);
    parties.createOrganization(coordinator, "Open Grid Foundation", OrgKind.FOUNDATION, "CH", null);
    parties.createOrganization(coordinator, "GridCo", OrgKind.OPERATOR, "DE", null);
    parties.createOrganization(coordinator, "Moskva Teplo", OrgKind.OPERATOR, "RU", null);
    parties.createOrganization(coordinator, "CERT-Bund", OrgKind.CERT, "DE", null);
    parties.createOrganization(coordinator, "RU-CERT", OrgKind.CERT, "RU", null);
    parties.createOrganization(coordinator, "Beijing Sec Lab", OrgKind.RESEARCHER, "CN", null);
    TestPrincipals.owner(accord, "Libra Maintainers", LIBRACORE);
    sbom(accord, direct("pkg:generic/gridware/rtu@4.1", "2.3.1"), "Shenzhen Gridware");
    TestPrincipals.owner(accord, "Shenzhen Gridware", "pkg:generic/gridware/rtu");
    sbom(accord, Documents.cycloneDx("meter", "2.3.1"), "Berlin Devices");
    TestPrincipals.owner(accord, "Berlin Devices", "pkg:generic/acme/meter");
    sbom(accord, direct("pkg:generic/opengrid/distro@1.0", "2.2.0"), "Open Grid Foundation");
    TestPrincipals.owner(accord, "Open Grid Foundation", "pkg:generic/opengrid/distro");
    TestPrincipals.ingestInventory(accord, """
        operator,site,sector,country,criticality,product
        GridCo,Hamburg North,energy,DE,essential,pkg:generic/gridware/rtu@4.1
        Moskva Teplo,Moscow East,energy,RU,essential,pkg:generic/acme/meter@1.0
        Moskva Teplo,Moscow West,energy,RU,essential,pkg:generic/acme/meter@1.0
        """);

    String id = accord.cases().create(coordinator, "libracore parser flaw", null, List.of("coordinator")).row().id().toString();
    accord.cases().addVulnerability(coordinator, id, "CVE-2027-0001", List.of(LIBRACORE + " [1.0,2.3.4)"), null, null);
    accord.cases().invite(coordinator, id, "Beijing Sec Lab", List.of("finder"), null);
    accord.cases().propose(coordinator, id, "45d", null);
    accord.cases().accept(coordinator, id);
    accord.cases().transition(coordinator, id, "attacks_observed", null);
    return new LibraCorePlanWorld(accord, clock, id);
  }
}
