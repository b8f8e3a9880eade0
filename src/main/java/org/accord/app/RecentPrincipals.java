package org.accord.app;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.accord.party.ApiToken;
import org.accord.party.Principal;
import org.accord.store.Tokens;

/**
 * Tokens authenticated in the last minute, so a client sending many requests is looked up in the store
 * once a minute instead of on every request (the lookup was most of the cost of a cached where-used
 * page; ADR 0073). Only successful lookups are kept, keyed by the token's SHA-256 (as the store keeps
 * it), so unknown tokens cannot fill the cache and no secret is held. An entry lives a minute or until
 * its token expires, whichever is sooner; a revocation calls {@link #clear()}, so a revoked token
 * fails on the next request. Bounded: at {@link #MAX_ENTRIES} it starts over. Thread-safe.
 */
final class RecentPrincipals {
  static final long TTL_MILLIS = 60_000L;
  static final int MAX_ENTRIES = 10_000;

  private record Entry(Principal principal, long expiresAt) {}

  private final ConcurrentHashMap<String, Entry> byHash = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Remembers lookups for a minute of {@code clock}, the instance's one clock. */
  RecentPrincipals(Clock clock) {
    this.clock = clock;
  }

  /**
   * The principal behind {@code token}: from the last minute's lookups, else from {@code lookup},
   * which answers only active tokens.
   */
  Optional<Principal> authenticate(String token, Function<String, Optional<ApiToken>> lookup) {
    if (token == null) {
      return Optional.empty();
    }
    String hash = Tokens.sha256Hex(token);
    long now = clock.millis();
    Entry entry = byHash.get(hash);
    if (entry != null && now < entry.expiresAt()) {
      return Optional.of(entry.principal());
    }
    Optional<ApiToken> found = lookup.apply(token);
    if (found.isPresent()) {
      if (byHash.size() >= MAX_ENTRIES) {
        byHash.clear();
      }
      long until = now + TTL_MILLIS;
      if (found.get().expires() != null) {
        until = Math.min(until, found.get().expires().toEpochMilli());
      }
      byHash.put(hash, new Entry(found.get().principal(), until));
    } else {
      byHash.remove(hash);
    }
    return found.map(ApiToken::principal);
  }

  /** Forgets every remembered token. */
  void clear() {
    byHash.clear();
  }
}
