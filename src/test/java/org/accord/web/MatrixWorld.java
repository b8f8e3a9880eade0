package org.accord.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.app.Accord;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.Documents;
import org.accord.testing.TestClock;
import org.accord.testing.TestDatabases;

/**
 * The world the authorization matrix runs against, built once per engine: two operators A
 * ({@value #A}) and B ({@value #B}) that the other may not know take part, a coordinator, and one
 * credential of every kind of principal. Each party's data carries marker strings (its name, its
 * sites, its private advisory ids and its tokens' ids and labels); a body that shows a marker to a
 * principal that may not see it is a leak.
 *
 * <p>Missing things are named with the same length as the hidden things they stand beside, so a 404
 * for a hidden thing can be compared byte for byte with the 404 for a missing one.
 */
final class MatrixWorld implements AutoCloseable {
  /** Operator A: hidden from B (operators are not listed to others). */
  static final String A = "Alphawerk";
  /** Operator B: hidden from A. */
  static final String B = "Betanet00";
  /** An organization that does not exist, as long as {@link #A}. */
  static final String MISSING_ORG = "Gammawerk";
  static final String COORDINATOR_ORG = "CERT-Central";
  static final String A_ADMIN = "alice@alphawerk.example";
  static final String A_MEMBER = "amy@alphawerk.example";
  static final String B_MEMBER = "bob@betanet00.example";
  static final String A_SITE = "Alpha Secret Site";
  static final String B_SITE = "Beta0 Secret Site";
  static final String A_PRODUCT = "alpha-scada";
  static final String A_PRIVATE_ADVISORY = "OSV-ALPHA-PRIV-1";
  static final String A_PRIVATE_CVE = "CVE-2099-1111";
  static final String B_PRIVATE_ADVISORY = "OSV-BETA0-PRIV-1";
  static final String B_PRIVATE_CVE = "CVE-2099-3333";
  static final String PUBLIC_ADVISORY = "OSV-PUBLI-CPUB-1";
  static final String PUBLIC_CVE = "CVE-2099-2222";
  static final String MISSING_ADVISORY = "OSV-GAMMA-MISS-1";
  static final String MISSING_TOKEN = "tok_0000000000000000";
  static final String MISSING_CLAIM = "clm_0000000000000000";
  static final String A_TOKEN_LABEL = "alpha-machine-label";
  static final String B_TOKEN_LABEL = "beta0-machine-label";
  /** The author A's private VEX statement names (the statement is about the public advisory). */
  static final String A_CASE_TITLE = "Alpha Case Secret";
  /** A case id that does not exist, as long as the ids of the world's cases. */
  static final String MISSING_CASE = "ACC-2026-9999";
  /** A report id that does not exist, as long as the ids of the world's reports. */
  static final String MISSING_REPORT = "RPT-000000000000000000000000";
  static final String A_VEX_AUTHOR = "Alphawerk PSIRT";

