package org.accord.app.accountability;

import static org.accord.app.accountability.CommitmentsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * Several admins of one organization supersede the same commitment at once, each from the version it just
 * read, while others publish new commitments and join an arrangement, and the log writer and checkpoint
 * publisher run. The versions must be one chain 1..n with no gap and no fork, every win one event, every
 * lost race a 409 that wrote nothing, and the commitment's events one hash chain in version order.
 */
class CommitmentVersionsConcurrencyTest {
  @TempDir Path dir;
  Accord accord;

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentSupersedesMakeOneChainWithoutGapOrFork(String engine) throws Exception {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url), new TestClock(CommitmentsTest.START));
    accord.ledger(); // the writer and the checkpoint publisher run throughout
    Principal coordinator = new Principal.Coordinator(accord.parties().ensure("Coordination", OrgKind.CERT), null, null);
    accord.parties().createOrganization(coordinator, "Vendora", OrgKind.VENDOR, "DE", null);
    accord.parties().createOrganization(coordinator, "EnergyISAC", OrgKind.CERT, "DE", null);
    int writers = 4;
    int wins = 6;
    List<Principal> admins = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      Member m = accord.parties().addMember(coordinator, "Vendora", "admin" + i + "@vendora.example", MemberRole.ADMIN);
      admins.add(new Principal.OrgAdmin(m.organization(), m, null));
    }
    Member isacAdmin = accord.parties().addMember(coordinator, "EnergyISAC", "admin@isac.example", MemberRole.ADMIN);
    Principal isac = new Principal.OrgAdmin(isacAdmin.organization(), isacAdmin, null);
    List<Principal> joiners = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String org = "Joiner" + i;
      accord.parties().createOrganization(coordinator, org, OrgKind.VENDOR, "DE", null);
      Member m = accord.parties().addMember(coordinator, org, "admin@joiner" + i + ".example", MemberRole.ADMIN);
      joiners.add(new Principal.OrgAdmin(m.organization(), m, null));
    }
    Commitments commitments = accord.commitments();
    String id = commitments.publish(admins.get(0), json(CommitmentsTest.PLEDGE)).version().commitment();
    String arrangement = commitments.publish(isac, json(CommitmentsTest.ARRANGEMENT)).version().commitment();
    long logBefore = accord.ledger().size();

    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    List<Future<?>> futures = new ArrayList<>();
    for (Principal admin : admins) {
      futures.add(pool.submit(() -> {
        int won = 0;
        while (won < wins) {
          int read = commitments.show(id).current().version();
          String next = CommitmentsTest.supersede(CommitmentsTest.PLEDGE.replace("P3D", "P" + (read + 1) + "D"), id, read);
          try {
            commitments.publish(admin, json(next));
            won++;
          } catch (IllegalTransitionException lost) {
            conflicts.incrementAndGet();
          }
        }
        return null;
      }));
    }
    futures.add(pool.submit(() -> {
      for (int i = 0; i < 5; i++) {
        commitments.publish(admins.get(i % writers), json(CommitmentsTest.PLEDGE.replace("Vendora response pledge", "Other " + i)));
      }
      return null;
    }));
    futures.add(pool.submit(() -> {
      for (Principal joiner : joiners) {
        commitments.join(joiner, arrangement);
      }
      return null;
    }));
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();

    int last = 1 + writers * wins;
    List<PledgeVersion> versions = commitments.show(id).versions();
    assertThat(versions).extracting(PledgeVersion::version)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, last).boxed().toList());
    for (int i = 0; i < versions.size() - 1; i++) {
      PledgeVersion v = versions.get(i);
      assertThat(v.superseded()).as("version %d superseded when %d was published", v.version(), v.version() + 1)
          .contains(versions.get(i + 1).published());
      // each version says what its writer read: version n+1 was written from version n
      assertThat(versions.get(i + 1).pledge().terms().get(0).within().toDays()).isEqualTo(v.version() + 1);
    }
    assertThat(versions.get(last - 1).superseded()).isEmpty();

    List<LedgerEvent> events = CommitmentsTest.chain(accord, id);
    assertThat(events).hasSize(last);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).type()).isEqualTo("commitment.superseded");
      assertThat(events.get(i).data().get("version")).isEqualTo(BigDecimal.valueOf(i + 1));
      assertThat(events.get(i).data().get("supersedes")).isEqualTo(BigDecimal.valueOf(i));
    }
    assertThat(commitments.show(arrangement).members()).hasSize(joiners.size());
    assertThat(commitments.list("Vendora", null, 100)).hasSize(6);
    assertThat(accord.ledger().size() - logBefore).as("one event per win, publication and join; none per lost race (%d)", conflicts.get())
        .isEqualTo(writers * wins + 5 + joiners.size());
  }
}
