package org.accord.app.accountability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.accord.ForbiddenException;
import org.accord.NotFoundException;
import org.accord.accountability.commitment.CommitmentDeadline;
import org.accord.accountability.commitment.PledgeKind;
import org.accord.accountability.commitment.PledgeVersion;
import org.accord.app.Accord;
import org.accord.disclosure.IllegalTransitionException;
import org.accord.ledger.LedgerEvent;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Commitments through {@link Commitments}: versions, joins, the log, attacks, and deadlines on a case. */
class CommitmentsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant START = Instant.parse("2027-03-01T00:00:00Z");
  static final String PLEDGE = "{'title': 'Vendora response pledge', 'terms': ["
      + "{'kind': 'acknowledge-report', 'within': 'P3D'},"
      + "{'kind': 'fix-ready', 'severity': 'critical', 'within': 'P30D'}, {'kind': 'fix-ready', 'severity': 'high', 'within': 'P90D'}],"
      + "'scope': {'severities': ['critical', 'high'], 'products': ['pkg:maven/com.vendora/']}}";
  static final String ARRANGEMENT = "{'kind': 'arrangement', 'title': 'EU energy CVD arrangement',"
      + " 'terms': [{'kind': 'acknowledge-report', 'within': '24h'}], 'scope': {'sectors': ['energy']}}";

  @TempDir Path dir;
  Accord accord;
  TestClock clock;
  Principal coordinator;

  void open(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    clock = new TestClock(START);
    accord = Accord.open(new Accord.Config(dir, url), clock);
    coordinator = new Principal.Coordinator(accord.parties().ensure("Coordination", OrgKind.CERT), null, null);
  }

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  Principal admin(String org, OrgKind kind) {
    accord.parties().createOrganization(coordinator, org, kind, "DE", null);
    Member member = accord.parties().addMember(coordinator, org, "admin@" + org.toLowerCase() + ".example", MemberRole.ADMIN);
    return new Principal.OrgAdmin(member.organization(), member, null);
  }

  Principal member(Principal admin) {
    Member member = accord.parties().addMember(coordinator, admin.organization().name(),
        "member" + System.nanoTime() + "@" + admin.organization().name().toLowerCase() + ".example", MemberRole.MEMBER);
    return new Principal.OrgMember(member.organization(), member, null);
  }

  static String supersede(String document, String id, int version) {
    return document.substring(0, document.length() - 1) + ", 'supersedes': {'commitment': '" + id + "', 'version': " + version + "}}";
  }

  /** The decoded log events of a commitment, in log order, checking that each names its predecessor's hash. */
  static List<LedgerEvent> chain(Accord accord, String id) throws Exception {
    List<LedgerEvent> events = new ArrayList<>();
    byte[] previous = null;
    for (long index : accord.ledger().indexesOf("commitment:" + id, false)) {
      byte[] entry = accord.ledger().entry(index).orElseThrow();
      LedgerEvent.Decoded decoded = LedgerEvent.decode(entry);
      assertThat(decoded.previous().map(h -> h.hex()).orElse(null))
          .as("event %d names its predecessor", index)
          .isEqualTo(previous == null ? null : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(previous)));
      previous = entry;
      events.add(decoded.event());
    }
    return events;
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void versionsSupersedeAndNeverEraseEachWithItsEvent(String engine) throws Exception {
    open(engine);
    Principal vendora = admin("Vendora", OrgKind.VENDOR);
    Commitments commitments = accord.commitments();
    Commitments.Written v1 = commitments.publish(vendora, json(PLEDGE));
    String id = v1.version().commitment();
    assertThat(id).matches("cmt_[0-9a-f]{16}");
    assertThat(v1.version().organizationName()).isEqualTo("Vendora");
    assertThat(v1.logIndex()).isGreaterThanOrEqualTo(0);
    clock.advance(Duration.ofDays(1));
    Commitments.Written v2 = commitments.publish(vendora, json(supersede(PLEDGE.replace("P3D", "P2D"), id, 1)));
    assertThat(v2.version().version()).isEqualTo(2);
    assertThatThrownBy(() -> commitments.publish(vendora, json(supersede(PLEDGE, id, 1))))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("not the current one (2)");

    Commitments.Detail detail = commitments.show(id);
    assertThat(detail.versions()).extracting(PledgeVersion::version, v -> v.superseded().orElse(null))
        .containsExactly(tuple(1, START.plus(Duration.ofDays(1))), tuple(2, null));
    assertThat(detail.versions().get(0).pledge().term(PledgeKind.ACKNOWLEDGE_REPORT, java.util.Optional.empty()).orElseThrow().within())
        .as("version 1 is kept as it was").isEqualTo(Duration.ofDays(3));
    assertThat(commitments.list(null, null, 10)).extracting(PledgeVersion::commitment, PledgeVersion::version).containsExactly(tuple(id, 2));
    assertThat(commitments.list("Vendora", "arrangement", 10)).isEmpty();

    List<LedgerEvent> events = chain(accord, id);
    assertThat(events).extracting(LedgerEvent::type).containsExactly("commitment.published", "commitment.superseded");
    assertThat(events.get(1).data()).containsEntry("supersedes", java.math.BigDecimal.ONE)
        .containsEntry("actor", Map.of("organization", "Vendora"));
    assertThat(((Map<?, ?>) events.get(1).data().get("document")).get("terms").toString()).contains("P2D");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void attacksOnAnotherOrganizationsNameChangeNothing(String engine) {
    open(engine);
    Principal vendora = admin("Vendora", OrgKind.VENDOR);
    Principal rival = admin("Rival", OrgKind.VENDOR);
    Principal isac = admin("EnergyISAC", OrgKind.CERT);
    Commitments commitments = accord.commitments();
    String pledge = commitments.publish(vendora, json(PLEDGE)).version().commitment();
    String arrangement = commitments.publish(isac, json(ARRANGEMENT)).version().commitment();
    Principal vendoraMember = member(vendora);
    Principal rivalMember = member(rival);
    long log = accord.ledger().size();

    // Publishing in another organization's name: the document's field is compared, never believed.
    assertThatThrownBy(() -> commitments.publish(rival, json(PLEDGE.replace("{'title'", "{'organization': 'Vendora', 'title'"))))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("Rival");
    // Superseding another organization's commitment.
    assertThatThrownBy(() -> commitments.publish(rival, json(supersede(PLEDGE, pledge, 1))))
        .isInstanceOf(ForbiddenException.class).hasMessageContaining("only Vendora");
    // A member who is not an admin promises nothing in the organization's name, nor joins for it.
    assertThatThrownBy(() -> commitments.publish(vendoraMember, json(PLEDGE))).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> commitments.join(rivalMember, arrangement)).isInstanceOf(ForbiddenException.class);
    // A vendor publishes no arrangement; a pledge is not joined; nothing unknown is found.
    assertThatThrownBy(() -> commitments.publish(vendora, json(ARRANGEMENT))).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> commitments.join(rival, pledge)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> commitments.join(rival, "cmt_0000000000000000")).isInstanceOf(NotFoundException.class);
    assertThat(commitments.list(null, null, 100)).hasSize(2);
    assertThat(commitments.show(pledge).versions()).hasSize(1);
    assertThat(accord.ledger().size()).as("no event for a refused write").isEqualTo(log);

    // Joining is the joining organization's own act: the publisher cannot make Rival a member.
    commitments.join(rival, arrangement);
    commitments.join(isac, arrangement);
    assertThatThrownBy(() -> commitments.join(rival, arrangement)).isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("already joined");
    assertThat(commitments.show(arrangement).members()).extracting(m -> m.organizationName()).containsExactlyInAnyOrder("Rival", "EnergyISAC");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aCaseInScopeGetsThePledgesDeadlinesByItself(String engine) throws Exception {
    open(engine);
    Principal vendora = admin("Vendora", OrgKind.VENDOR);
    Principal gridco = admin("GridCo", OrgKind.VENDOR); // an operator is not listed to the inviting vendor
    Principal isac = admin("EnergyISAC", OrgKind.CERT);
    Principal outsider = admin("Outsider", OrgKind.VENDOR);
    Commitments commitments = accord.commitments();
    String pledge = commitments.publish(vendora, json(PLEDGE)).version().commitment();
    String arrangement = commitments.publish(isac, json(ARRANGEMENT)).version().commitment();
    commitments.join(gridco, arrangement);
    accord.ingestInventory(new ByteArrayInputStream(("operator,site,sector,country,criticality,product\n"
        + "GridCo,plant-1,energy,DE,essential,pkg:maven/com.vendora/router@2.1.0\n").getBytes(StandardCharsets.UTF_8)), "i.csv", gridco);
    clock.advance(Duration.ofHours(1));

    String id = accord.cases().create(vendora, "Router flaw", null, List.of("vendor")).row().id().toString();
    accord.cases().addVulnerability(vendora, id, "", List.of("pkg:maven/com.vendora/router [2.0,2.2)"),
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null);
    clock.advance(Duration.ofHours(2));
    accord.cases().invite(vendora, id, "GridCo", List.of("deployer"), null);
    clock.advance(Duration.ofDays(2));
    accord.cases().acknowledge(vendora, id);
    clock.advance(Duration.ofDays(40));
    accord.cases().transition(vendora, id, "vendor_aware", "Vendora");
    accord.cases().transition(vendora, id, "fix_ready", "Vendora");

    List<CommitmentDeadline> deadlines = commitments.ofCase(vendora, id);
    assertThat(deadlines).extracting(CommitmentDeadline::commitment, CommitmentDeadline::organization, CommitmentDeadline::kind,
            d -> d.due().orElseThrow(), CommitmentDeadline::state)
        .containsExactly(
            tuple(arrangement, "GridCo", PledgeKind.ACKNOWLEDGE_REPORT, START.plus(Duration.ofHours(3 + 24)), CommitmentDeadline.State.MISSED),
            tuple(pledge, "Vendora", PledgeKind.ACKNOWLEDGE_REPORT, START.plus(Duration.ofHours(1)).plus(Duration.ofDays(3)),
                CommitmentDeadline.State.MET),
            tuple(pledge, "Vendora", PledgeKind.FIX_READY, START.plus(Duration.ofHours(1)).plus(Duration.ofDays(30)),
                CommitmentDeadline.State.LATE));
    assertThat(commitments.ofCase(gridco, id)).as("the same for every participant who sees the case").hasSize(3);
    assertThatThrownBy(() -> commitments.ofCase(outsider, id)).isInstanceOf(NotFoundException.class)
        .hasMessage(catchMessage(() -> accord.cases().show(outsider, id)));
    assertThatThrownBy(() -> commitments.ofCase(vendora, "ACC-2027-9999")).isInstanceOf(NotFoundException.class)
        .hasMessage("no case ACC-2027-9999");
    // A pledge published after the case opened does not rewrite what was promised for it.
    commitments.publish(vendora, json(supersede(PLEDGE.replace("P30D", "P60D"), pledge, 1)));
    assertThat(commitments.ofCase(vendora, id)).extracting(CommitmentDeadline::version).containsOnly(1);
  }

  static String catchMessage(Runnable run) {
    try {
      run.run();
      return null;
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }
}
