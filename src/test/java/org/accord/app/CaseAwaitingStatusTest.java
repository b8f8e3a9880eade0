package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.TestPrincipals;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The case list's "awaiting my status" filter ({@link Cases#awaitingStatus}): a case is awaiting an
 * organization while one of its products there is not checked yet, and only for that organization.
 */
class CaseAwaitingStatusTest {
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
  void aCaseAwaitsTheOrganizationWhoseProductIsNotCheckedUntilItIs(String engine) throws Exception {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url), new TestClock(CasesTest.NOW));
    Principal coordinator = TestPrincipals.coordinator(accord, "CERT");
    Principal owner = TestPrincipals.member(accord, "Libra Maintainers", OrgKind.MAINTAINER);
    Principal vendor = TestPrincipals.member(accord, "Vendor One", OrgKind.VENDOR);
    Cases cases = accord.cases();
    String id = cases.create(owner, "LibraCore", null, List.of("vendor")).row().id().toString();
    String other = cases.create(owner, "Another", null, List.of("vendor")).row().id().toString();
    cases.invite(owner, id, "Vendor One", List.of("vendor"), null);
    assertThat(cases.awaitingStatus(vendor)).isEmpty();

    cases.setStatus(coordinator, id, "Vendor One", "pkg:generic/vendor/one", null, null, null, null);
    cases.setStatus(owner, other, null, "pkg:generic/libra/core", null, null, null, null);
    assertThat(cases.awaitingStatus(vendor)).containsExactly(id);
    assertThat(cases.awaitingStatus(owner)).containsExactly(other);

    // Vendors answering while the owner adds unchecked products elsewhere: each sees only its own state.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Object>> writes = new ArrayList<>();
      writes.add(() -> cases.setStatus(vendor, id, null, "pkg:generic/vendor/one", "not_affected", "component_not_present", null, null));
      for (int i = 0; i < 6; i++) {
        int n = i;
        writes.add(() -> cases.setStatus(owner, other, null, "pkg:generic/libra/extra-" + n, null, null, null, null));
      }
      for (Future<Object> write : pool.invokeAll(writes)) {
        write.get();
      }
    } finally {
      pool.shutdown();
    }
    accord.ledger().publish();
    assertThat(cases.awaitingStatus(vendor)).as("checked: no longer awaiting").isEmpty();
    assertThat(cases.awaitingStatus(owner)).containsExactly(other);
    assertThat(cases.awaitingStatus(coordinator)).as("the coordinator has no product in these cases").isEmpty();
  }
}
