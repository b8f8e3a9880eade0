package org.accord.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.accord.store.Tokens;

/**
 * Tokens authenticated in the last minute, so a client sending many requests is looked up in the store
 * once a minute instead of on every request (the lookup was most of the cost of a cached where-used
 * page; ADR 0073). Only successful lookups are kept, keyed by the token's SHA-256 (as the store keeps
 * it), so unknown tokens cannot fill the cache and no secret is held. Exact today because a token's
 * organization and role never change; whatever revokes or changes tokens must call {@link #clear()}.
 * Bounded: at {@link #MAX_ENTRIES} it starts over. Thread-safe.
 */
final class RecentPrincipals {
  static final long TTL_NANOS = 60_000_000_000L;
  static final int MAX_ENTRIES = 10_000;

  private record Entry(Tokens.Principal principal, long expiresNanos) {}

  private final ConcurrentHashMap<String, Entry> byHash = new ConcurrentHashMap<>();

  /** The principal behind {@code token}: from the last minute's lookups, else from {@code lookup}. */
  Optional<Tokens.Principal> authenticate(String token, Function<String, Optional<Tokens.Principal>> lookup) {
    if (token == null) {
      return Optional.empty();
    }
    String hash = sha256Hex(token);
    long now = System.nanoTime();
    Entry entry = byHash.get(hash);
    if (entry != null && now - entry.expiresNanos() < 0) {
      return Optional.of(entry.principal());
    }
    Optional<Tokens.Principal> principal = lookup.apply(token);
    if (principal.isPresent()) {
      if (byHash.size() >= MAX_ENTRIES) {
        byHash.clear();
      }
      byHash.put(hash, new Entry(principal.get(), now + TTL_NANOS));
    } else {
      byHash.remove(hash);
    }
    return principal;
  }

  /** Forgets every remembered token. */
  void clear() {
    byHash.clear();
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