  final String engine;
  final TestClock clock = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));
  final Accord accord;
  final WebServer server;
  final Map<Who, String> credentials = new EnumMap<>(Who.class);
  Principal coordinator;
  Principal memberOfB;
  /** The public id of A's machine token: only A's admins and the coordinator may know it. */
  String aMachineToken;
  String bMachineToken;
  /** The log index of a private event of A (a member added) and of a public one (the public advisory). */
  long privateEntry;
  long publicEntry;
  private final AtomicInteger serial = new AtomicInteger();

  MatrixWorld(String engine, Path dir) {
    this.engine = engine;
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url), clock);
    try {
      server = populate();
    } catch (RuntimeException e) {
      accord.close();
      throw e;
    }
  }

  private WebServer populate() {
    var parties = accord.parties();
    coordinator = new Principal.Coordinator(parties.ensure(COORDINATOR_ORG, OrgKind.CERT), null, null);
    parties.createOrganization(coordinator, A, OrgKind.OPERATOR, "DE", null);
    parties.createOrganization(coordinator, B, OrgKind.OPERATOR, "FR", null);
    parties.addMember(coordinator, A, A_ADMIN, MemberRole.ADMIN);
    parties.addMember(coordinator, A, A_MEMBER, MemberRole.MEMBER);
    parties.addMember(coordinator, B, B_MEMBER, MemberRole.MEMBER);

    credentials.put(Who.MALFORMED, "accord_this-is-not-a-token");
    credentials.put(Who.COORDINATOR, parties.createToken(coordinator, COORDINATOR_ORG, null, true, "coordinator", null).secret());
    credentials.put(Who.ADMIN_A, parties.createToken(coordinator, A, A_ADMIN, false, "alice", null).secret());
    credentials.put(Who.MEMBER_A, parties.createToken(coordinator, A, A_MEMBER, false, "amy", null).secret());
    credentials.put(Who.MEMBER_B, parties.createToken(coordinator, B, B_MEMBER, false, "bob", null).secret());
    credentials.put(Who.EXPIRED, parties.createToken(coordinator, A, A_MEMBER, false, "expiring", Duration.ofDays(1)).secret());
    var revoked = parties.createToken(coordinator, A, A_MEMBER, false, "revoked", null);
    credentials.put(Who.REVOKED, revoked.secret());
    parties.revokeToken(coordinator, revoked.token().id());
    aMachineToken = parties.createToken(coordinator, A, null, false, A_TOKEN_LABEL, null).token().id();
    bMachineToken = parties.createToken(coordinator, B, null, false, B_TOKEN_LABEL, null).token().id();
    memberOfB = parties.authenticate(credentials.get(Who.MEMBER_B)).orElseThrow();
    privateEntry = accord.ledger().size() - 1;

    Principal a = parties.authenticate(credentials.get(Who.MEMBER_A)).orElseThrow();
    accord.ingestSbom(stream(Documents.cycloneDx(A_PRODUCT, "2.3.1")), a);
    // A owns its product through an approved claim, so its private VEX decides A's view of the finding.
    accord.claims().approve(coordinator, accord.claims().claim(a, "pkg:generic/acme/" + A_PRODUCT, null).id());
    accord.ingestInventory(stream(inventory(A, A_SITE, A_PRODUCT)), "inventory.csv", a);
    accord.ingestInventory(stream(inventory(B, B_SITE, A_PRODUCT)), "inventory.csv", memberOfB);
    accord.advisories().ingest(stream(Documents.osv(PUBLIC_ADVISORY, PUBLIC_CVE)), coordinator, false);
    publicEntry = accord.ledger().size() - 1;
    accord.advisories().ingest(stream(Documents.osv(A_PRIVATE_ADVISORY, A_PRIVATE_CVE)), a, true);
    accord.advisories().ingest(stream(Documents.osv(B_PRIVATE_ADVISORY, B_PRIVATE_CVE)), memberOfB, true);
    accord.advisories().ingest(stream(openVex(A_VEX_AUTHOR, PUBLIC_CVE, A_PRODUCT)), a, true);
    caseOfA = accord.cases().create(a, A_CASE_TITLE, null, java.util.List.of("vendor")).row().id().toString();
    accord.cases().addVulnerability(a, caseOfA, "CVE-2026-0001", java.util.List.of("pkg:maven/org.libra/libracore [2.0,2.3.4)"),
        null, null);
    Map<String, Object> message = accord.messages().post(a, caseOfA, new org.accord.app.CaseMessages.Draft(null, null, null, null,
        "matrix message", java.util.List.of(new org.accord.app.CaseMessages.Attachment("note.txt", null, null,
            "matrix note".getBytes(StandardCharsets.UTF_8)))));
    messageOfA = (String) message.get("id");
    threadOfA = (String) message.get("thread");
    reportOfA = freshReport(a);
    anonymousSecret = accord.reports().submitAnonymous("matrix", reportBody(0).replace(A_CASE_TITLE, "Anonymous")
        .getBytes(StandardCharsets.UTF_8)).secret();
    accord.ledger().publish();
    clock.advance(Duration.ofDays(2)); // the expiring token has expired; the others never do
    return WebServer.start(accord, "127.0.0.1", 0);
  }

  /** A number unique in this world, for names that writes must not repeat. */
  int next() {
    return serial.incrementAndGet();
  }

  /** A day later than any this method gave before, as {@code YYYY-MM-DD}: feeds refuse older versions. */
  String nextDay() {
    return java.time.LocalDate.of(2026, 1, 1).plusDays(next()).toString();
  }

  /** The built-in deployer decision table as JSON, as a caller would send its own. */
  String deployerTable() {
    try (var in = org.accord.triage.SsvcTable.class.getResourceAsStream("/org/accord/triage/ssvc/deployer.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The id of A's case, made at start. */
  String caseOfA;
  /** A message of A in A's case (to all, with one attachment) and its thread, made at start. */
  String messageOfA;
  String threadOfA;
  /** A message and a thread id that do not exist, as long as real ones. */
  static final String MISSING_MESSAGE = "mzzzzzzzzzzzzzzzz";
  static final String MISSING_THREAD = "tzzzzzzzzzzzzzzzz";
  /** The id of a report A sent, made at start. */
  String reportOfA;
  /** The follow-up secret of an anonymous report, made at start. */
  String anonymousSecret;
  /** A follow-up secret that does not exist, as long as a real one. */
  static final String MISSING_SECRET = "A".repeat(43);

  /** A report body in Markdown whose title is A's secret. */
  static String reportBody(int n) {
    return "# " + A_CASE_TITLE + " report " + n + "\nA crafted frame overflows the buffer.\n## Affected\n"
        + "- pkg:maven/org.libra/libracore [2.0,2.3.4)\n";
  }

  private String freshReport(Principal a) {
    return accord.reports().submit(a, reportBody(next()).getBytes(StandardCharsets.UTF_8)).row().id();
  }

  /** A new report from A for a write cell; its id. */
  String freshReportOfA() {
    return freshReport(accord.parties().authenticate(credentials.get(Who.MEMBER_A)).orElseThrow());
  }

  /**
   * A new case of A for a write cell: {@code "none"} without an embargo, {@code "proposed"} with an
   * open proposal, {@code "active"} with an embargo in force; its id.
   */
  String freshCaseOfA(String embargo) {
    Principal a = accord.parties().authenticate(credentials.get(Who.MEMBER_A)).orElseThrow();
    String id = accord.cases().create(a, A_CASE_TITLE + " " + next(), null, java.util.List.of("vendor")).row().id().toString();
    if (!embargo.equals("none")) {
      accord.cases().propose(a, id, "30d", null);
    }
    if (embargo.equals("active")) {
      accord.cases().accept(a, id);
    }
    return id;
  }

  /** A fresh case of A with a vulnerability to plan from (ADR 0134); with {@code drafted}, also a draft computed by A. */
  String plannableCaseOfA(boolean drafted) {
    Principal a = accord.parties().authenticate(credentials.get(Who.MEMBER_A)).orElseThrow();
    String id = freshCaseOfA("none");
    accord.cases().addVulnerability(a, id, null, java.util.List.of("pkg:maven/org.libra/libracore [2.0,2.3.4)"), null, null);
    if (drafted) {
      accord.plans().draft(a, id, null);
    }
    return id;
  }

  /** The id of the case's current draft plan. */
  long draftOf(String id) {
    Principal a = accord.parties().authenticate(credentials.get(Who.MEMBER_A)).orElseThrow();
    Object draft = accord.plans().show(a, id).get("draft");
    return ((Number) ((java.util.Map<?, ?>) draft).get("id")).longValue();
  }

  private String publishedCase;

  /** A case of the coordinator's own, published once (ADR 0109); its id. */
  synchronized String publishedCase() {
    if (publishedCase == null) {
      publishedCase = accord.cases().create(coordinator, "Matrix published case", "TLP:CLEAR", null).row().id().toString();
      accord.publication().publish(coordinator, publishedCase);
    }
    return publishedCase;
  }

  /** The size of the published checkpoint. */
  long publishedSize() {
    try {
      return org.accord.ledger.Verifier.readCheckpoint(accord.ledger().checkpoint()).size();
    } catch (org.accord.ledger.VerificationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new machine token of {@code organization} for a revocation cell to revoke; its public id. */
  String victimToken(String organization) {
    return accord.parties().createToken(coordinator, organization, null, false, "victim", null).token().id();
  }

  /** A new pending claim of {@code organization} for a decision cell to decide; its public id. */
  String pendingClaim(String organization) {
    return accord.claims().claim(coordinator, "pkg:generic/matrix/claimed-" + next(), organization).id();
  }

  /** The organization {@code who} acts for (A's for the bad credentials, which never get that far). */
  String organizationOf(Who who) {
    return switch (who) {
      case MEMBER_B -> B;
      case COORDINATOR -> COORDINATOR_ORG;
      default -> A;
    };
  }

  /** The markers of each party's data: what a principal of another party must never be shown. */
  List<Marker> markers() {
    return List.of(
        new Marker(A, Who.MEMBER_A, Who.ADMIN_A),
        new Marker(A_SITE, Who.MEMBER_A, Who.ADMIN_A),
        new Marker(A_PRIVATE_ADVISORY, Who.MEMBER_A, Who.ADMIN_A),
        new Marker(A_PRIVATE_CVE, Who.MEMBER_A, Who.ADMIN_A),
        new Marker(A_VEX_AUTHOR, Who.MEMBER_A, Who.ADMIN_A),
        new Marker(A_CASE_TITLE, Who.MEMBER_A, Who.ADMIN_A),
        new Marker(A_MEMBER, Who.MEMBER_A, Who.ADMIN_A),
        new Marker(A_ADMIN, Who.ADMIN_A),
        new Marker(aMachineToken, Who.ADMIN_A),
        new Marker(A_TOKEN_LABEL, Who.ADMIN_A),
        new Marker(B, Who.MEMBER_B),
        new Marker(B_SITE, Who.MEMBER_B),
        new Marker(B_PRIVATE_ADVISORY, Who.MEMBER_B),
        new Marker(B_PRIVATE_CVE, Who.MEMBER_B),
        new Marker(B_MEMBER, Who.MEMBER_B),
        new Marker(bMachineToken),
        new Marker(B_TOKEN_LABEL));
  }

  /** The kinds of principal the matrix asks as. */
  enum Who {
    ANONYMOUS, MALFORMED, EXPIRED, REVOKED, MEMBER_A, ADMIN_A, MEMBER_B, COORDINATOR;

    /** Whether this principal holds a valid credential. */
    boolean authenticated() {
      return compareTo(MEMBER_A) >= 0;
    }

    /** Whether this principal acts for organization A. */
    boolean ofA() {
      return this == MEMBER_A || this == ADMIN_A;
    }
  }

  /** A string planted in one party's data, and who besides the coordinator may see it. */
  record Marker(String text, Who... maySee) {
    boolean visibleTo(Who who) {
      if (who == Who.COORDINATOR) {
        return true;
      }
      for (Who allowed : maySee) {
        if (allowed == who) {
          return true;
        }
      }
      return false;
    }
  }

  static String inventory(String operator, String site, String product) {
    return "operator,site,sector,country,criticality,product\n"
        + operator + "," + site + ",energy,DE,essential,pkg:generic/acme/" + product + "@1.0\n"
        + operator + "," + site + " 2,energy,DE,essential,pkg:generic/acme/" + product + "@1.0\n";
  }

  static String openVex(String author, String cve, String product) {
    return """
        {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.org/vex/1", "author": "%1$s",
         "timestamp": "2026-01-01T00:00:00Z", "version": 1,
         "statements": [{"vulnerability": {"name": "%2$s"}, "products": [{"@id": "pkg:generic/acme/%3$s@1.0"}],
           "status": "not_affected", "justification": "vulnerable_code_not_present"}]}
        """.formatted(author, cve, product);
  }

  static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.close();
    accord.close();
  }
}
