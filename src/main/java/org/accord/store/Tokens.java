package org.accord.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.accord.party.ApiToken;
import org.accord.party.Member;
import org.accord.party.MemberRole;
import org.accord.party.Organization;
import org.jdbi.v3.core.Handle;

/**
 * API tokens. A token's secret is 32 random bytes, shown once at creation; the store keeps only its
 * SHA-256, so a leaked database does not leak working tokens. Each token has a random public id by
 * which it is listed and revoked (not the row id, which would tell how many tokens the instance
 * has). Stateless and thread-safe; methods run on the caller's handle and transaction.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "accord_";
  private static final String SELECT =
      "SELECT t.public_id, t.role, t.label, t.created_at, t.expires_at, t.revoked_at,"
          + " o.id, o.name, o.kind, o.country, o.contact_email, m.id AS member_id, m.email, m.role AS member_role"
          + " FROM api_tokens t JOIN organizations o ON o.id = t.org_id LEFT JOIN members m ON m.id = t.member_id";

  private Tokens() {}

  /** A new token: what is stored, and the secret, which cannot be read back later. */
  public record Created(ApiToken token, String secret) {}

  /**
   * Creates a token.
   *
   * @param member the person it belongs to (of {@code organization}), or null for a machine token
   * @param expiresAt when it stops working (epoch ms), or null for never
   */
  public static Created create(
      Handle handle, Organization organization, Member member, boolean coordinator, String label, Long expiresAt, long now) {
    String secret = PREFIX + random(32);
    String id = "tok_" + HexFormat.of().formatHex(randomBytes(8));
    handle
        .createUpdate(
            "INSERT INTO api_tokens (public_id, org_id, member_id, token_sha256, role, label, created_at, expires_at)"
                + " VALUES (:id, :org, :member, :hash, :role, :label, :now, :expires)")
        .bind("id", id)
        .bind("org", organization.id())
        .bind("member", member == null ? null : member.id())
        .bind("hash", sha256Hex(secret))
        .bind("role", coordinator ? "coordinator" : "member")
        .bind("label", label == null ? "" : label)
        .bind("now", now)
        .bind("expires", expiresAt)
        .execute();
    ApiToken token = new ApiToken(
        id, organization, member, coordinator, label == null ? "" : label, Instant.ofEpochMilli(now),
        expiresAt == null ? null : Instant.ofEpochMilli(expiresAt), null);
    return new Created(token, secret);
  }

  /**
   * The token a presented secret belongs to, revoked and expired ones included (the caller decides
   * with {@link ApiToken#activeAt}); empty if the secret is unknown or malformed.
   */
  public static Optional<ApiToken> bySecret(Handle handle, String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
      return Optional.empty();
    }
    return handle.createQuery(SELECT + " WHERE t.token_sha256 = :hash").bind("hash", sha256Hex(secret)).map((rs, ctx) -> read(rs)).findOne();
  }

  /** The token with this public id, if any. */
  public static Optional<ApiToken> byId(Handle handle, String id) {
    return handle.createQuery(SELECT + " WHERE t.public_id = :id").bind("id", id == null ? "" : id).map((rs, ctx) -> read(rs)).findOne();
  }

  /** Every token of one organization, or of all when {@code organization} is null; oldest first. */
  public static List<ApiToken> list(Handle handle, Organization organization) {
    String where = organization == null ? "" : " WHERE t.org_id = :org";
    var query = handle.createQuery(SELECT + where + " ORDER BY t.created_at, t.public_id");
    if (organization != null) {
      query.bind("org", organization.id());
    }
    return query.map((rs, ctx) -> read(rs)).list();
  }

  /** Marks a token revoked at {@code now}; false if it was revoked already. */
  public static boolean revoke(Handle handle, String id, long now) {
    return handle
        .createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE public_id = :id AND revoked_at IS NULL")
        .bind("now", now)
        .bind("id", id)
        .execute() == 1;
  }

  /** The hex SHA-256 of a token's UTF-8 bytes: the form the store keeps, and a safe key for caches. */
  public static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static ApiToken read(ResultSet rs) throws SQLException {
    Organization organization = Organizations.read(rs);
    long memberId = rs.getLong("member_id");
    Member member = rs.wasNull() ? null : new Member(memberId, organization, rs.getString("email"), MemberRole.parse(rs.getString("member_role")));
    return new ApiToken(
        rs.getString("public_id"), organization, member, "coordinator".equals(rs.getString("role")), rs.getString("label"),
        Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs, "expires_at"), instant(rs, "revoked_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String random(int n) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(n));
  }
}
