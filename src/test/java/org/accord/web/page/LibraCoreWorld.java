package org.accord.web.page;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.accord.app.Accord;
import org.accord.app.CaseMessages;
import org.accord.party.MemberRole;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.TestClock;
import org.accord.web.WebServer;

/**
 * The LibraCore case as the pages show it, built through the {@code app} services on SQLite: the
 * LibraCore maintainers own the case, Alphawerk ships the library in GridControl and is invited as a
 * vendor, CERT-Central coordinates. The embargo is in force; the maintainers' product is affected; the
 * coordinator asked Alphawerk for GridControl's status (not checked yet); the maintainers wrote to
 * everyone, so Alphawerk has one unread message.
 */
final class LibraCoreWorld implements AutoCloseable {
  static final String MAINTAINER = "LibraCore Project";
  static final String VENDOR = "Alphawerk";
  static final String COORDINATOR = "CERT-Central";
  static final String TITLE = "LibraCore deserialization flaw";
  static final String LIBRARY = "pkg:maven/org.libra/libracore";
  static final String PRODUCT = "pkg:maven/com.alphawerk/gridcontrol";
  /** Another vendor's case, which Alphawerk must never see. */
  static final String OTHER_TITLE = "Betanet router secret";

  final TestClock clock = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));
  final Accord accord;
  final WebServer server;
  final String caseId;
  final String otherCase;
  final String maintainerToken;
  final String vendorToken;
  final String coordinatorToken;

  LibraCoreWorld(Path dir) {
    accord = Accord.open(new Accord.Config(dir, null), clock);
    var parties = accord.parties();
    Principal coordinator = new Principal.Coordinator(parties.ensure(COORDINATOR, OrgKind.CERT), null, null);
    parties.createOrganization(coordinator, MAINTAINER, OrgKind.MAINTAINER, "CH", null);
    parties.createOrganization(coordinator, VENDOR, OrgKind.VENDOR, "DE", null);
    parties.createOrganization(coordinator, "Betanet", OrgKind.VENDOR, "FR", null);
    parties.addMember(coordinator, MAINTAINER, "mia@libracore.example", MemberRole.ADMIN);
    parties.addMember(coordinator, VENDOR, "vera@alphawerk.example", MemberRole.MEMBER);
    parties.addMember(coordinator, "Betanet", "ben@betanet.example", MemberRole.MEMBER);
    coordinatorToken = parties.createToken(coordinator, COORDINATOR, null, true, "coordinator", null).secret();
    maintainerToken = parties.createToken(coordinator, MAINTAINER, "mia@libracore.example", false, "mia", null).secret();
    vendorToken = parties.createToken(coordinator, VENDOR, "vera@alphawerk.example", false, "vera", null).secret();
    String betanetToken = parties.createToken(coordinator, "Betanet", "ben@betanet.example", false, "ben", null).secret();
    Principal maintainer = parties.authenticate(maintainerToken).orElseThrow();
    Principal betanet = parties.authenticate(betanetToken).orElseThrow();

    var cases = accord.cases();
    caseId = cases.create(maintainer, TITLE, null, List.of("vendor")).row().id().toString();
    cases.addVulnerability(maintainer, caseId, "CVE-2026-0001", List.of(LIBRARY + " [2.0,2.3.4)"), null, null);
    cases.invite(maintainer, caseId, VENDOR, List.of("vendor"), null);
    cases.propose(maintainer, caseId, "45d", null);
    cases.accept(maintainer, caseId);
    cases.setStatus(maintainer, caseId, null, LIBRARY, "affected", null, null, null);
    cases.setStatus(coordinator, caseId, VENDOR, PRODUCT, null, null, null, null);
    accord.messages().post(maintainer, caseId, new CaseMessages.Draft(null, null, null, null,
        "A fix is in 2.3.4. Please check GridControl and set its status.", List.of()));
    otherCase = cases.create(betanet, OTHER_TITLE, null, List.of("vendor")).row().id().toString();
    server = WebServer.start(accord, "127.0.0.1", 0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  @Override
  public void close() {
    server.close();
    accord.close();
  }
}
