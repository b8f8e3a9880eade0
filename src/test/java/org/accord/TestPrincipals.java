package org.accord;

import org.accord.app.Accord;
import org.accord.party.ClaimState;
import org.accord.party.OrgKind;
import org.accord.party.Organization;
import org.accord.party.Principal;
import org.accord.store.Claims;
import org.accord.store.Tokens;

/**
 * Principals for tests: an organization of the instance (created with the given kind if absent) and a
 * principal acting for it, as an authenticated token of that organization would.
 */
public final class TestPrincipals {
  private TestPrincipals() {}

  /** A member (machine token) of {@code name}, a vendor if new. */
  public static Principal member(Accord accord, String name) {
    return member(accord, name, OrgKind.VENDOR);
  }

  /** A member (machine token) of {@code name}, created with {@code kind} if new. */
  public static Principal member(Accord accord, String name, OrgKind kind) {
    Organization org = accord.parties().ensure(name, kind);
    return new Principal.OrgMember(org, null, null);
  }

  /** The coordinator acting as {@code name}, a CERT if new. */
  public static Principal coordinator(Accord accord, String name) {
    Organization org = accord.parties().ensure(name, OrgKind.CERT);
    return new Principal.Coordinator(org, null, null);
  }

  /** A coordinator or member of {@code name}, as the old {@code Importer(name, coordinator)} said. */
  public static Principal of(Accord accord, String name, boolean coordinator) {
    return coordinator ? coordinator(accord, name) : member(accord, name);
  }

  /**
   * Gives {@code name} (a vendor if new) an approved claim on {@code namespace} (a PURL without version),
   * written straight to the store so fixtures add no log entries; {@code ProductClaimsTest} covers
   * claims made the ordinary way.
   */
  public static void owner(Accord accord, String name, String namespace) {
    Organization org = accord.parties().ensure(name, OrgKind.VENDOR);
    accord.database().jdbi().useTransaction(h -> {
      var claim = Claims.create(h, org, namespace, accord.now());
      Claims.decide(h, claim.decide(ClaimState.APPROVED, "", accord.clock().instant()));
    });
  }

  /**
   * A new API token for {@code name} (created with {@code kind} if absent); the secret. Written
   * straight to the store, so fixtures add no log entries (tests of the log count them exactly);
   * {@code PartiesTest} covers tokens made the ordinary way.
   */
  public static String token(Accord accord, String name, String kind, boolean coordinator, String label) {
    Organization org = accord.parties().ensure(name, OrgKind.parse(kind));
    return accord.database().jdbi()
        .inTransaction(h -> Tokens.create(h, org, null, coordinator, label, null, accord.now()))
        .secret();
  }

  /**
   * Ingests an inventory that names several operators as its operators would: the rows of each
   * operator (the first column) uploaded by a member of that operator (created as an operator if
   * absent), since a row's operator is always the uploading organization. The results, by operator.
   */
  public static java.util.Map<String, org.accord.app.IngestResults.Inventory> ingestInventory(Accord accord, String csv) {
    String[] lines = csv.strip().split("\n");
    java.util.Map<String, StringBuilder> byOperator = new java.util.LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String operator = lines[i].substring(0, lines[i].indexOf(','));
      byOperator.computeIfAbsent(operator, o -> new StringBuilder(lines[0]).append('\n')).append(lines[i]).append('\n');
    }
    java.util.Map<String, org.accord.app.IngestResults.Inventory> results = new java.util.LinkedHashMap<>();
    byOperator.forEach((operator, text) -> results.put(operator, accord.ingestInventory(
        new java.io.ByteArrayInputStream(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "inventory.csv",
        member(accord, operator, OrgKind.OPERATOR))));
    return results;
  }
}
