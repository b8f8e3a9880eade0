package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.party.ClaimState;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.party.ProductClaim;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Product claims through {@link ProductClaims}: rules, visibility, the log, and concurrent writers. */
class ProductClaimsTest {
  @TempDir Path dir;
  Accord accord;
  Principal coordinator;

  void open(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url));
    coordinator = new Principal.Coordinator(accord.parties().ensure("CERT", OrgKind.CERT), null, null);
  }

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  Principal member(String name, OrgKind kind) {
    accord.parties().createOrganization(coordinator, name, kind, null, null);
    return accord.parties().actingFor(coordinator, name) instanceof Principal.Coordinator c
        ? new Principal.OrgMember(c.organization(), null, null)
        : null;
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void claimsArePendingUntilTheCoordinatorDecidesAndSeenOnlyByTheirOrganization(String engine) {
    open(engine);
    ProductClaims claims = accord.claims();
    Principal acme = member("Acme", OrgKind.VENDOR);
    Principal borealis = member("Borealis", OrgKind.VENDOR);
    long logBefore = accord.ledger().size();

    ProductClaim router = claims.claim(acme, " pkg:generic/acme/router ", null);
    assertThat(router.id()).matches("clm_[0-9a-f]{16}");
    assertThat(router.namespace()).isEqualTo("pkg:generic/acme/router");
    assertThat(router.state()).isEqualTo(ClaimState.PENDING);
    ProductClaim prefix = claims.claim(acme, "pkg:maven/com.acme/", null);
    assertThat(prefix.namespace()).isEqualTo("pkg:maven/com.acme/");
    ProductClaim squat = claims.claim(borealis, "pkg:generic/acme/router", null);

    assertThat(claims.claims(acme)).extracting(ProductClaim::id).containsExactly(router.id(), prefix.id());
    assertThat(claims.claims(borealis)).extracting(ProductClaim::id).containsExactly(squat.id());
    assertThat(claims.claims(coordinator)).hasSize(3);

    assertThatThrownBy(() -> claims.claim(acme, "pkg:generic/acme/router", null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already has claim " + router.id());
    assertThatThrownBy(() -> claims.claim(acme, "pkg:generic/acme/router@1.0", null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("without version");
    assertThatThrownBy(() -> claims.claim(acme, "router", null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a package URL");
    assertThatThrownBy(() -> claims.claim(acme, "pkg:generic/acme/hub", "Borealis")).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> claims.approve(acme, router.id())).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> claims.approve(coordinator, "clm_0000000000000000")).isInstanceOf(NotFoundException.class)
        .hasMessage("no claim with id clm_0000000000000000");

    assertThat(claims.approve(coordinator, router.id()).state()).isEqualTo(ClaimState.APPROVED);
    assertThatThrownBy(() -> claims.approve(coordinator, squat.id())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("owned by Acme");
    ProductClaim rejected = claims.reject(coordinator, squat.id(), "Acme makes the router");
    assertThat(rejected.state()).isEqualTo(ClaimState.REJECTED);
    assertThat(rejected.reason()).isEqualTo("Acme makes the router");
    assertThatThrownBy(() -> claims.approve(coordinator, squat.id())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already rejected");
    // A coordinator claims for an organization; a rejected namespace may be claimed again.
    assertThat(claims.claim(coordinator, "pkg:generic/borealis/portal", "Borealis").organization().name()).isEqualTo("Borealis");
    assertThat(claims.claim(borealis, "pkg:generic/acme/router", null).state()).isEqualTo(ClaimState.PENDING);
    // Every change is logged, as a commitment: 5 claims, 1 approval, 1 rejection.
    assertThat(accord.ledger().size() - logBefore).isEqualTo(7);
  }

  /**
   * Six organizations claim namespaces (one contested by all) while the coordinator approves every
   * pending claim it sees, and the log writer and checkpoint publisher run: every claim is kept and
   * logged, every uncontested one ends approved, and the contested namespace gets exactly one owner.
   */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentClaimsAndApprovalsKeepOneOwnerPerNamespace(String engine) throws Exception {
    open(engine);
    ProductClaims claims = accord.claims();
    int orgs = 6;
    int perOrg = 8;
    List<Principal> members = new ArrayList<>();
    for (int o = 0; o < orgs; o++) {
      members.add(member("Vendor" + o, OrgKind.VENDOR));
    }
    long logBefore = accord.ledger().size();
    ExecutorService pool = Executors.newFixedThreadPool(orgs + 1);
    Set<String> ids = ConcurrentHashMap.newKeySet();
    AtomicBoolean claiming = new AtomicBoolean(true);
    AtomicInteger decisions = new AtomicInteger();
    List<Future<?>> claimants = new ArrayList<>();
    for (int o = 0; o < orgs; o++) {
      Principal member = members.get(o);
      int org = o;
      claimants.add(pool.submit(() -> {
        for (int i = 0; i < perOrg; i++) {
          String purl = i == perOrg / 2 ? "pkg:generic/contested/router" : "pkg:generic/vendor" + org + "/product-" + i;
          ids.add(claims.claim(member, purl, null).id());
        }
        return null;
      }));
    }
    Future<?> approver = pool.submit(() -> {
      boolean last = false;
      while (!last) {
        last = !claiming.get();
        for (ProductClaim claim : claims.claims(coordinator)) {
          if (claim.state() != ClaimState.PENDING) {
            continue;
          }
          try {
            claims.approve(coordinator, claim.id());
            decisions.incrementAndGet();
          } catch (InvalidInputException overlap) {
            assertThat(overlap.getMessage()).contains("contested");
            claims.reject(coordinator, claim.id(), "the namespace has an owner");
            decisions.incrementAndGet();
          }
        }
      }
      return null;
    });
    for (Future<?> future : claimants) {
      future.get();
    }
    claiming.set(false);
    approver.get();
    pool.shutdown();

    List<ProductClaim> all = claims.claims(coordinator);
    assertThat(all).extracting(ProductClaim::id).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(all).hasSize(orgs * perOrg);
    assertThat(all).allMatch(c -> c.state() != ClaimState.PENDING);
    assertThat(all.stream().filter(c -> c.namespace().equals("pkg:generic/contested/router") && c.state() == ClaimState.APPROVED))
        .hasSize(1);
    assertThat(all.stream().filter(c -> !c.namespace().contains("contested")).allMatch(c -> c.state() == ClaimState.APPROVED)).isTrue();
    assertThat(decisions.get()).isEqualTo(orgs * perOrg);
    assertThat(accord.ledger().size() - logBefore).as("one event per claim and per decision").isEqualTo(2L * orgs * perOrg);
  }
}
