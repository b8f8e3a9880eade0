package org.accord.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * API tokens. A token is 32 random bytes, shown once at creation; the store keeps only its SHA-256, so
 * a leaked database does not leak working tokens. Stateless and thread-safe.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "accord_";

  private Tokens() {}

  /** What a valid token grants: its organization and its role ({@code member} or {@code coordinator}). */
  public record Principal(long orgId, String orgName, String orgKind, String role) {
    public boolean coordinator() {
      return "coordinator".equals(role);
    }
  }

  /** Creates a token for an organization and returns the secret; it cannot be read back later. */
  public static String create(Handle handle, long orgId, String role, String label, long now) {
    if (!role.equals("member") && !role.equals("coordinator")) {
      throw new IllegalArgumentException("unknown role " + role);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    handle
        .createUpdate(
            "INSERT INTO api_tokens (org_id, token_sha256, role, label, created_at) VALUES (:org, :hash, :role, :label, :now)")
        .bind("org", orgId)
        .bind("hash", sha256Hex(token))
        .bind("role", role)
        .bind("label", label == null ? "" : label)
        .bind("now", now)
        .execute();
    return token;
  }

  /** The principal a presented token stands for, or empty if it is unknown. */
  public static Optional<Principal> authenticate(Handle handle, String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    return handle
        .createQuery(
            "SELECT o.id, o.name, o.kind, t.role FROM api_tokens t JOIN organizations o ON o.id = t.org_id"
                + " WHERE t.token_sha256 = :hash")
        .bind("hash", sha256Hex(token))
        .map((rs, ctx) -> new Principal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .findOne();
  }

  /** The hex SHA-256 of a token's UTF-8 bytes: the form the store keeps, and a safe key for caches. */
  public static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
