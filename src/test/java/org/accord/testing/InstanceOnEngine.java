package org.accord.testing;

import java.nio.file.Path;
import java.time.Instant;
import org.accord.app.Accord;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture the service tests share: an {@link Accord} instance on one engine (SQLite in a
 * temporary directory, or a fresh PostgreSQL schema), on a {@link TestClock}, with the coordinator
 * organization "CERT"; closed after each test. Subclasses run each test on {@link
 * TestDatabases#engines()} and call {@link #open} first.
 */
public abstract class InstanceOnEngine {
  @TempDir protected Path dir;
  protected Accord accord;
  protected TestClock clock;
  protected Principal coordinator;

  /** Opens the instance on {@code engine} ({@code sqlite} or {@code postgresql}) with the clock at {@code now}. */
  protected void open(String engine, Instant now) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    clock = new TestClock(now);
    accord = Accord.open(new Accord.Config(dir, url), clock);
    coordinator = new Principal.Coordinator(accord.parties().ensure("CERT", OrgKind.CERT), null, null);
  }

  @AfterEach
  void closeInstance() {
    if (accord != null) {
      accord.close();
    }
  }

  /** A new organization of {@code kind}, acting as a whole (a machine token: no person). */
  protected Principal member(String name, OrgKind kind) {
    accord.parties().createOrganization(coordinator, name, kind, null, null);
    return new Principal.OrgMember(accord.parties().actingFor(coordinator, name).organization(), null, null);
  }

  /** A person of a new organization of {@code kind}. */
  protected Principal person(String organization, OrgKind kind, String email) {
    accord.parties().createOrganization(coordinator, organization, kind, null, null);
    Member member = accord.parties().addMember(coordinator, organization, email, MemberRole.MEMBER);
    return new Principal.OrgMember(member.organization(), member, null);
  }
}
