package org.accord.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.accord.app.Accord;
import org.accord.disclosure.CaseId;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bench's naive baseline reads the same participants as the served view, so the ratio compares equal answers. */
class NaiveCaseReadsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void oneQueryPerParticipantGivesTheSameRowsAsTheJoin(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    try (Accord accord = Accord.open(new Accord.Config(dir, url))) {
      Principal coordinator = new Principal.Coordinator(accord.parties().ensure("CERT", OrgKind.CERT), null, null);
      String id = accord.cases().create(coordinator, "A case", null, List.of("coordinator")).row().id().toString();
      for (String name : List.of("Vendor B", "Vendor A", "Maintainer C")) {
        accord.parties().ensure(name, OrgKind.VENDOR);
        accord.cases().invite(coordinator, id, name, List.of(name.startsWith("Vendor") ? "vendor" : "deployer"), null);
      }
      accord.parties().ensure("Vendor D", OrgKind.VENDOR);
      accord.parties().addMember(coordinator, "Vendor D", "psirt@vendor-d.example", org.accord.party.MemberRole.MEMBER);
      accord.cases().invite(coordinator, id, "Vendor D", List.of("vendor"), "psirt@vendor-d.example");
      accord.database().jdbi().useHandle(h -> {
        long pk = Cases.byId(h, CaseId.parse(id)).orElseThrow().pk();
        List<Cases.ParticipantRow> joined = Cases.participants(h, pk);
        assertThat(joined).hasSize(5);
        assertThat(joined.get(4).memberEmail()).contains("psirt@vendor-d.example");
        assertThat(NaiveCaseReads.participants(h, pk)).isEqualTo(joined);
      });
    }
  }
}
