package org.accord.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The per-server credential of local command-line runs; see {@link WebServer#localToken()}. Stateless. */
final class LocalCredential {
  /** The organization the local command line acts as, as in {@code accord ingest --org local}. */
  static final String ORGANIZATION = "local";

  private static final SecureRandom RANDOM = new SecureRandom();

  private LocalCredential() {}

  /** A new random credential: 32 bytes, URL-safe Base64, with a prefix that tells it from API tokens. */
  static String newToken() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return "accord-local_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** Whether {@code presented} is the credential, compared in constant time. */
  static boolean matches(String credential, String presented) {
    return presented.startsWith("accord-local_")
        && MessageDigest.isEqual(credential.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
