package org.accord.web;

import static org.accord.testing.OpenPgpChecks.signature;
import static org.accord.testing.OpenPgpChecks.verifies;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipInputStream;
import org.accord.advisory.AdvisoryFormat;
import org.accord.advisory.ExportSchemas;
import org.accord.app.Accord;
import org.accord.app.CaseDocuments;
import org.accord.app.CsafKey;
import org.accord.party.OrgKind;
import org.accord.party.Principal;
import org.accord.testing.OpenPgpChecks;
import org.accord.web.MatrixWorld.Who;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documents of published cases over HTTP (ADRs 0121, 0122): the CSAF provider walked along the
 * CSAF 2.0 §7.1 requirements of a trusted provider, the OSV directory and the per-vendor VEX, each
 * document checked against its official schema; unpublished documents answer as missing ones; the
 * interim CSAF is the participants'; two cases published at once while other cases are written both
 * reach the feed.
 */
class CsafProviderTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  MatrixWorld world;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @AfterEach
  void close() {
    if (world != null) {
      world.close();
    }
  }

  String base() {
    return "http://127.0.0.1:" + world.server.port();
  }

  HttpResponse<byte[]> get(String url, Who who) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base() + url));
    if (who != null) {
      request.header("Authorization", "Bearer " + world.credentials.get(who));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  String text(String url) throws Exception {
    HttpResponse<byte[]> response = get(url, null);
    // Requirement 4 and 6: TLP:CLEAR documents are public, no credentials, and served without redirects.
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** A vendor with statuses on case A: fixed, not affected, not yet checked; A itself (an operator) one affected product. */
  String caseWithStatuses(Principal vendor, String title) {
    Accord accord = world.accord;
    Principal a = accord.parties().authenticate(world.credentials.get(Who.MEMBER_A)).orElseThrow();
    String id = accord.cases().create(a, title, null, List.of("vendor")).row().id().toString();
    accord.cases().addVulnerability(a, id, "CVE-2026-4242", List.of("pkg:maven/org.libra/libracore [2.0,2.3.4)"),
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", null);
    accord.cases().invite(a, id, vendor.organization().name(), List.of("vendor"), null);
    accord.cases().setStatus(vendor, id, null, "pkg:maven/org.libra/libracore@2.3.4", "fixed", null, "completed", null);
    accord.cases().setStatus(vendor, id, null, "pkg:maven/org.libra/libratools@1.0", "not_affected", "vulnerable_code_not_present",
        "completed", null);
    accord.cases().setStatus(vendor, id, null, "pkg:maven/org.libra/librafx@3.0", null, null, null, null);
    accord.cases().setStatus(a, id, null, "pkg:generic/acme/plant-control@1.0", "affected", null, "in_progress", null);
    return id;
  }

  Principal vendor(String name) {
    return organization(name, OrgKind.VENDOR);
  }

  Principal organization(String name, OrgKind kind) {
    world.accord.parties().createOrganization(world.coordinator, name, kind, null, null);
    return new Principal.OrgMember(world.accord.parties().actingFor(world.coordinator, name).organization(), null, null);
  }

  /**
   * Every byte the provider and the OSV directory serve to anyone, once the case is published: the CSAF
   * metadata, service document, feed, listings and documents with their hashes, every OSV record, all.zip's
   * entries and the listing, and every VEX document the store holds, each fetched over HTTP.
   */
  String everythingServed() throws Exception {
    StringBuilder all = new StringBuilder();
    JsonNode metadata = JSON.readTree(text("/.well-known/csaf/provider-metadata.json"));
    all.append(metadata).append(text("/.well-known/csaf/service.json"));
    String feed = text(metadata.at("/distributions/1/rolie/feeds/0/url").asText());
    all.append(feed);
    for (JsonNode entry : JSON.readTree(feed).at("/feed/entry")) {
      String src = entry.at("/content/src").asText();
      all.append(text(src)).append(text(src + ".sha256")).append(text(src + ".sha512"));
    }
    for (String listing : List.of("/", "/index.txt", "/changes.csv", "/2026/")) {
      all.append(text("/.well-known/csaf/clear" + listing));
    }
    all.append(text("/osv/modified_id.csv"));
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(get("/osv/all.zip", null).body()))) {
      for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        all.append(e.getName()).append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    for (var entry : world.accord.documents().documents(AdvisoryFormat.OSV)) {
      all.append(text("/osv/" + entry.path()));
    }
    for (AdvisoryFormat vex : List.of(AdvisoryFormat.OPENVEX, AdvisoryFormat.CYCLONEDX_VEX)) {
      for (var entry : world.accord.documents().documents(vex)) {
        all.append("/vex/").append(entry.path()).append(text("/vex/" + entry.path()));
      }
    }
    return all.toString();
  }

  /**
   * ADR 0124: the documents name exactly whom the reveal bundle names. A researcher that chose public credit
   * is acknowledged in CSAF and credited in OSV; an anonymous researcher (no choice: its kind's default), the
   * operator that owns the case (even in the case title) and a vendor that chose anonymity are in no served
   * byte, and that vendor gets no VEX document, although its statuses still count by party.
   */
  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void creditChoicesDecideWhoThePublishedDocumentsName(String engine) throws Exception {
    world = new MatrixWorld(engine, dir);
    Principal libra = vendor("Libra Vendor");
    String id = caseWithStatuses(libra, MatrixWorld.A + " plant: LibraCore deserialization");
    Principal credited = organization("Credited Finder Lab", OrgKind.RESEARCHER);
    Principal quiet = organization("Quiet Finder Lab", OrgKind.RESEARCHER);
    Principal shy = vendor("Shy Vendor");
    world.accord.cases().invite(world.coordinator, id, "Credited Finder Lab", List.of("finder"), null);
    world.accord.cases().invite(world.coordinator, id, "Quiet Finder Lab", List.of("finder"), null);
    world.accord.cases().invite(world.coordinator, id, "Shy Vendor", List.of("vendor"), null);
    world.accord.cases().setStatus(shy, id, null, "pkg:npm/shyjs@1.0.0", "affected", null, "in_progress", null);
    world.accord.publication().credit(credited, id, "public");
    world.accord.publication().credit(shy, id, "anonymous");
    assertThat(quiet.organization().kind()).isEqualTo(OrgKind.RESEARCHER);

    world.accord.publication().publish(world.coordinator, id);

    JsonNode csaf = JSON.readTree(get("/.well-known/csaf/clear/2026/" + CaseDocumentsPaths.csaf(id), null).body());
    assertThat(ExportSchemas.problems(AdvisoryFormat.CSAF, csaf)).isEmpty();
    List<String> acknowledged = new ArrayList<>();
    csaf.at("/document/acknowledgments").forEach(a -> acknowledged.add(a.path("organization").asText()));
    assertThat(acknowledged).containsExactlyInAnyOrder("Libra Vendor", "Credited Finder Lab");
    assertThat(csaf.at("/document/title").asText()).isEqualTo(id + ": a participant plant: LibraCore deserialization");
    // The shy vendor's affected product is still stated, by party only.
    assertThat(csaf.at("/vulnerabilities/0/involvements").toString()).contains("A participant (vendor) is in progress");
    JsonNode osv = JSON.readTree(text("/osv/x_" + id + ".json"));
    assertThat(ExportSchemas.problems(AdvisoryFormat.OSV, osv)).isEmpty();
    List<String> osvCredits = new ArrayList<>();
    osv.path("credits").forEach(c -> osvCredits.add(c.path("name").asText() + "/" + c.path("type").asText()));
    assertThat(osvCredits).containsExactlyInAnyOrder("Libra Vendor/REMEDIATION_DEVELOPER", "Credited Finder Lab/FINDER");
    assertThat(get("/vex/" + id + "/shy-vendor.openvex.json", null).statusCode()).isEqualTo(404);
    assertThat(get("/vex/" + id + "/shy-vendor.cdx.json", null).statusCode()).isEqualTo(404);

    String served = everythingServed();
    assertThat(served).contains("Credited Finder Lab", "/vex/" + id + "/libra-vendor.cdx.json");
    for (String unnamed : List.of(MatrixWorld.A, "Quiet Finder Lab", "Shy Vendor", "shy-vendor")) {
      assertThat(served.toLowerCase(java.util.Locale.ROOT)).as(unnamed).doesNotContain(unnamed.toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(served).doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z]{2,}");

    // The reveal bundle names the same parties: the credited finder's events are revealed, the others' withheld.
    JsonNode bundle = JSON.readTree(text("/api/v1/cases/" + id + "/reveal"));
    StringBuilder revealed = new StringBuilder();
    bundle.path("events").forEach(e -> {
      if (!e.has("withheld")) {
        revealed.append(new String(java.util.Base64.getDecoder().decode(e.path("event").asText()), StandardCharsets.UTF_8));
      }
    });
    assertThat(revealed.toString()).contains("Credited Finder Lab", "Libra Vendor").doesNotContain("Quiet Finder Lab", "Shy Vendor", MatrixWorld.A);
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void publishedDocumentsAreWhereToolsLookAndValid(String engine) throws Exception {
    world = new MatrixWorld(engine, dir);
    Principal libra = vendor("Libra Vendor");
    String id = caseWithStatuses(libra, "LibraCore deserialization");
    String file = CaseDocumentsPaths.csaf(id);
    String year = "2026";
    String osvId = "x_" + id;

    // Before publication: every document answers exactly like one that does not exist.
    for (String[] pair : new String[][] {
        {"/.well-known/csaf/clear/" + year + "/" + file, "/.well-known/csaf/clear/" + year + "/" + CaseDocumentsPaths.csaf("ACC-2026-9999")},
        {"/osv/" + osvId + ".json", "/osv/x_ACC-2026-9999.json"},
        {"/vex/" + id + "/libra-vendor.openvex.json", "/vex/ACC-2026-9999/libra-vendor.openvex.json"}}) {
      HttpResponse<byte[]> hidden = get(pair[0], null);
      HttpResponse<byte[]> missing = get(pair[1], null);
      assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
      assertThat(new String(hidden.body(), StandardCharsets.UTF_8))
          .isEqualTo(new String(missing.body(), StandardCharsets.UTF_8).replace(pair[1], pair[0]));
    }
    assertThat(text("/.well-known/csaf/clear/index.txt")).doesNotContain(file);

    // The interim CSAF: participants only (A owns, B does not take part: the 404 of a missing case).
    HttpResponse<byte[]> interim = get("/api/v1/cases/" + id + "/csaf", Who.MEMBER_A);
    assertThat(interim.statusCode()).isEqualTo(200);
    JsonNode interimDoc = JSON.readTree(interim.body());
    assertThat(ExportSchemas.problems(AdvisoryFormat.CSAF, interimDoc)).isEmpty();
    assertThat(interimDoc.at("/document/tracking/status").asText()).isEqualTo("interim");
    assertThat(interimDoc.at("/document/distribution/tlp/label").asText()).isEqualTo("AMBER");
    String group = interimDoc.at("/document/distribution/sharing_group/id").asText();
    assertThat(group).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(JSON.readTree(get("/api/v1/cases/" + id + "/csaf", Who.ADMIN_A).body())
        .at("/document/distribution/sharing_group/id").asText()).isEqualTo(group); // stable
    HttpResponse<byte[]> outsider = get("/api/v1/cases/" + id + "/csaf", Who.MEMBER_B);
    HttpResponse<byte[]> absent = get("/api/v1/cases/ACC-2026-9999/csaf", Who.MEMBER_B);
    assertThat(outsider.statusCode()).isEqualTo(404);
    assertThat(new String(outsider.body(), StandardCharsets.UTF_8)).isEqualTo(new String(absent.body(), StandardCharsets.UTF_8).replace("ACC-2026-9999", id));
    // The coordinator sees case A but does not take part in it: no interim document either.
    assertThat(get("/api/v1/cases/" + id + "/csaf", Who.COORDINATOR).statusCode()).isEqualTo(404);

    world.accord.publication().publish(world.coordinator, id);

    // §7.1 requirements 7 and 9: provider-metadata.json at the well-known URL, valid against its schema.
    JsonNode metadata = JSON.readTree(text("/.well-known/csaf/provider-metadata.json"));
    assertThat(ExportSchemas.providerMetadataProblems(metadata)).isEmpty();
    assertThat(metadata.path("role").asText()).isEqualTo("csaf_trusted_provider");
    assertThat(metadata.path("canonical_url").asText()).isEqualTo(base() + "/.well-known/csaf/provider-metadata.json");
    // Requirement 20: the public key is where the metadata says, and its fingerprint matches.
    JsonNode keyRef = metadata.at("/public_openpgp_keys/0");
    PGPPublicKey publicKey = OpenPgpChecks.publicKey(text(keyRef.path("url").asText()));
    assertThat(java.util.HexFormat.of().formatHex(publicKey.getFingerprint())).isEqualToIgnoringCase(keyRef.path("fingerprint").asText());

    // Requirements 15 and 16: the ROLIE feed (TLP:CLEAR only) and the service document naming it.
    String feedUrl = metadata.at("/distributions/1/rolie/feeds/0/url").asText();
    assertThat(metadata.at("/distributions/1/rolie/feeds/0/tlp_label").asText()).isEqualTo("WHITE");
    assertThat(text("/.well-known/csaf/service.json")).contains(feedUrl);
    JsonNode feed = JSON.readTree(text(feedUrl)).path("feed");
    assertThat(feed.path("entry")).hasSize(1);
    JsonNode entry = feed.path("entry").get(0);
    String documentUrl = entry.path("content").path("src").asText();
    // Requirements 2 and 11: the file name from the tracking id, in the folder of its initial release year.
    assertThat(documentUrl).isEqualTo(base() + "/.well-known/csaf/clear/" + year + "/" + file);
    byte[] document = get(documentUrl, null).body();
    JsonNode csaf = JSON.readTree(document);
    // Requirement 1: a valid CSAF document (schema and §6.1 mandatory tests); final, TLP:CLEAR.
    assertThat(ExportSchemas.problems(AdvisoryFormat.CSAF, csaf)).isEmpty();
    assertThat(csaf.at("/document/tracking/id").asText()).isEqualTo(id);
    assertThat(csaf.at("/document/tracking/status").asText()).isEqualTo("final");
    assertThat(csaf.at("/document/distribution/tlp/label").asText()).isEqualTo("WHITE");
    assertThat(csaf.at("/document/distribution/sharing_group").isMissingNode()).isTrue();
    JsonNode vulnerability = csaf.at("/vulnerabilities/0");
    assertThat(vulnerability.at("/product_status/under_investigation")).hasSize(1);
    assertThat(vulnerability.at("/product_status/known_not_affected")).hasSize(1);
    assertThat(vulnerability.path("involvements").toString()).contains("Libra Vendor (vendor) is completed");
    assertThat(csaf.at("/document/acknowledgments").toString()).contains("Libra Vendor");
    // A is an operator: never named in what is published, whatever it did in the case.
    assertThat(new String(document, StandardCharsets.UTF_8)).doesNotContain(MatrixWorld.A);
    // Requirement 18 and 19: hashes match, the signature verifies with the published key, and fails on a changed byte.
    for (JsonNode link : entry.path("link")) {
      String href = link.path("href").asText();
      switch (link.path("rel").asText()) {
        case "self" -> assertThat(href).isEqualTo(documentUrl);
        case "hash" -> {
          String algorithm = href.endsWith(".sha256") ? "SHA-256" : "SHA-512";
          assertThat(text(href)).isEqualTo(CaseDocuments.digest(algorithm, document) + "  " + file + "\n");
        }
        case "signature" -> {
          PGPSignature signature = signature(text(href));
          assertThat(verifies(signature, publicKey, document)).isTrue();
          byte[] changed = document.clone();
          changed[changed.length / 2] ^= 1;
          assertThat(verifies(signature(text(href)), publicKey, changed)).isFalse();
        }
        default -> throw new AssertionError("unexpected link " + link);
      }
    }
    // Requirements 12 and 13: index.txt and changes.csv name the document; 14: the listings link it.
    assertThat(text("/.well-known/csaf/clear/index.txt")).isEqualTo(year + "/" + file + "\n");
    assertThat(text("/.well-known/csaf/clear/changes.csv")).isEqualTo("\"" + year + "/" + file + "\",\"" + entry.path("updated").asText() + "\"\n");
    assertThat(text("/.well-known/csaf/clear/")).contains("href=\"" + year + "/\"");
    assertThat(text("/.well-known/csaf/clear/" + year + "/")).contains("href=\"" + file + ".asc\"");

    // The OSV directory: the record, all.zip with it, and the modified-date listing.
    JsonNode osv = JSON.readTree(text("/osv/" + osvId + ".json"));
    assertThat(ExportSchemas.problems(AdvisoryFormat.OSV, osv)).isEmpty();
    assertThat(osv.path("aliases").toString()).contains("CVE-2026-4242");
    assertThat(text("/osv/modified_id.csv")).isEqualTo(osv.path("modified").asText() + "," + osvId + "\n");
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(get("/osv/all.zip", null).body()))) {
      assertThat(zip.getNextEntry().getName()).isEqualTo(osvId + ".json");
      assertThat(JSON.readTree(zip.readAllBytes())).isEqualTo(osv);
      assertThat(zip.getNextEntry()).isNull();
    }

    // Per-vendor VEX: not affected and not yet checked stay apart; the operator A gets none (it is not named).
    JsonNode openVex = JSON.readTree(text("/vex/" + id + "/libra-vendor.openvex.json"));
    assertThat(ExportSchemas.problems(AdvisoryFormat.OPENVEX, openVex)).isEmpty();
    Map<String, String> statuses = new java.util.TreeMap<>();
    openVex.path("statements").forEach(s -> statuses.put(s.at("/products/0/@id").asText(), s.path("status").asText()));
    assertThat(statuses).isEqualTo(Map.of("pkg:maven/org.libra/libracore@2.3.4", "fixed",
        "pkg:maven/org.libra/libratools@1.0", "not_affected", "pkg:maven/org.libra/librafx@3.0", "under_investigation"));
    JsonNode cdx = JSON.readTree(text("/vex/" + id + "/libra-vendor.cdx.json"));
    assertThat(ExportSchemas.problems(AdvisoryFormat.CYCLONEDX_VEX, cdx)).isEmpty();
    assertThat(cdx.toString()).contains("\"in_triage\"", "\"not_affected\"");
    assertThat(get("/vex/" + id + "/alphawerk.openvex.json", null).statusCode()).isEqualTo(404);

    // After publication the participants' CSAF route gives the final document.
    assertThat(JSON.readTree(get("/api/v1/cases/" + id + "/csaf", Who.MEMBER_A).body())).isEqualTo(csaf);

    // accord key rotate: the served signature is made with the new key, which the metadata now names.
    CsafKey rotated = CsafKey.rotate(dir, world.accord.clock());
    JsonNode after = JSON.readTree(text("/.well-known/csaf/provider-metadata.json"));
    assertThat(after.at("/public_openpgp_keys/0/fingerprint").asText()).isEqualTo(rotated.fingerprint()).isNotEqualTo(keyRef.path("fingerprint").asText());
    assertThat(verifies(signature(text(documentUrl + ".asc")), rotated.publicKey(), document)).isTrue();
    assertThat(verifies(signature(text(documentUrl + ".asc")), publicKey, document)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("org.accord.testing.TestDatabases#engines")
  void twoCasesPublishedAtOnceWhileOthersAreWrittenBothReachTheFeed(String engine) throws Exception {
    world = new MatrixWorld(engine, dir);
    Principal libra = vendor("Libra Vendor");
    List<String> ids = List.of(caseWithStatuses(libra, "first"), caseWithStatuses(libra, "second"));
    Principal a = world.accord.parties().authenticate(world.credentials.get(Who.MEMBER_A)).orElseThrow();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int n = w;
      writers.add(pool.submit(() -> {
        int written = 0;
        while (!stop.get() || written < 2) {
          String other = world.accord.cases().create(a, "busy " + n + "." + written, null, null).row().id().toString();
          world.accord.cases().propose(a, other, "30d", null);
          written++;
        }
        return written;
      }));
    }
    List<Future<Object>> publishers = new ArrayList<>();
    for (String id : ids) {
      publishers.add(pool.submit(() -> world.accord.publication().publish(world.coordinator, id)));
    }
    for (Future<Object> f : publishers) {
      f.get();
    }
    stop.set(true);
    for (Future<Integer> f : writers) {
      assertThat(f.get()).isGreaterThanOrEqualTo(2);
    }
    pool.shutdown();

    JsonNode feed = JSON.readTree(text("/.well-known/csaf/clear/csaf-feed-tlp-clear.json")).path("feed");
    Set<String> inFeed = new HashSet<>();
    for (JsonNode entry : feed.path("entry")) {
      inFeed.add(entry.path("id").asText());
      // every feed entry points to an existing file whose hash matches
      byte[] document = get(entry.path("content").path("src").asText(), null).body();
      assertThat(text(entry.path("content").path("src").asText() + ".sha256")).startsWith(CaseDocuments.digest("SHA-256", document));
    }
    assertThat(inFeed).containsExactlyInAnyOrderElementsOf(ids);
    String changes = text("/.well-known/csaf/clear/changes.csv");
    assertThat(changes.lines().toList()).hasSize(2);
    ids.forEach(id -> assertThat(changes).contains(CaseDocumentsPaths.csaf(id)));
    assertThat(text("/.well-known/csaf/clear/index.txt").lines().toList()).hasSize(2);
    assertThat(text("/osv/modified_id.csv").lines().toList()).hasSize(2);
  }

  /** The CSAF file name of a case id (§5.1). */
  static final class CaseDocumentsPaths {
    static String csaf(String id) {
      return org.accord.advisory.CaseAdvisoryWriter.csafFileName(id);
    }
  }
}
