package org.accord.web;

import static org.accord.web.MatrixWorld.A;
import static org.accord.web.MatrixWorld.A_PRIVATE_ADVISORY;
import static org.accord.web.MatrixWorld.B;
import static org.accord.web.MatrixWorld.B_PRIVATE_ADVISORY;
import static org.accord.web.MatrixWorld.COORDINATOR_ORG;
import static org.accord.web.MatrixWorld.MISSING_ADVISORY;
import static org.accord.web.MatrixWorld.MISSING_CASE;
import static org.accord.web.MatrixWorld.MISSING_ORG;
import static org.accord.web.MatrixWorld.MISSING_REPORT;
import static org.accord.web.MatrixWorld.MISSING_TOKEN;
import static org.accord.web.MatrixWorld.MISSING_CLAIM;
import static org.accord.web.MatrixWorld.PUBLIC_ADVISORY;
import static org.accord.web.MatrixWorld.PUBLIC_CVE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.accord.testing.Documents;
import org.accord.testing.TestDatabases;
import org.accord.web.MatrixWorld.Who;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Issue 8, item 6: the authorization matrix. For every served route ({@link WebServer#routes()}),
 * every kind of principal ({@link Who}) and every kind of resource the route touches ({@link Res}),
 * the status is the one the rules give, the body shows no marker of data the principal may not see,
 * and a 404 (or 403) for a hidden thing is byte-identical to the one for a missing thing.
 *
 * <p>The rules checked for every cell, whatever the route:
 *
 * <ul>
 *   <li>On a route that needs credentials, the anonymous, malformed, expired and revoked principals
 *       get 401, and the three bad tokens get the same bytes: an expired or revoked token is not told
 *       apart from a forged one.
 *   <li>An unknown query parameter is a 400 (after authentication).
 *   <li>No body contains a marker string ({@link MatrixWorld#markers()}) the principal may not see,
 *       unless the request itself carried it.
 *   <li>Where a principal gets the same 4xx for a hidden thing as for a missing thing, the bodies and
 *       Content-Length are identical once the missing name is replaced by the hidden one (they have
 *       the same length).
 * </ul>
 *
 * <p>{@link #TABLE} is keyed by {@code "METHOD path"}; {@link #everyServedRouteHasAnEntry} fails when
 * a route is served without an entry, or an entry names a route that is not served. Cells that main
 * does not satisfy yet, because another part of issue 8 closes them, are listed in {@link
 * #KNOWN_GAPS} with that part: they are skipped while they fail, and the matrix fails once one passes,
 * so the list only ever shrinks.
 */
class AuthorizationMatrixTest {

  /** The kinds of resource a route may touch; what each means is the entry's. */
  static final String EXERCISE = "scenario: matrix\nworld: {store: true}\nvulnerable: {package: \"pkg:maven/org.libra/libracore\", range: \"vers:maven/<9\"}\n"
      + "clock: {start: 2026-11-22, horizon_days: 30, step_days: 7}\nstrategies: [coordinated]\n";

  static String jsonString(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  enum Res {
    /** The route's plain request: no one's resource in particular, or the caller's own. */
    NONE,
    OF_A,
    OF_B,
    PRIVATE_OF_A,
    PUBLIC,
    /** A thing that does not exist, named as long as the hidden thing beside it. */
    MISSING,
    /**
     * An organization that does not exist, on a route whose {@link #MISSING} is another kind of
     * thing: a hidden organization ({@link #OF_A}, {@link #OF_B}) is compared with it.
     */
    MISSING_ORG,
    /** The entry's first request with an extra, unknown query parameter. */
    UNKNOWN_PARAMETER
  }

  /** One request: the resource name it carries (for comparing 404s) is {@code name}, or null. */
  record Call(String method, String path, String contentType, String body, String name) {
    static Call get(String path) {
      return new Call("GET", path, null, null, null);
    }

    static Call get(String path, String name) {
      return new Call("GET", path, null, null, name);
    }

    static Call post(String path, String contentType, String body, String name) {
      return new Call("POST", path, contentType, body, name);
    }

    Call withUnknownParameter() {
      return new Call(method, path + (path.contains("?") ? "&" : "?") + "accord_unknown=1", contentType, body, name);
    }
  }

  interface Request {
    Call call(MatrixWorld world, Who who);
  }

  interface Statuses {
    /** The statuses the rules allow {@code who} on {@code res} (an authenticated principal, or anyone on an open route). */
    Set<Integer> of(Who who, Res res);
  }

  /** A route's requests per resource kind, and the statuses the rules give. */
  record Entry(boolean open, Map<Res, Request> requests, Statuses statuses) {}

  private static final String API = "/api/v1";
  /** Obligation ids of the same length: neither is in A's case, so every principal gets the same 404 for both. */
  private static final String OBLIGATION_OF_A = "obl_" + "a".repeat(20);
  private static final String MISSING_OBLIGATION = "obl_" + "0".repeat(20);

  /** Every served route. Adding a route means adding one line here. */
  static final Map<String, Entry> TABLE = new TreeMap<>();

  static {
    // Pages and the login that trades a token for a session cookie: open to everyone.
    open("GET /", Map.of(Res.NONE, (w, who) -> Call.get("/")), (who, res) -> is(200));
    open("GET /favicon.ico", Map.of(Res.NONE, (w, who) -> Call.get("/favicon.ico")), (who, res) -> is(204));
    open("GET /session", Map.of(Res.NONE, (w, who) -> Call.get("/session")), (who, res) -> is(200));
    open("POST /session", Map.of(Res.NONE, (w, who) -> Call.post("/session", "application/x-www-form-urlencoded",
        "token=" + URLEncoder.encode(w.credentials.getOrDefault(who, ""), StandardCharsets.UTF_8), null)),
        (who, res) -> is(403)); // without the login page's pre-login cookie and csrf field, as a foreign page posts it (ADR 0088)
    open("POST /logout", Map.of(Res.NONE, (w, who) -> Call.post("/logout", "application/x-www-form-urlencoded", "", null)),
        (who, res) -> is(303));
    open("GET /api/openapi.json", Map.of(Res.NONE, (w, who) -> Call.get("/api/openapi.json")), (who, res) -> is(200));
    // Operations (ADR 0147): public, instance-wide figures only.
    open("GET /healthz", Map.of(Res.NONE, (w, who) -> Call.get("/healthz")), (who, res) -> is(200));
    open("GET /readyz", Map.of(Res.NONE, (w, who) -> Call.get("/readyz")), (who, res) -> is(200));
    open("GET /metrics", Map.of(Res.NONE, (w, who) -> Call.get("/metrics")), (who, res) -> is(200));

    // The transparency log: public, and private events only as commitments.
    open("GET /log/checkpoint", Map.of(Res.NONE, (w, who) -> Call.get("/log/checkpoint")), (who, res) -> is(200));
    open("GET /log/tile/<path>", requests(
            Res.PUBLIC, (w, who) -> Call.get("/log/tile/entries/000.p/" + w.publishedSize()),
            Res.MISSING, (w, who) -> Call.get("/log/tile/entries/999")),
        (who, res) -> is(res == Res.MISSING ? 404 : 200));
    open("GET /api/v1/log/key", Map.of(Res.NONE, (w, who) -> Call.get(API + "/log/key")), (who, res) -> is(200));
    // Indicators of the published cases: public figures from public data only (ADR 0142).
    open("GET /api/v1/indicators", Map.of(Res.NONE, (w, who) -> Call.get(API + "/indicators")), (who, res) -> is(200));
    // History imports (ADR 0156): the coordinator imports any vendor's; an admin only its own, so a row of no one's is 403.
    entry("POST /api/v1/history", Map.of(Res.NONE, (w, who) -> Call.post(API + "/history?name=h.csv", "text/csv",
            "vulnerability,vendor,reported,vendor_notified,vendor_responded,fix_ready,public,exploit_public,attacks_observed\n"
                + "CVE-MATRIX-" + w.next() + ",Matrix Vendor,2025-01-01,,,,2025-02-01,,\n", null)),
        (who, res) -> is(who == Who.COORDINATOR ? 201 : 403));
    open("GET /api/v1/log/proof/inclusion", Map.of(Res.NONE, (w, who) -> Call.get(API + "/log/proof/inclusion?index=0")),
        (who, res) -> is(200));
    open("GET /api/v1/log/proof/consistency", Map.of(Res.NONE, (w, who) -> Call.get(API + "/log/proof/consistency?from=1")),
        (who, res) -> is(200));
    open("GET /api/v1/log/receipts/{index}", requests(
            Res.PUBLIC, (w, who) -> Call.get(API + "/log/receipts/" + w.publicEntry),
            Res.PRIVATE_OF_A, (w, who) -> Call.get(API + "/log/receipts/" + w.privateEntry),
            Res.MISSING, (w, who) -> Call.get(API + "/log/receipts/999999")),
        (who, res) -> is(res == Res.MISSING ? 404 : 200));
    entry("GET /api/v1/log/reveal/{index}", requests(
            Res.PRIVATE_OF_A, (w, who) -> Call.get(API + "/log/reveal/" + w.privateEntry),
            Res.MISSING, (w, who) -> Call.get(API + "/log/reveal/999999")),
        (who, res) -> is(who != Who.COORDINATOR ? 403 : res == Res.MISSING ? 404 : 200));
    entry("POST /api/v1/log/entries", Map.of(Res.NONE, (w, who) -> Call.post(API + "/log/entries", "application/json",
            "{\"type\": \"matrix.test\", \"subject\": \"matrix:" + w.next() + "\", \"data\": {}}", null)),
        (who, res) -> is(who == Who.COORDINATOR ? 201 : 403));

    // Parties: organizations, members, tokens.
    entry("POST /api/v1/orgs", Map.of(Res.NONE, (w, who) -> Call.post(API + "/orgs", "application/json",
            "{\"name\": \"Matrix Org " + w.next() + "\", \"kind\": \"vendor\"}", null)),
        (who, res) -> is(who == Who.COORDINATOR ? 201 : 403));
    entry("GET /api/v1/orgs", Map.of(Res.NONE, (w, who) -> Call.get(API + "/orgs")), (who, res) -> is(200));
    entry("POST /api/v1/orgs/{name}/members", byOrganization(
            (w, org) -> Call.post(API + "/orgs/" + org + "/members", "application/json",
                "{\"email\": \"m" + w.next() + "@matrix.example\"}", org)),
        (who, res) -> managed(who, res, 201));
    entry("GET /api/v1/orgs/{name}/members", byOrganization((w, org) -> Call.get(API + "/orgs/" + org + "/members", org)),
        (who, res) -> managed(who, res, 200));
    entry("POST /api/v1/tokens", byOrganization((w, org) -> Call.post(API + "/tokens", "application/json",
            "{\"organization\": \"" + org + "\", \"label\": \"matrix\"}", org)),
        (who, res) -> managed(who, res, 201));
    Map<Res, Request> tokenLists = new LinkedHashMap<>(Map.of(Res.NONE, (w, who) -> Call.get(API + "/tokens")));
    tokenLists.putAll(byOrganization((w, org) -> Call.get(API + "/tokens?org=" + org, org)));
    entry("GET /api/v1/tokens", tokenLists, (who, res) -> is(switch (res) {
      case NONE -> 200;
      case OF_A -> who.ofA() || who == Who.COORDINATOR ? 200 : 404;
      case OF_B -> who == Who.MEMBER_B || who == Who.COORDINATOR ? 200 : 404;
      default -> 404;
    }));
    entry("DELETE /api/v1/tokens/{id}", requests(
            Res.OF_A, (w, who) -> delete(API + "/tokens/", w.victimToken(A)),
            Res.OF_B, (w, who) -> delete(API + "/tokens/", w.victimToken(B)),
            Res.MISSING, (w, who) -> delete(API + "/tokens/", MISSING_TOKEN)),
        // A machine token is seen by its organization's admins and the coordinator only.
        (who, res) -> is(who == Who.COORDINATOR && res != Res.MISSING || who == Who.ADMIN_A && res == Res.OF_A ? 200 : 404));

    // Jurisdiction rule packs (ADR 0130, 0131): law and published policy, for every authenticated caller.
    entry("GET /api/v1/rules", Map.of(Res.NONE, (w, who) -> Call.get(API + "/rules")), (who, res) -> is(200));
    entry("GET /api/v1/rules/{id}", requests(
            Res.PUBLIC, (w, who) -> Call.get(API + "/rules/eu-cra", "eu-cra"),
            Res.MISSING, (w, who) -> Call.get(API + "/rules/xx-gone", "xx-gone")),
        (who, res) -> is(res == Res.MISSING ? 404 : 200));

    // Notifications (ADR 0119, 0120): a person's own inbox and preferences (a machine token, such as the
    // coordinator's here, has none: 403); another's notification answers as a missing one; dead letters
    // for the coordinator; an organization's webhook for its admins and the coordinator.
    entry("GET /api/v1/inbox", Map.of(Res.NONE, (w, who) -> Call.get(API + "/inbox?order=newest")),
        (who, res) -> is(who == Who.COORDINATOR ? 403 : 200));
    entry("POST /api/v1/inbox/{id}/read", Map.of(Res.MISSING, (w, who) -> Call.post(API + "/inbox/987654321/read", "application/json",
            "{}", null)),
        (who, res) -> is(who == Who.COORDINATOR ? 403 : 404));
    entry("GET /api/v1/members/me/notifications", Map.of(Res.NONE, (w, who) -> Call.get(API + "/members/me/notifications")),
        (who, res) -> is(who == Who.COORDINATOR ? 403 : 200));
    entry("PUT /api/v1/members/me/notifications", Map.of(Res.NONE, (w, who) -> new Call("PUT", API + "/members/me/notifications",
            "application/json", "{\"channels\": [\"inbox\", \"email\"], \"digest\": \"daily\"}", null)),
        (who, res) -> is(who == Who.COORDINATOR ? 403 : 200));
    entry("GET /api/v1/notifications/dead-letters", Map.of(Res.NONE, (w, who) -> Call.get(API + "/notifications/dead-letters?limit=10")),
        (who, res) -> is(who == Who.COORDINATOR ? 200 : 403));
    entry("GET /api/v1/orgs/{name}/webhook", byOrganization((w, org) -> Call.get(API + "/orgs/" + org + "/webhook", org)),
        (who, res) -> managed(who, res, 200));
    entry("PUT /api/v1/orgs/{name}/webhook", byOrganization((w, org) -> new Call("PUT", API + "/orgs/" + org + "/webhook",
            "application/json", "{\"url\": \"https://hooks.example/matrix\"}", org)),
        (who, res) -> managed(who, res, 200));

    // Commitments (ADR 0140, 0141): public promises; only an organization's admin (or the coordinator) writes one,
    // in its own name only: a body naming another organization is refused, and a join names none.
    entry("POST /api/v1/commitments", requests(
            Res.NONE, (w, who) -> Call.post(API + "/commitments", "application/json", Commitments.PLEDGE, null),
            Res.OF_B, (w, who) -> Call.post(API + "/commitments", "application/json",
                Commitments.PLEDGE.replaceFirst("\\{", "{\"organization\": \"" + B + "\", "), null)),
        (who, res) -> is(res == Res.NONE && (who == Who.ADMIN_A || who == Who.COORDINATOR) ? 201 : 403));
    entry("GET /api/v1/commitments", Map.of(Res.NONE, (w, who) -> Call.get(API + "/commitments?kind=pledge&limit=5")),
        (who, res) -> is(200));
    entry("GET /api/v1/alerts", Map.of(Res.NONE, (w, who) -> Call.get(API + "/alerts?limit=5")), (who, res) -> is(200));
    entry("GET /api/v1/commitments/{id}", requests(
            Res.PUBLIC, (w, who) -> Call.get(API + "/commitments/" + Commitments.commitment(w, Commitments.PLEDGE)),
            Res.MISSING, (w, who) -> Call.get(API + "/commitments/" + Commitments.MISSING)),
        (who, res) -> is(res == Res.MISSING ? 404 : 200));
    entry("POST /api/v1/commitments/{id}/members", requests(
            Res.PUBLIC, (w, who) -> Call.post(API + "/commitments/" + Commitments.commitment(w, Commitments.ARRANGEMENT) + "/members", "application/json", "{}", null),
            Res.OF_B, (w, who) -> Call.post(API + "/commitments/" + Commitments.commitment(w, Commitments.ARRANGEMENT) + "/members",
                "application/json", "{\"organization\": \"" + B + "\"}", null),
            Res.MISSING, (w, who) -> Call.post(API + "/commitments/" + Commitments.MISSING + "/members", "application/json", "{}", null)),
        // joining on behalf of another organization: the body names none, so naming one is a 400 for everyone
        (who, res) -> is(res == Res.OF_B ? 400 : res == Res.MISSING ? 404 : who == Who.ADMIN_A || who == Who.COORDINATOR ? 201 : 403));

    // Exercises (ADR 0158): facilitators (the coordinator, a CERT's admins) start them, the right checked before the
    // body is read; a tabletop without seats is a 400 naming them.
    entry("POST /api/v1/exercises", Map.of(Res.NONE, (w, who) -> Call.post(API + "/exercises?runs=5", "application/yaml", EXERCISE, null)),
        (who, res) -> is(who == Who.COORDINATOR ? 201 : 403));
    entry("POST /api/v1/exercises/tabletops", Map.of(Res.NONE, (w, who) -> Call.post(API + "/exercises/tabletops", "application/json",
            "{\"scenario\": " + jsonString(EXERCISE) + ", \"seats\": []}", null)),
        (who, res) -> is(who == Who.COORDINATOR ? 400 : 403));
    entry("GET /api/v1/exercises/{id}", Map.of(Res.MISSING, (w, who) -> Call.get(API + "/exercises/EX-000000000000000000000000")),
        (who, res) -> is(404));
    entry("GET /api/v1/exercises/{id}/report.html", Map.of(Res.MISSING, (w, who) -> Call.get(API + "/exercises/EX-000000000000000000000000/report.html")),
        (who, res) -> is(404));
    entry("POST /api/v1/exercises/{id}/end", Map.of(Res.MISSING, (w, who) -> Call.post(API + "/exercises/EX-000000000000000000000000/end", "application/json", "{}", null)),
        (who, res) -> is(404));

    // Product claims: anyone claims for its own organization, the coordinator decides.
    entry("POST /api/v1/claims", requests(
            Res.NONE, (w, who) -> Call.post(API + "/claims", "application/json",
                "{\"purl\": \"pkg:generic/matrix/product-" + w.next() + "\"}", null),
            Res.OF_A, (w, who) -> Call.post(API + "/claims", "application/json",
                "{\"purl\": \"pkg:generic/matrix/product-" + w.next() + "\", \"organization\": \"" + A + "\"}", A),
            Res.MISSING, (w, who) -> Call.post(API + "/claims", "application/json",
                "{\"purl\": \"pkg:generic/matrix/product-" + w.next() + "\", \"organization\": \"" + MISSING_ORG + "\"}", MISSING_ORG)),
        (who, res) -> actingFor(who, res));
    entry("GET /api/v1/claims", Map.of(Res.NONE, (w, who) -> Call.get(API + "/claims")), (who, res) -> is(200));
    entry("POST /api/v1/claims/{id}/approve", requests(
            Res.OF_A, (w, who) -> Call.post(API + "/claims/" + w.pendingClaim(A) + "/approve", "application/json", "{}", null),
            Res.MISSING, (w, who) -> Call.post(API + "/claims/" + MISSING_CLAIM + "/approve", "application/json", "{}", null)),
        (who, res) -> is(who != Who.COORDINATOR ? 403 : res == Res.MISSING ? 404 : 200));
    entry("POST /api/v1/claims/{id}/reject", requests(
            Res.OF_A, (w, who) -> Call.post(API + "/claims/" + w.pendingClaim(A) + "/reject", "application/json",
                "{\"reason\": \"matrix\"}", null),
            Res.MISSING, (w, who) -> Call.post(API + "/claims/" + MISSING_CLAIM + "/reject", "application/json", "{}", null)),
        (who, res) -> is(who != Who.COORDINATOR ? 403 : res == Res.MISSING ? 404 : 200));

    // The pages of signed-in members (ADR 0150): without a valid credential a redirect to /signin; a case page
    // shows what GET /api/v1/cases/{id} shows, and a hidden case is the missing case's 404 page.
    open("GET /signin", Map.of(Res.NONE, (w, who) -> Call.get("/signin?next=/cases")), (who, res) -> is(200));
    open("GET /cases", requests(
            Res.NONE, (w, who) -> Call.get("/cases"),
            Res.OF_A, (w, who) -> Call.get("/cases?role=vendor&state=none&awaiting=on&tz=Europe/Zurich")),
        (who, res) -> is(who.authenticated() ? 200 : 303));
    open("GET /cases/{id}", requests(
            Res.OF_A, (w, who) -> Call.get("/cases/" + w.caseOfA + "?tz=Europe/Zurich", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get("/cases/" + MISSING_CASE + "?tz=Europe/Zurich", MISSING_CASE)),
        (who, res) -> is(!who.authenticated() ? 303 : seesCase(who, res) ? 200 : 404));
    // The plan page (ADR 0157): as GET /api/v1/cases/{id}/plan, to the case owner (A) and the coordinator.
    open("GET /cases/{id}/plan", requests(
            Res.OF_A, (w, who) -> Call.get("/cases/" + w.caseOfA + "/plan?tz=Europe/Zurich", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get("/cases/" + MISSING_CASE + "/plan?tz=Europe/Zurich", MISSING_CASE)),
        (who, res) -> is(!who.authenticated() ? 303 : seesCase(who, res) ? 200 : 404));
    // The exposure map (ADR 0157): as GET /api/v1/where-used, to any signed-in member, k-anonymous cells.
    open("GET /exposure", requests(
            Res.NONE, (w, who) -> Call.get("/exposure"),
            Res.OF_A, (w, who) -> Call.get("/exposure?purl=pkg:maven/org.libra/libracore&view=shared")),
        (who, res) -> is(who.authenticated() ? 200 : 303));
    // Organization settings (ADR 0157): each section as its API route answers the signed-in member.
    open("GET /settings", Map.of(Res.NONE, (w, who) -> Call.get("/settings")), (who, res) -> is(who.authenticated() ? 200 : 303));
    // The public transparency dashboard (ADR 0157): the same page for everyone, public data only.
    open("GET /transparency", Map.of(Res.NONE, (w, who) -> Call.get("/transparency")), (who, res) -> is(200));

    // Disclosure cases: participants only; anyone else gets the answer for a missing case (ADR 0104).
    entry("POST /api/v1/cases", Map.of(Res.NONE, (w, who) -> Call.post(API + "/cases", "application/json",
            "{\"title\": \"Matrix case " + w.next() + "\"}", null)),
        (who, res) -> is(201));
    entry("GET /api/v1/cases", Map.of(Res.NONE, (w, who) -> Call.get(API + "/cases")), (who, res) -> is(200));
    entry("GET /api/v1/cases/{id}", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA, w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE, MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("GET /api/v1/cases/{id}/events", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/events", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/events", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("GET /api/v1/cases/{id}/commitments", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/commitments", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/commitments", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("GET /api/v1/cases/{id}/alerts", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/alerts", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/alerts", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("POST /api/v1/cases/{id}/participants", caseWrite("none", "/participants",
            "{\"organization\": \"" + COORDINATOR_ORG + "\", \"roles\": [\"coordinator\"]}"),
        (who, res) -> is(seesCase(who, res) ? 201 : 404));
    entry("POST /api/v1/cases/{id}/embargo", caseWrite("none", "/embargo", "{\"end\": \"30d\"}"),
        // the coordinator sees the case but does not take part in it, so it proposes nothing
        (who, res) -> is(!seesCase(who, res) ? 404 : who == Who.COORDINATOR ? 403 : 200));
    entry("POST /api/v1/cases/{id}/embargo/accept", caseWrite("proposed", "/embargo/accept", "{}"),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("POST /api/v1/cases/{id}/embargo/reject", caseWrite("proposed", "/embargo/reject", "{}"),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("POST /api/v1/cases/{id}/embargo/terminate", caseWrite("active", "/embargo/terminate", "{}"),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("POST /api/v1/cases/{id}/transitions", caseWrite("active", "/transitions", "{\"event\": \"attacks_observed\"}"),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    // Case items (ADR 0107): the same 404 for a case the caller does not see.
    entry("POST /api/v1/cases/{id}/vulnerabilities", caseWrite("none", "/vulnerabilities",
            "{\"alias\": \"CVE-2026-0001\", \"affected\": [\"pkg:maven/org.libra/libracore [2.0,2.3.4)\"]}"),
        (who, res) -> is(seesCase(who, res) ? 201 : 404));
    entry("GET /api/v1/cases/{id}/vulnerabilities", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/vulnerabilities", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/vulnerabilities", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("GET /api/v1/cases/{id}/suggestions", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/suggestions", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/suggestions", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    // Notification plans (ADR 0134): the case owner (A) or the coordinator; A's case has no other participant.
    entry("POST /api/v1/cases/{id}/plan", requests(
            Res.OF_A, (w, who) -> {
              String id = w.plannableCaseOfA(false);
              return Call.post(API + "/cases/" + id + "/plan", "application/json", "{\"strategy\": \"coordinated\"}", id);
            },
            Res.MISSING, (w, who) -> Call.post(API + "/cases/" + MISSING_CASE + "/plan", "application/json", "{}", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 201 : 404));
    entry("GET /api/v1/cases/{id}/plan", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/plan", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/plan", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("POST /api/v1/cases/{id}/plan/adopt", requests(
            Res.OF_A, (w, who) -> {
              String id = w.plannableCaseOfA(true);
              return Call.post(API + "/cases/" + id + "/plan/adopt", "application/json", "{\"draft\": " + w.draftOf(id) + "}", id);
            },
            Res.MISSING, (w, who) -> Call.post(API + "/cases/" + MISSING_CASE + "/plan/adopt", "application/json", "{\"draft\": 1}",
                MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    // Case terms (ADR 0152): every participant reads them; the owner (A) or the coordinator declares them.
    entry("GET /api/v1/cases/{id}/terms", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/terms", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/terms", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("POST /api/v1/cases/{id}/terms", caseWrite("none", "/terms", "{\"network_product\": true}"),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    // Conflicts of the adopted plan (ADR 0139): A's case has no adopted plan, so its planners get the 409 that says so.
    entry("POST /api/v1/cases/{id}/plan/conflicts/{cid}/acknowledge", requests(
            Res.OF_A, (w, who) -> Call.post(API + "/cases/" + w.caseOfA + "/plan/conflicts/1/acknowledge", "application/json", "{}", w.caseOfA),
            Res.MISSING, (w, who) -> Call.post(API + "/cases/" + MISSING_CASE + "/plan/conflicts/1/acknowledge", "application/json", "{}",
                MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 409 : 404));
    // Obligations (ADR 0138): listed to whoever sees the case (each sees its own organization's); an obligation
    // another may not see answers as a missing one, so a hidden and an absent id in A's case give the same bytes.
    entry("GET /api/v1/cases/{id}/obligations", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/obligations", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/obligations", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("POST /api/v1/cases/{id}/obligations/{oid}/fulfil", requests(
            Res.OF_A, (w, who) -> Call.post(API + "/cases/" + w.caseOfA + "/obligations/" + OBLIGATION_OF_A + "/fulfil", "application/json",
                "{\"reference\": \"matrix\"}", OBLIGATION_OF_A),
            Res.MISSING, (w, who) -> Call.post(API + "/cases/" + w.caseOfA + "/obligations/" + MISSING_OBLIGATION + "/fulfil",
                "application/json", "{\"reference\": \"matrix\"}", MISSING_OBLIGATION)),
        (who, res) -> is(404));
    entry("POST /api/v1/cases/{id}/statuses", caseWrite("none", "/statuses", "{\"product\": \"pkg:generic/matrix-product\"}"),
        // the coordinator sees the case but does not take part: it must name the participant
        (who, res) -> is(!seesCase(who, res) ? 404 : who == Who.COORDINATOR ? 403 : 200));
    entry("GET /api/v1/cases/{id}/statuses", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/statuses", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/statuses", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("POST /api/v1/cases/{id}/acknowledge", caseWrite("none", "/acknowledge", "{}"),
        (who, res) -> is(!seesCase(who, res) ? 404 : who == Who.COORDINATOR ? 403 : 200));
    // The access log (ADR 0113) names people: A's admin (A owns the case) and the coordinator read it; A's
    // plain member sees the case but not who looked at it; B does not see the case.
    entry("GET /api/v1/cases/{id}/access-log", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/access-log", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/access-log", MISSING_CASE)),
        (who, res) -> is(!seesCase(who, res) ? 404 : who == Who.MEMBER_A ? 403 : 200));
    // Deadlines as iCalendar (ADR 0132): whoever sees the case; the same 404 for a hidden one.
    entry("GET /api/v1/cases/{id}/calendar.ics", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/calendar.ics", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/calendar.ics", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("GET /api/v1/calendar.ics", Map.of(Res.NONE, (w, who) -> Call.get(API + "/calendar.ics")), (who, res) -> is(200));

    // Publication (ADR 0109): the owner or the coordinator publishes; the bundle of a published case is
    // public, an unpublished one answers like a missing one, even to its participants.
    // A is an operator, which the public log does not name, so its members ask the coordinator.
    entry("POST /api/v1/cases/{id}/publish", caseWrite("active", "/publish", "{}"),
        (who, res) -> is(!seesCase(who, res) ? 404 : who == Who.COORDINATOR ? 200 : 403));
    open("GET /api/v1/cases/{id}/reveal", requests(
            Res.PUBLIC, (w, who) -> Call.get(API + "/cases/" + w.publishedCase() + "/reveal"),
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/reveal", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/reveal", MISSING_CASE)),
        (who, res) -> is(res == Res.PUBLIC ? 200 : 404));

    // Credit (ADR 0115): each participant chooses its own; the coordinator sees the case but does not take part.
    entry("POST /api/v1/cases/{id}/credit", caseWrite("none", "/credit", "{\"credit\": \"public\"}"),
        (who, res) -> is(!seesCase(who, res) ? 404 : who == Who.COORDINATOR ? 403 : 200));
    // Published documents (ADRs 0121, 0122): public files of published cases; an unpublished case's answer as
    // missing ones. The interim CSAF is for the case's participants only (the coordinator does not take part).
    open("GET /.well-known/csaf/provider-metadata.json", Map.of(Res.NONE, (w, who) -> Call.get("/.well-known/csaf/provider-metadata.json")),
        (who, res) -> is(200));
    open("GET /.well-known/csaf/service.json", Map.of(Res.NONE, (w, who) -> Call.get("/.well-known/csaf/service.json")), (who, res) -> is(200));
    open("GET /.well-known/csaf/openpgp/{key}", requests(
            Res.PUBLIC, (w, who) -> Call.get("/.well-known/csaf/openpgp/"
                + org.accord.app.CsafKey.current(w.accord.config().dataDir(), w.accord.clock()).fingerprint() + ".asc"),
            Res.MISSING, (w, who) -> Call.get("/.well-known/csaf/openpgp/0000000000000000000000000000000000000000.asc")),
        (who, res) -> is(res == Res.PUBLIC ? 200 : 404));
    open("GET /.well-known/csaf/clear", Map.of(Res.NONE, (w, who) -> Call.get("/.well-known/csaf/clear")), (who, res) -> is(200));
    open("GET /.well-known/csaf/clear/{file}", requests(
            Res.PUBLIC, (w, who) -> Call.get("/.well-known/csaf/clear/changes.csv"),
            Res.MISSING, (w, who) -> Call.get("/.well-known/csaf/clear/1999")),
        (who, res) -> is(res == Res.PUBLIC ? 200 : 404));
    open("GET /.well-known/csaf/clear/{year}/{file}", requests(
            Res.OF_A, (w, who) -> Call.get("/.well-known/csaf/clear/2026/" + w.caseOfA.toLowerCase(java.util.Locale.ROOT) + ".json",
                w.caseOfA.toLowerCase(java.util.Locale.ROOT)),
            Res.MISSING, (w, who) -> Call.get("/.well-known/csaf/clear/2026/" + MISSING_CASE.toLowerCase(java.util.Locale.ROOT) + ".json",
                MISSING_CASE.toLowerCase(java.util.Locale.ROOT))),
        (who, res) -> is(404));
    open("GET /osv/{file}", requests(
            Res.PUBLIC, (w, who) -> Call.get("/osv/x_" + w.publishedCase() + ".json"),
            Res.OF_A, (w, who) -> Call.get("/osv/x_" + w.caseOfA + ".json", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get("/osv/x_" + MISSING_CASE + ".json", MISSING_CASE)),
        (who, res) -> is(res == Res.PUBLIC ? 200 : 404));
    open("GET /vex/{case}/{file}", requests(
            Res.OF_A, (w, who) -> Call.get("/vex/" + w.caseOfA + "/alphawerk.openvex.json", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get("/vex/" + MISSING_CASE + "/alphawerk.openvex.json", MISSING_CASE)),
        (who, res) -> is(404));
    entry("GET /api/v1/cases/{id}/csaf", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/csaf", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/csaf", MISSING_CASE)),
        (who, res) -> is(res == Res.OF_A && who.ofA() ? 200 : 404));

    // Case messages (ADR 0117): the case's viewers; a hidden case, thread or message answers like a missing one.
    entry("GET /api/v1/cases/{id}/threads", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/threads", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/threads", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("GET /api/v1/cases/{id}/threads/{thread}/messages", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/threads/" + w.threadOfA + "/messages", w.threadOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/threads/" + MatrixWorld.MISSING_THREAD + "/messages",
                MatrixWorld.MISSING_THREAD)),
        (who, res) -> is(seesCase(who, Res.OF_A) && res == Res.OF_A ? 200 : 404));
    entry("POST /api/v1/cases/{id}/threads/{thread}/read", requests(
            Res.OF_A, (w, who) -> Call.post(API + "/cases/" + w.caseOfA + "/threads/" + w.threadOfA + "/read", "application/json", "{}",
                w.threadOfA),
            Res.MISSING, (w, who) -> Call.post(API + "/cases/" + w.caseOfA + "/threads/" + MatrixWorld.MISSING_THREAD + "/read",
                "application/json", "{}", MatrixWorld.MISSING_THREAD)),
        (who, res) -> is(seesCase(who, Res.OF_A) && res == Res.OF_A ? 200 : 404));
    entry("POST /api/v1/cases/{id}/messages", requests(
            Res.OF_A, (w, who) -> Call.post(API + "/cases/" + w.caseOfA + "/messages", "application/json", "{\"body\": \"matrix post\"}",
                w.caseOfA),
            Res.MISSING, (w, who) -> Call.post(API + "/cases/" + MISSING_CASE + "/messages", "application/json",
                "{\"body\": \"matrix post\"}", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 201 : 404));
    entry("GET /api/v1/cases/{id}/messages", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/messages?q=matrix", w.caseOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + MISSING_CASE + "/messages?q=matrix", MISSING_CASE)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("GET /api/v1/cases/{id}/messages/{message}", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/messages/" + w.messageOfA, w.messageOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/messages/" + MatrixWorld.MISSING_MESSAGE,
                MatrixWorld.MISSING_MESSAGE)),
        (who, res) -> is(seesCase(who, Res.OF_A) && res == Res.OF_A ? 200 : 404));
    // Only the author (A's member) edits; the coordinator and A's admin see the message but may not.
    entry("POST /api/v1/cases/{id}/messages/{message}/versions", requests(
            Res.OF_A, (w, who) -> Call.post(API + "/cases/" + w.caseOfA + "/messages/" + w.messageOfA + "/versions", "application/json",
                "{\"body\": \"matrix edit\"}", w.messageOfA),
            Res.MISSING, (w, who) -> Call.post(API + "/cases/" + w.caseOfA + "/messages/" + MatrixWorld.MISSING_MESSAGE + "/versions",
                "application/json", "{\"body\": \"matrix edit\"}", MatrixWorld.MISSING_MESSAGE)),
        (who, res) -> is(!seesCase(who, Res.OF_A) || res != Res.OF_A ? 404 : who == Who.MEMBER_A ? 201 : 403));
    entry("GET /api/v1/cases/{id}/messages/{message}/attachments/{n}", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/messages/" + w.messageOfA + "/attachments/1", w.messageOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/cases/" + w.caseOfA + "/messages/" + MatrixWorld.MISSING_MESSAGE + "/attachments/1",
                MatrixWorld.MISSING_MESSAGE)),
        (who, res) -> is(seesCase(who, Res.OF_A) && res == Res.OF_A ? 200 : 404));
    // Reports: the reporter's organization and the coordinator see one; only the coordinator moves it (ADR 0106).
    entry("POST /api/v1/reports", Map.of(Res.NONE, (w, who) -> Call.post(API + "/reports", "text/markdown",
            MatrixWorld.reportBody(w.next()), null)),
        (who, res) -> is(201));
    entry("GET /api/v1/reports", Map.of(Res.NONE, (w, who) -> Call.get(API + "/reports")), (who, res) -> is(200));
    entry("GET /api/v1/reports/{id}", requests(
            Res.OF_A, (w, who) -> Call.get(API + "/reports/" + w.reportOfA, w.reportOfA),
            Res.MISSING, (w, who) -> Call.get(API + "/reports/" + MISSING_REPORT, MISSING_REPORT)),
        (who, res) -> is(seesCase(who, res) ? 200 : 404));
    entry("POST /api/v1/reports/{id}/transitions", requests(
            Res.OF_A, (w, who) -> {
              String id = w.freshReportOfA();
              return Call.post(API + "/reports/" + id + "/transitions", "application/json", "{\"event\": \"validate\"}", id);
            },
            Res.MISSING, (w, who) -> Call.post(API + "/reports/" + MISSING_REPORT + "/transitions", "application/json",
                "{\"event\": \"validate\"}", MISSING_REPORT)),
        (who, res) -> is(!seesCase(who, res) ? 404 : who == Who.COORDINATOR ? 200 : 403));

    entry("POST /api/v1/reports/{id}/messages", requests(
            Res.OF_A, (w, who) -> Call.post(API + "/reports/" + w.reportOfA + "/messages", "application/json",
                "{\"text\": \"matrix reply\"}", w.reportOfA),
            Res.MISSING, (w, who) -> Call.post(API + "/reports/" + MISSING_REPORT + "/messages", "application/json",
                "{\"text\": \"matrix reply\"}", MISSING_REPORT)),
        (who, res) -> is(!seesCase(who, res) ? 404 : who == Who.COORDINATOR ? 201 : 403));
    // Anonymous intake: public pages; the follow-up secret is the only key (ADR 0106).
    // The C2SP tlog-witness protocol (ADR 0144): public, the checkpoint's signature is its only credential; an
    // origin this instance does not witness is 404 for everyone, and so is an origin hash with no checkpoint.
    open("POST /witness/add-checkpoint", Map.of(Res.NONE, (w, who) -> Call.post("/witness/add-checkpoint", "text/plain",
            "old 0\n\nexample.org/matrix\n1\n" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n\n\u2014 example.org/matrix "
                + java.util.Base64.getEncoder().encodeToString(new byte[68]) + "\n", null)),
        (who, res) -> is(404));
    open("GET /witness/{origin}/checkpoint", Map.of(Res.MISSING, (w, who) -> Call.get("/witness/" + "0".repeat(64) + "/checkpoint")),
        (who, res) -> is(404));
    // This log's witnesses and the witness alerts (ADR 0153): public, instance-wide facts of public logs.
    open("GET /api/v1/log/witnesses", Map.of(Res.NONE, (w, who) -> Call.get(API + "/log/witnesses")), (who, res) -> is(200));
    open("GET /report", Map.of(Res.NONE, (w, who) -> Call.get("/report")), (who, res) -> is(200));
    open("POST /report", Map.of(Res.NONE, (w, who) -> Call.post("/report", "application/x-www-form-urlencoded",
            "title=Matrix+" + w.next() + "&description=d&affected=pkg%3Amaven%2Forg.libra%2Flibracore+%5B2.0%2C2.3.4%29", null)),
        (who, res) -> Set.of(201, 429)); // every cell posts from 127.0.0.1: after five an hour, 429
    open("GET /report/follow/{secret}", requests(
            Res.OF_A, (w, who) -> Call.get("/report/follow/" + w.anonymousSecret, w.anonymousSecret),
            Res.MISSING, (w, who) -> Call.get("/report/follow/" + MatrixWorld.MISSING_SECRET, MatrixWorld.MISSING_SECRET)),
        (who, res) -> is(res == Res.MISSING ? 404 : 200));
    open("POST /report/follow/{secret}", requests(
            Res.OF_A, (w, who) -> Call.post("/report/follow/" + w.anonymousSecret, "application/x-www-form-urlencoded", "text=hello",
                w.anonymousSecret),
            Res.MISSING, (w, who) -> Call.post("/report/follow/" + MatrixWorld.MISSING_SECRET, "application/x-www-form-urlencoded",
                "text=hello", MatrixWorld.MISSING_SECRET)),
        (who, res) -> is(res == Res.MISSING ? 404 : 303));

    // Exposure: documents in, where-used and the catalogue out.
    entry("POST /api/v1/sboms", uploads(API + "/sboms", (w, who) -> Documents.cycloneDx("matrix-product-" + w.next(), "2.3.1"), "application/json"),
        (who, res) -> actingFor(who, res));
    entry("POST /api/v1/inventories", requests(
            Res.NONE, (w, who) -> Call.post(API + "/inventories", "text/csv",
                MatrixWorld.inventory(w.organizationOf(who), "Matrix Site " + w.next(), MatrixWorld.A_PRODUCT), null),
            Res.OF_A, (w, who) -> Call.post(API + "/inventories?org=" + A, "text/csv",
                MatrixWorld.inventory(A, "Matrix Site " + w.next(), MatrixWorld.A_PRODUCT), A),
            // Rows naming another operator, uploaded without acting for it: a forgery.
            Res.OF_B, (w, who) -> Call.post(API + "/inventories", "text/csv",
                MatrixWorld.inventory(B, "Forged Site " + w.next(), MatrixWorld.A_PRODUCT), null),
            // Rows naming an operator that does not exist: refused, never created.
            Res.MISSING, (w, who) -> Call.post(API + "/inventories", "text/csv",
                MatrixWorld.inventory("Sybil Operator " + w.next(), "Sybil Site", MatrixWorld.A_PRODUCT), null)),
        (who, res) -> switch (res) {
          case NONE -> is(201);
          case OF_A -> actingFor(who, res);
          case OF_B -> who == Who.MEMBER_B ? is(201) : oneOf(400, 403);
          default -> oneOf(400, 404);
        });
    entry("GET /api/v1/where-used", Map.of(Res.NONE, (w, who) -> Call.get(API + "/where-used?purl=pkg:maven/org.libra/libracore")),
        (who, res) -> is(200));
    entry("GET /api/v1/components", Map.of(Res.NONE, (w, who) -> Call.get(API + "/components?q=libracore")), (who, res) -> is(200));

    // Advisories, findings, triage and evidence feeds.
    Map<Res, Request> advisoryUploads = new LinkedHashMap<>(uploads(API + "/advisories",
        (w, who) -> Documents.osv("OSV-MATRIX-" + w.next(), "CVE-2098-" + (1000 + w.next())), "application/json"));
    advisoryUploads.put(Res.PRIVATE_OF_A, (w, who) -> Call.post(API + "/advisories?private=true&org=" + A, "application/json",
        Documents.osv("OSV-MATRIX-" + w.next(), "CVE-2098-" + (1000 + w.next())), A));
    // The id of an advisory the coordinator imported: everyone's import is kept beside it.
    advisoryUploads.put(Res.PUBLIC, (w, who) -> Call.post(API + "/advisories", "application/json",
        Documents.osv(PUBLIC_ADVISORY, PUBLIC_CVE).replace("LibraCore deserialization", "Seen by " + who), null));
    entry("POST /api/v1/advisories", advisoryUploads, (who, res) -> switch (res) {
      case PRIVATE_OF_A -> actingFor(who, Res.OF_A);
      case PUBLIC -> oneOf(200, 201);
      default -> actingFor(who, res);
    });
    entry("GET /api/v1/advisories", requests(
            Res.NONE, (w, who) -> Call.get(API + "/advisories"),
            Res.PRIVATE_OF_A, (w, who) -> Call.get(API + "/advisories?id=" + A_PRIVATE_ADVISORY)),
        (who, res) -> is(200));
    entry("GET /api/v1/advisories/{id}", requests(
            Res.PUBLIC, (w, who) -> Call.get(API + "/advisories/" + PUBLIC_ADVISORY, PUBLIC_ADVISORY),
            Res.PRIVATE_OF_A, (w, who) -> Call.get(API + "/advisories/" + A_PRIVATE_ADVISORY, A_PRIVATE_ADVISORY),
            Res.OF_B, (w, who) -> Call.get(API + "/advisories/" + B_PRIVATE_ADVISORY, B_PRIVATE_ADVISORY),
            Res.MISSING, (w, who) -> Call.get(API + "/advisories/" + MISSING_ADVISORY, MISSING_ADVISORY)),
        (who, res) -> is(sees(who, res) ? 200 : 404));
    entry("GET /api/v1/findings", requests(
            Res.NONE, (w, who) -> Call.get(API + "/findings"),
            Res.OF_A, (w, who) -> Call.get(API + "/findings?org=" + A, A),
            Res.OF_B, (w, who) -> Call.get(API + "/findings?org=" + B, B),
            Res.MISSING, (w, who) -> Call.get(API + "/findings?org=" + MISSING_ORG, MISSING_ORG)),
        (who, res) -> ownOrganizationFilter(who, res));
    entry("GET /api/v1/triage", requests(
            Res.PUBLIC, (w, who) -> Call.get(API + "/triage?as=deployer&advisory=" + PUBLIC_ADVISORY, PUBLIC_ADVISORY),
            Res.PRIVATE_OF_A, (w, who) -> Call.get(API + "/triage?as=deployer&advisory=" + A_PRIVATE_ADVISORY, A_PRIVATE_ADVISORY),
            Res.OF_A, (w, who) -> Call.get(API + "/triage?as=deployer&advisory=" + PUBLIC_ADVISORY + "&org=" + A, A),
            Res.MISSING_ORG, (w, who) -> Call.get(API + "/triage?as=deployer&advisory=" + PUBLIC_ADVISORY + "&org=" + MISSING_ORG, MISSING_ORG),
            Res.MISSING, (w, who) -> Call.get(API + "/triage?as=deployer&advisory=" + MISSING_ADVISORY, MISSING_ADVISORY)),
        (who, res) -> res == Res.OF_A || res == Res.MISSING_ORG ? ownOrganizationFilter(who, res) : is(sees(who, res) ? 200 : 404));
    entry("POST /api/v1/triage", requests(
            Res.PUBLIC, (w, who) -> Call.post(API + "/triage?as=deployer&advisory=" + PUBLIC_ADVISORY, "application/json",
                w.deployerTable(), PUBLIC_ADVISORY),
            Res.PRIVATE_OF_A, (w, who) -> Call.post(API + "/triage?as=deployer&advisory=" + A_PRIVATE_ADVISORY, "application/json",
                w.deployerTable(), A_PRIVATE_ADVISORY),
            Res.MISSING, (w, who) -> Call.post(API + "/triage?as=deployer&advisory=" + MISSING_ADVISORY, "application/json",
                w.deployerTable(), MISSING_ADVISORY)),
        (who, res) -> is(sees(who, res) ? 200 : 404));
    entry("POST /api/v1/evidence/kev", Map.of(Res.NONE, (w, who) -> Call.post(API + "/evidence/kev", "application/json",
            Documents.kev(w.nextDay().replace('-', '.'), PUBLIC_CVE), null)),
        (who, res) -> who == Who.COORDINATOR ? oneOf(200, 201) : is(403));
    entry("POST /api/v1/evidence/epss", Map.of(Res.NONE, (w, who) -> Call.post(API + "/evidence/epss", "text/csv",
            "#model_version:v2025.03.14,score_date:" + w.nextDay() + "T12:55:00Z\n"
                + "cve,epss,percentile\n" + PUBLIC_CVE + ",0.5,0.9\n", null)),
        (who, res) -> who == Who.COORDINATOR ? oneOf(200, 201) : is(403));
  }

  /**
   * Cells main does not satisfy yet, by {@code "METHOD path WHO RES"} ({@code *} for any principal or
   * resource), with the part of issue 8 that closes them. The lead empties this list as the parts
   * merge; a listed cell that passes fails the matrix, so the list cannot go stale.
   */
  static final Map<String, String> KNOWN_GAPS = new TreeMap<>(Map.ofEntries(
  ));

  // ---------------------------------------------------------------------------------------------

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private static final Map<String, MatrixWorld> WORLDS = new ConcurrentHashMap<>();
  private static final Map<String, HttpResponse<byte[]>> RESPONSES = new ConcurrentHashMap<>();
  private static final Map<String, Boolean> GAPS_SEEN_FAILING = new ConcurrentHashMap<>();
  private static Path root;

  @AfterAll
  static void closeWorlds() throws java.io.IOException {
    String dump = System.getProperty("accord.matrix.dump");
    if (dump != null) { // -Daccord.matrix.dump=FILE writes every answer, for reading the matrix by hand
      StringBuilder text = new StringBuilder();
      new TreeMap<>(RESPONSES).forEach((cell, response) -> text.append("== ").append(cell).append(" -> ")
          .append(response.statusCode()).append('\n').append(new String(response.body(), StandardCharsets.UTF_8)).append('\n'));
      Files.writeString(Path.of(dump), text);
    }
    WORLDS.values().forEach(MatrixWorld::close);
    WORLDS.clear();
    RESPONSES.clear();
  }

  static synchronized MatrixWorld world(String engine) {
    return WORLDS.computeIfAbsent(engine, e -> {
      try {
        if (root == null) {
          root = Files.createTempDirectory("accord-matrix");
        }
        return new MatrixWorld(e, Files.createDirectories(root.resolve(e)));
      } catch (java.io.IOException io) {
        throw new java.io.UncheckedIOException(io);
      }
    });
  }

  @Test
  void everyServedRouteHasAnEntry() {
    MatrixWorld world = world("sqlite");
    assertThat(TABLE.keySet())
        .as("the matrix has exactly one entry per served route (add a line to TABLE for a new route)")
        .isEqualTo(new TreeSet<>(world.server.routes()));
  }

  @TestFactory
  Stream<DynamicNode> matrix() {
    return TestDatabases.engines().map(engine -> DynamicContainer.dynamicContainer(engine, cells(engine)));
  }

  private Stream<DynamicNode> cells(String engine) {
    List<DynamicNode> nodes = new ArrayList<>();
    for (Map.Entry<String, Entry> route : TABLE.entrySet()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (Res res : resources(route.getValue())) {
        for (Who who : Who.values()) {
          String cell = route.getKey() + " " + who + " " + res;
          tests.add(DynamicTest.dynamicTest(who + " " + res, () -> runCell(engine, route.getKey(), route.getValue(), who, res, cell)));
        }
      }
      nodes.add(DynamicContainer.dynamicContainer(route.getKey(), tests));
    }
    nodes.add(DynamicTest.dynamicTest("every known gap is still open", () -> {
      List<String> closed = KNOWN_GAPS.keySet().stream().filter(gap -> !GAPS_SEEN_FAILING.containsKey(engine + " " + gap)).toList();
      assertThat(closed).as("known gaps that no longer fail on %s: remove them from KNOWN_GAPS", engine).isEmpty();
    }));
    return nodes.stream();
  }

  private static List<Res> resources(Entry entry) {
    List<Res> resources = new ArrayList<>(entry.requests().keySet()); // in the order the entry declares them
    resources.add(Res.UNKNOWN_PARAMETER);
    return resources;
  }

  private static void runCell(String engine, String route, Entry entry, Who who, Res res, String cell) throws Exception {
    String gap = gapOf(cell);
    try {
      check(engine, route, entry, who, res);
    } catch (AssertionError failure) {
      if (gap != null) {
        GAPS_SEEN_FAILING.put(engine + " " + gap, true);
        throw new TestAbortedException("known gap (" + KNOWN_GAPS.get(gap) + "): " + failure.getMessage());
      }
      throw failure;
    }
  }

  private static void check(String engine, String route, Entry entry, Who who, Res res) throws Exception {
    MatrixWorld world = world(engine);
    Call call = call(entry, res, world, who);
    HttpResponse<byte[]> response = send(engine, route, world, who, res, call);
    String body = new String(response.body(), StandardCharsets.UTF_8);
    String what = route + " as " + who + " on " + res + " (" + call.method() + " " + call.path() + ")";

    Set<Integer> expected;
    if (!entry.open() && !who.authenticated()) {
      expected = is(401);
    } else if (res == Res.UNKNOWN_PARAMETER) {
      // A 400, unless the principal is refused the plain request anyway (authorization may come first).
      Set<Integer> refused = new TreeSet<>(entry.statuses().of(who, resources(entry).get(0)));
      refused.removeIf(status -> status < 400);
      refused.add(400);
      expected = refused;
    } else {
      expected = entry.statuses().of(who, res);
    }
    assertThat(response.statusCode()).as(what + "; body: " + abbreviate(body)).isIn(expected);
    if (res == Res.UNKNOWN_PARAMETER && response.statusCode() == 400) {
      assertThat(body).as(what + ": the 400 names the unknown parameter").contains("accord_unknown");
    }

    for (MatrixWorld.Marker marker : world.markers()) {
      if (!marker.visibleTo(who) && !call.path().contains(marker.text()) && (call.body() == null || !call.body().contains(marker.text()))) {
        assertThat(body).as(what + " shows '" + marker.text() + "', which " + who + " may not see").doesNotContain(marker.text());
      }
    }

    if ((who == Who.EXPIRED || who == Who.REVOKED) && response.statusCode() == 401) {
      HttpResponse<byte[]> forged = send(engine, route, world, Who.MALFORMED, res, call(entry, res, world, Who.MALFORMED));
      assertThat(body).as(what + ": a " + who + " token is answered like a forged one")
          .isEqualTo(new String(forged.body(), StandardCharsets.UTF_8));
    }

    Res counterpart = (res == Res.OF_A || res == Res.OF_B) && entry.requests().containsKey(Res.MISSING_ORG)
        ? Res.MISSING_ORG : Res.MISSING;
    if (res != counterpart && res != Res.MISSING && res != Res.MISSING_ORG && res != Res.UNKNOWN_PARAMETER
        && entry.requests().containsKey(counterpart)
        && response.statusCode() >= 400 && response.statusCode() != 401 && call.name() != null) {
      Call missingCall = call(entry, counterpart, world, who);
      HttpResponse<byte[]> missing = send(engine, route, world, who, counterpart, missingCall);
      if (missing.statusCode() == response.statusCode()) {
        String missingBody = new String(missing.body(), StandardCharsets.UTF_8).replace(missingCall.name(), call.name());
        assertThat(body).as(what + ": the answer for a hidden thing is the answer for a missing one").isEqualTo(missingBody);
        assertThat(response.headers().firstValue("Content-Length"))
            .as(what + ": Content-Length of hidden and missing").isEqualTo(missing.headers().firstValue("Content-Length"));
      }
    }
  }

  /** The request of a cell, built once per cell (writes are not repeated) and remembered. */
  private static final Map<String, Call> CALLS = new ConcurrentHashMap<>();

  private static Call call(Entry entry, Res res, MatrixWorld world, Who who) {
    String key = world.engine + " " + System.identityHashCode(entry) + " " + who + " " + res;
    return CALLS.computeIfAbsent(key, k -> {
      if (res == Res.UNKNOWN_PARAMETER) {
        Res first = resources(entry).get(0);
        return entry.requests().get(first).call(world, who).withUnknownParameter();
      }
      return entry.requests().get(res).call(world, who);
    });
  }

  private static HttpResponse<byte[]> send(String engine, String route, MatrixWorld world, Who who, Res res, Call call) {
    return RESPONSES.computeIfAbsent(engine + " " + route + " " + who + " " + res, key -> {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + world.server.port() + call.path()))
          .timeout(Duration.ofSeconds(60))
          .header("Origin", "http://127.0.0.1:" + world.server.port());
      HttpRequest.BodyPublisher body =
          call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call.body());
      request.method(call.method(), body);
      if (call.contentType() != null) {
        request.header("Content-Type", call.contentType());
      }
      String credential = world.credentials.get(who);
      if (credential != null) {
        request.header("Authorization", "Bearer " + credential);
      }
      try {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }

  private static String gapOf(String cell) {
    String[] parts = cell.split(" ");
    for (String gap : KNOWN_GAPS.keySet()) {
      String[] pattern = gap.split(" ");
      if (pattern.length == parts.length) {
        boolean matches = true;
        for (int i = 0; i < parts.length && matches; i++) {
          matches = pattern[i].equals("*") || pattern[i].equals(parts[i]);
        }
        if (matches) {
          return gap;
        }
      }
    }
    return null;
  }

  // --- building the table ------------------------------------------------------------------------

  private static void entry(String route, Map<Res, Request> requests, Statuses statuses) {
    add(route, new Entry(false, requests, statuses));
  }

  private static void open(String route, Map<Res, Request> requests, Statuses statuses) {
    add(route, new Entry(true, requests, statuses));
  }

  private static void add(String route, Entry entry) {
    if (TABLE.put(route, entry) != null) {
      throw new IllegalStateException("two entries for " + route);
    }
  }

  /** Commitment bodies and ids for the matrix, in a holder so the table's initializer may use them. */
  private static final class Commitments {
    static final String PLEDGE = "{\"title\": \"Matrix pledge\", \"terms\": [{\"kind\": \"acknowledge-report\","
        + " \"within\": \"P3D\"}], \"scope\": {\"severities\": [\"high\"]}}";
    static final String ARRANGEMENT = PLEDGE.replaceFirst("\\{", "{\"kind\": \"arrangement\", ");
    static final String MISSING = "cmt_0000000000000000";

    /** A new commitment of the coordinator's organization, published directly (a fresh arrangement for each join). */
    private static String commitment(MatrixWorld w, String document) {
      try {
        org.accord.party.Principal coordinator = new org.accord.party.Principal.Coordinator(
            w.accord.parties().ensure(MatrixWorld.COORDINATOR_ORG, org.accord.party.OrgKind.CERT), null, null);
        return w.accord.commitments().publish(coordinator, new com.fasterxml.jackson.databind.ObjectMapper().readTree(document))
            .version().commitment();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static Map<Res, Request> requests(Res first, Request firstRequest, Res second, Request secondRequest) {
    Map<Res, Request> requests = new LinkedHashMap<>();
    requests.put(first, firstRequest);
    requests.put(second, secondRequest);
    return requests;
  }

  private static Map<Res, Request> requests(Res first, Request firstRequest, Res second, Request secondRequest, Res third, Request thirdRequest) {
    Map<Res, Request> requests = requests(first, firstRequest, second, secondRequest);
    requests.put(third, thirdRequest);
    return requests;
  }

  private static Map<Res, Request> requests(
      Res first, Request firstRequest, Res second, Request secondRequest, Res third, Request thirdRequest, Res fourth, Request fourthRequest) {
    Map<Res, Request> requests = requests(first, firstRequest, second, secondRequest, third, thirdRequest);
    requests.put(fourth, fourthRequest);
    return requests;
  }

  private static Map<Res, Request> requests(Res first, Request firstRequest, Res second, Request secondRequest, Res third,
      Request thirdRequest, Res fourth, Request fourthRequest, Res fifth, Request fifthRequest) {
    Map<Res, Request> requests = requests(first, firstRequest, second, secondRequest, third, thirdRequest, fourth, fourthRequest);
    requests.put(fifth, fifthRequest);
    return requests;
  }

  interface OrganizationRequest {
    Call call(MatrixWorld world, String organization);
  }

  /** The same request about A, B and a missing organization (as long as A's name). */
  private static Map<Res, Request> byOrganization(OrganizationRequest request) {
    return requests(
        Res.OF_A, (w, who) -> request.call(w, A),
        Res.OF_B, (w, who) -> request.call(w, B),
        Res.MISSING, (w, who) -> request.call(w, MISSING_ORG));
  }

  interface Document {
    String text(MatrixWorld world, Who who);
  }

  /** An upload for oneself, for A ({@code ?org=A}), and for a missing organization. */
  private static Map<Res, Request> uploads(String path, Document document, String contentType) {
    return requests(
        Res.NONE, (w, who) -> Call.post(path, contentType, document.text(w, who), null),
        Res.OF_A, (w, who) -> Call.post(path + "?org=" + A, contentType, document.text(w, who), A),
        Res.MISSING, (w, who) -> Call.post(path + "?org=" + MISSING_ORG, contentType, document.text(w, who), MISSING_ORG));
  }

  private static Call delete(String prefix, String id) {
    return new Call("DELETE", prefix + id, null, null, id);
  }

  private static Set<Integer> is(int status) {
    return Set.of(status);
  }

  private static Set<Integer> oneOf(Integer... statuses) {
    return Set.of(statuses);
  }

  /** Adding members or tokens, or listing members: the organization's admins and the coordinator. */
  private static Set<Integer> managed(Who who, Res res, int success) {
    if (res == Res.MISSING) {
      return is(404);
    }
    boolean own = res == Res.OF_A ? who.ofA() : who == Who.MEMBER_B;
    if (who == Who.COORDINATOR || who == Who.ADMIN_A && res == Res.OF_A) {
      return is(success);
    }
    return is(own ? 403 : 404); // another operator is hidden: it looks missing
  }

  /** An upload as oneself, or acting for another organization ({@code ?org=}): only the coordinator may. */
  private static Set<Integer> actingFor(Who who, Res res) {
    return switch (res) {
      case OF_A -> who == Who.COORDINATOR || who.ofA() ? is(201) : is(403);
      case MISSING -> who == Who.COORDINATOR ? is(404) : is(403);
      default -> is(201);
    };
  }

  /** {@code org=} filters: one's own organization, or any for the coordinator; others look missing. */
  private static Set<Integer> ownOrganizationFilter(Who who, Res res) {
    return switch (res) {
      // another organization answers exactly like one that does not exist
      case OF_A -> who == Who.COORDINATOR || who.ofA() ? is(200) : is(404);
      case OF_B -> who == Who.COORDINATOR || who == Who.MEMBER_B ? is(200) : is(404);
      case MISSING, MISSING_ORG -> is(404);
      default -> is(200);
    };
  }

  /** A write to a fresh case of A in the given embargo state, and to a missing case. */
  private static Map<Res, Request> caseWrite(String embargo, String suffix, String body) {
    return requests(
        Res.OF_A, (w, who) -> {
          String id = w.freshCaseOfA(embargo);
          return Call.post(API + "/cases/" + id + suffix, "application/json", body, id);
        },
        Res.MISSING, (w, who) -> Call.post(API + "/cases/" + MISSING_CASE + suffix, "application/json", body, MISSING_CASE));
  }

  /** Whether {@code who} may see A's case (an AMBER case: its participants and the coordinator). */
  private static boolean seesCase(Who who, Res res) {
    return res == Res.OF_A && (who.ofA() || who == Who.COORDINATOR);
  }

  /** Whether {@code who} may see the advisory {@code res} names. */
  private static boolean sees(Who who, Res res) {
    return switch (res) {
      case PUBLIC -> true;
      case PRIVATE_OF_A -> who.ofA() || who == Who.COORDINATOR;
      case OF_B -> who == Who.MEMBER_B || who == Who.COORDINATOR;
      default -> false;
    };
  }

  private static String abbreviate(String body) {
    return body.length() > 600 ? body.substring(0, 600) + "…" : body;
  }
}
