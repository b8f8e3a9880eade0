package org.accord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.ForbiddenException;
import org.accord.InvalidInputException;
import org.accord.NotFoundException;
import org.accord.party.ApiToken;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.store.Tokens;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PartiesTest {
  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));
  Accord accord;
  Parties parties;
  Principal coordinator;

  void open(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(
        new Accord.Config(dir, url).withLedger(new LedgerService.Options(Duration.ofMillis(100), 4096, "test.local/log")), clock);
    parties = accord.parties();
    coordinator = parties.localCoordinator();
    parties.createOrganization(coordinator, "Vendora", OrgKind.VENDOR, "DE", "psirt@vendora.example");
    parties.createOrganization(coordinator, "GridCo", OrgKind.OPERATOR, "FR", null);
    parties.addMember(coordinator, "Vendora", "alice@vendora.example", MemberRole.ADMIN);
    parties.addMember(coordinator, "Vendora", "bob@vendora.example", MemberRole.MEMBER);
    parties.addMember(coordinator, "GridCo", "greta@gridco.example", MemberRole.ADMIN);
  }

  @AfterEach
  void close() {
    if (accord != null) {
      accord.close();
    }
  }

  Principal login(String organization, String email) {
    String secret = parties.createToken(coordinator, organization, email, false, "test", Duration.ofDays(1)).secret();
    return parties.authenticate(secret).orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void onlyTheCoordinatorCreatesOrganizationsAndUploadsNeverDo(String engine) {
    open(engine);
    Principal alice = login("Vendora", "alice@vendora.example");
    assertThat(alice).isInstanceOf(Principal.OrgAdmin.class);
    assertThatThrownBy(() -> parties.createOrganization(alice, "Sybil", OrgKind.OPERATOR, null, null))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> parties.createOrganization(coordinator, "Vendora", OrgKind.VENDOR, null, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("exists");
    assertThatThrownBy(() -> parties.actingFor(coordinator, "Nobody Inc"))
        .as("acting for an unknown organization names it, never creates it").isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> parties.actingFor(alice, "GridCo")).isInstanceOf(ForbiddenException.class);
    assertThat(parties.organizations(coordinator)).extracting(o -> o.name()).contains("GridCo", "Vendora", "local");
    assertThat(parties.organizations(alice)).extracting(o -> o.name())
        .as("operators are not listed to other parties").contains("Vendora").doesNotContain("GridCo");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void adminsManageTheirOwnOrganizationAndHiddenOnesLookMissing(String engine) {
    open(engine);
    Principal alice = login("Vendora", "alice@vendora.example");
    Principal bob = login("Vendora", "bob@vendora.example");
    Principal greta = login("GridCo", "greta@gridco.example");
    parties.addMember(alice, "Vendora", "carol@vendora.example", MemberRole.MEMBER);
    assertThatThrownBy(() -> parties.addMember(bob, "Vendora", "dave@vendora.example", MemberRole.MEMBER))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> parties.addMember(greta, "Vendora", "eve@gridco.example", MemberRole.ADMIN))
        .isInstanceOf(ForbiddenException.class);
    String hidden = messageOf(() -> parties.addMember(alice, "GridCo", "x@vendora.example", MemberRole.MEMBER));
    assertThat(hidden).as("GridCo is an operator, hidden from Vendora: it looks missing").isEqualTo("no organization named 'GridCo'");
    assertThat(messageOf(() -> parties.members(alice, "NoSuchOrg"))).isEqualTo("no organization named 'NoSuchOrg'");
    assertThatThrownBy(() -> parties.addMember(coordinator, "GridCo", "carol@vendora.example", MemberRole.MEMBER))
        .as("an address belongs to one member").isInstanceOf(InvalidInputException.class);
    assertThat(parties.members(alice, "Vendora")).extracting(m -> m.email())
        .containsExactly("alice@vendora.example", "bob@vendora.example", "carol@vendora.example");
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void anExpiredOrRevokedTokenFailsOnTheNextRequest(String engine) {
    open(engine);
    Tokens.Created hour = parties.createToken(coordinator, "Vendora", "bob@vendora.example", false, "ci", Duration.ofHours(1));
    assertThat(parties.authenticate(hour.secret())).isPresent();
    clock.advance(Duration.ofMinutes(59).plusSeconds(59));
    assertThat(parties.authenticate(hour.secret())).as("cached, still valid").isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(parties.authenticate(hour.secret())).as("the cache never outlives the expiry").isEmpty();

    Tokens.Created forever = parties.createToken(coordinator, "Vendora", null, false, "machine", null);
    Principal machine = parties.authenticate(forever.secret()).orElseThrow();
    assertThat(parties.stillValid(machine)).isTrue();
    Principal alice = login("Vendora", "alice@vendora.example");
    ApiToken revoked = parties.revokeToken(alice, forever.token().id());
    assertThat(revoked.revoked()).isEqualTo(clock.instant());
    assertThat(parties.authenticate(forever.secret())).as("revoked: refused at once, though it was cached").isEmpty();
    assertThat(parties.stillValid(machine)).as("sessions from it end").isFalse();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void tokensAreListedAndRevokedOnlyByThoseWhoMaySeeThem(String engine) {
    open(engine);
    Principal alice = login("Vendora", "alice@vendora.example");
    Principal bob = login("Vendora", "bob@vendora.example");
    Principal greta = login("GridCo", "greta@gridco.example");
    assertThat(parties.tokens(bob, null)).extracting(t -> t.member().email()).containsOnly("bob@vendora.example");
    assertThat(parties.tokens(alice, null)).extracting(t -> t.organization().name()).containsOnly("Vendora").hasSize(2);
    assertThat(parties.tokens(coordinator, null)).hasSize(3);
    String aliceToken = alice.tokenId();
    String hidden = messageOf(() -> parties.revokeToken(greta, aliceToken));
    String missing = messageOf(() -> parties.revokeToken(greta, "tok_0000000000000000"));
    assertThat(hidden.replace(aliceToken, "ID")).isEqualTo(missing.replace("tok_0000000000000000", "ID"));
    assertThat(parties.authenticate("accord_forged")).isEmpty();
    assertThatThrownBy(() -> parties.tokens(greta, "NoSuchOrg")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> parties.createToken(alice, "Vendora", null, true, "", null))
        .as("an admin cannot mint a coordinator").isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> parties.createToken(alice, "Vendora", "greta@gridco.example", false, "", null))
        .as("another organization's member is hidden").isInstanceOf(NotFoundException.class);
  }

  /** Eight threads create, use and revoke tokens while the log writer and the checkpoint publisher run. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void concurrentTokenWritesAreAllKeptAndLogged(String engine) throws Exception {
    open(engine);
    long logBefore = accord.ledger().size();
    int threads = 8;
    int perThread = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Set<String> ids = ConcurrentHashMap.newKeySet();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          Tokens.Created created = parties.createToken(coordinator, thread % 2 == 0 ? "Vendora" : "GridCo", null, false, "t" + thread, null);
          ids.add(created.token().id());
          assertThat(parties.authenticate(created.secret())).isPresent();
          if (i % 3 == 0) {
            parties.revokeToken(coordinator, created.token().id());
            assertThat(parties.authenticate(created.secret())).isEmpty();
          }
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    assertThat(ids).hasSize(threads * perThread);
    List<ApiToken> all = parties.tokens(coordinator, null);
    assertThat(all.stream().filter(t -> ids.contains(t.id()))).hasSize(threads * perThread);
    long revoked = all.stream().filter(t -> ids.contains(t.id()) && t.revoked() != null).count();
    assertThat(revoked).isEqualTo(threads * 5L);
    assertThat(accord.ledger().size() - logBefore).as("one event per creation and per revocation")
        .isEqualTo(threads * perThread + revoked);
  }

  private static String messageOf(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a refusal");
  }
}
