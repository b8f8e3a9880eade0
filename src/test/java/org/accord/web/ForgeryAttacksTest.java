package org.accord.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.accord.app.Accord;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.Documents;
import org.accord.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, "Forgery" for SBOMs and VEX: each test performs an attack through the API as an ordinary
 * member of another organization (Mallory, a vendor) against Acme, which owns {@code
 * pkg:generic/acme/scada} through an approved claim, and fails on the code before product claims and
 * per-uploader documents (ADRs 0091-0094). On every engine.
 */
class ForgeryAttacksTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADVISORY = "OSV-FORGE-0001";
  static final String CVE = "CVE-2099-7777";
  static final String SCADA = "pkg:generic/acme/scada@1.0";

  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();
  Accord accord;
  WebServer server;
  String acme;
  String mallory;
  String coordinator;

  void start(String engine) {
    String url = engine.equals("postgresql") ? TestDatabases.freshPostgresUrl() : null;
    accord = Accord.open(new Accord.Config(dir, url));
    var parties = accord.parties();
    Principal cert = new Principal.Coordinator(parties.ensure("CERT", OrgKind.CERT), null, null);
    parties.createOrganization(cert, "Acme", OrgKind.VENDOR, "DE", null);
    parties.createOrganization(cert, "Mallory", OrgKind.VENDOR, "FR", null);
    acme = parties.createToken(cert, "Acme", null, false, "acme", null).secret();
    mallory = parties.createToken(cert, "Mallory", null, false, "mallory", null).secret();
    coordinator = parties.createToken(cert, "CERT", null, true, "cert", null).secret();
    server = WebServer.start(accord, "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (accord != null) {
      accord.close();
    }
  }

  JsonNode send(String token, String method, String path, String contentType, String body, int expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
    return JSON.readTree(response.body());
  }

  JsonNode upload(String token, String route, String document) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1" + route))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(document)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(route + ": " + response.body()).isIn(200, 201);
    return JSON.readTree(response.body());
  }

  /** Acme claims scada through the API and the coordinator approves. */
  void acmeOwnsScada() throws Exception {
    JsonNode claim = send(acme, "POST", "/api/v1/claims", "application/json", "{\"purl\": \"pkg:generic/acme/scada\"}", 201);
    send(coordinator, "POST", "/api/v1/claims/" + claim.get("id").asText() + "/approve", "application/json", "{}", 200);
  }

  JsonNode finding(String token, String product) throws Exception {
    JsonNode findings = send(token, "GET", "/api/v1/findings?advisory=" + ADVISORY, null, null, 200);
    for (JsonNode finding : findings.get("advisories").get(0).get("findings")) {
      if (finding.get("product").asText().equals(product)) {
        return finding;
      }
    }
    throw new AssertionError("no finding for " + product + " in " + findings);
  }

  static String vex(String author, String product, String status) {
    return """
        {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.org/vex/%5$s-%3$s", "author": "%1$s",
         "timestamp": "2026-01-01T00:00:00Z", "version": 1,
         "statements": [{"vulnerability": {"name": "%4$s"}, "products": [{"@id": "%2$s"}],
           "status": "%3$s", "justification": "vulnerable_code_not_present"}]}
        """.formatted(author, product, status, CVE, Integer.toHexString(author.hashCode()));
  }

  /** Attack 1: Mallory replaces Acme's SBOM of scada 1.0; Acme cannot restore it. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void anotherOrganizationsSbomNeverReplacesTheOwnersAndTheOwnerCanAlwaysRestoreItsOwn(String engine) throws Exception {
    start(engine);
    String vulnerable = Documents.cycloneDx("scada", "2.1.0");
    String patched = Documents.cycloneDx("scada", "2.3.4");
    long acmeFirst = upload(acme, "/sboms", vulnerable).get("documentId").asLong();
    upload(coordinator, "/advisories", Documents.osv(ADVISORY, CVE));
    // Mallory uploads a "patched" SBOM for Acme's product version: its own document, replacing nothing.
    JsonNode forged = upload(mallory, "/sboms", patched);
    assertThat(forged.get("replacedDocumentId").asLong()).as("Mallory's upload replaced Acme's document").isZero();
    assertThat(finding(acme, SCADA).get("sbomUploaders")).extracting(JsonNode::asText).contains("Acme", "Mallory");
    // Acme's own bytes again: acknowledged as its live document, not as someone else's duplicate.
    JsonNode again = upload(acme, "/sboms", vulnerable);
    assertThat(again.get("duplicate").asBoolean()).isTrue();
    assertThat(again.get("documentId").asLong()).isEqualTo(acmeFirst);
    // Acme moves on, Mallory replays Acme's first bytes, and Acme restores them: they are live again.
    upload(acme, "/sboms", patched);
    upload(mallory, "/sboms", vulnerable);
    JsonNode restored = upload(acme, "/sboms", vulnerable);
    assertThat(restored.get("duplicate").asBoolean()).as("Acme's restore was answered as a duplicate").isFalse();
    assertThat(restored.get("documentId").asLong()).isEqualTo(acmeFirst);
    acmeOwnsScada();
    assertThat(finding(acme, SCADA).get("sbomSource").asText()).as("both Acme and Mallory have live SBOMs of it").isEqualTo("mixed");
  }

  /** Attack 2: Mallory becomes scada's "supplier" by uploading its SBOM first, and suppresses the finding. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void uploadingFirstMakesNoOneTheSupplier(String engine) throws Exception {
    start(engine);
    upload(mallory, "/sboms", Documents.cycloneDx("scada", "2.1.0"));
    upload(acme, "/sboms", Documents.cycloneDx("scada", "2.1.0"));
    upload(coordinator, "/advisories", Documents.osv(ADVISORY, CVE));
    upload(mallory, "/advisories", vex("Mallory", SCADA, "not_affected"));
    JsonNode finding = finding(acme, SCADA);
    assertThat(finding.get("supplier").asText()).as("the first uploader became the supplier").isEmpty();
    assertThat(finding.get("status").asText()).as("Mallory's VEX decided Acme's finding").isEqualTo("unknown");
    assertThat(finding.get("sbomSource").asText()).isEqualTo("third_party");
    // Ownership comes from an approved claim: then Acme's statement decides, Mallory's still does not.
    acmeOwnsScada();
    assertThat(finding(mallory, SCADA).get("supplier").asText()).isEqualTo("Acme");
    assertThat(finding(mallory, SCADA).get("status").asText()).isEqualTo("unknown");
    upload(acme, "/advisories", vex("Acme", SCADA, "fixed"));
    assertThat(finding(mallory, SCADA).get("status").asText()).isEqualTo("fixed");
    // A member cannot approve its own claim.
    JsonNode claim = send(mallory, "POST", "/api/v1/claims", "application/json", "{\"purl\": \"pkg:generic/acme/scada\"}", 201);
    send(mallory, "POST", "/api/v1/claims/" + claim.get("id").asText() + "/approve", "application/json", "{}", 403);
    send(coordinator, "POST", "/api/v1/claims/" + claim.get("id").asText() + "/approve", "application/json", "{}", 400);
  }

  /** Attack 3: Mallory marks Acme's finding not affected under Acme's name. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void aVexStatementIsAttributedToItsUploaderAndDecidesOnlyForTheOwner(String engine) throws Exception {
    start(engine);
    upload(acme, "/sboms", Documents.cycloneDx("scada", "2.1.0"));
    upload(coordinator, "/advisories", Documents.osv(ADVISORY, CVE));
    upload(mallory, "/advisories", vex("Acme PSIRT", SCADA, "not_affected"));
    assertThat(finding(acme, SCADA).get("status").asText()).isEqualTo("unknown");
    JsonNode statements = send(acme, "GET", "/api/v1/advisories/" + ADVISORY, null, null, 200).at("/records/0/statements");
    assertThat(statements).hasSize(1);
    assertThat(statements.get(0).get("author").asText()).as("the document's author name was taken as identity").isEqualTo("Mallory");
    assertThat(statements.get(0).get("uploader").asText()).isEqualTo("Mallory");
    assertThat(statements.get(0).get("verified").asBoolean()).isFalse();
    assertThat(send(acme, "GET", "/api/v1/advisories/" + ADVISORY, null, null, 200).toString()).doesNotContain("Acme PSIRT");
    // The same bytes from Acme, the owner, are Acme's own statement, not a duplicate of Mallory's: they decide.
    acmeOwnsScada();
    assertThat(finding(acme, SCADA).get("status").asText()).isEqualTo("unknown");
    JsonNode acmes = upload(acme, "/advisories", vex("Acme PSIRT", SCADA, "not_affected"));
    assertThat(acmes.get("duplicate").asBoolean()).isFalse();
    JsonNode decided = finding(mallory, SCADA);
    assertThat(decided.get("status").asText()).isEqualTo("not_affected");
    assertThat(decided.get("statement").get("author").asText()).isEqualTo("Acme");
  }

  /** Attack 4: Acme's private VEX reaches every member through the public advisory with its CVE. */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void privateVexIsSeenOnlyByItsUploaderAndTheCoordinator(String engine) throws Exception {
    start(engine);
    upload(acme, "/sboms", Documents.cycloneDx("scada", "2.1.0"));
    upload(coordinator, "/advisories", Documents.osv(ADVISORY, CVE));
    upload(acme, "/advisories?private=true", vex("Acme Secret Team", SCADA, "not_affected"));
    String seenByMallory = send(mallory, "GET", "/api/v1/advisories/" + ADVISORY, null, null, 200).toString();
    assertThat(seenByMallory).as("Mallory sees Acme's private VEX").doesNotContain("not_affected").doesNotContain("vulnerable_code_not_present");
    assertThat(send(mallory, "GET", "/api/v1/advisories/" + ADVISORY, null, null, 200).at("/records/0/statements")).isEmpty();
    // Nor through the finding's status, which would give the statement away.
    assertThat(finding(mallory, SCADA).get("status").asText()).isEqualTo("unknown");
    assertThat(finding(mallory, SCADA).toString()).doesNotContain("not_affected");
    acmeOwnsScada();
    assertThat(finding(mallory, SCADA).get("status").asText()).isEqualTo("unknown");
    assertThat(send(acme, "GET", "/api/v1/advisories/" + ADVISORY, null, null, 200).at("/records/0/statements")).hasSize(1);
    assertThat(finding(acme, SCADA).get("status").asText()).isEqualTo("not_affected");
    assertThat(send(coordinator, "GET", "/api/v1/advisories/" + ADVISORY, null, null, 200).at("/records/0/statements")).hasSize(1);
  }
}
