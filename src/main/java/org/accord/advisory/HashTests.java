package org.accord.advisory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CSAF 2.0 tests on the file hashes of product identification helpers: optional §6.2.8 and §6.2.9
 * (a weak algorithm on its own) and informative §6.3.5 (a short hash value). The mandatory §6.1.25 on
 * the same lists lives in {@link ProductTreeTests}. Stateless.
 *
 * <p>Algorithm names are compared without regard to case or dashes, so {@code SHA-1} is {@code sha1}:
 * the schema asks for OpenSSL's names, which OpenSSL itself accepts in either form.
 */
final class HashTests {
  private HashTests() {}

  /** §6.3.5: a hash value shorter than this many characters is short. */
  static final int SHORTEST_HASH = 64;

  /**
   * CSAF 2.0 §6.2.8 Use of MD5 as the only Hash Algorithm (optional): no item of {@code hashes} lists
   * only {@code md5} hashes; one needs a stronger second algorithm.
   */
  static void md5Only(CsafDocument document, Findings findings) {
    onlyAlgorithm(document, findings, "6.2.8", "md5");
  }

  /**
   * CSAF 2.0 §6.2.9 Use of SHA-1 as the only Hash Algorithm (optional): no item of {@code hashes}
   * lists only {@code sha1} hashes; one needs a stronger second algorithm.
   */
  static void sha1Only(CsafDocument document, Findings findings) {
    onlyAlgorithm(document, findings, "6.2.9", "sha1");
  }

  private static void onlyAlgorithm(CsafDocument document, Findings findings, String testId, String weak) {
    for (Located hash : hashes(document)) {
      Set<String> algorithms = new HashSet<>();
      for (Located fileHash : hash.field("file_hashes").items()) {
        String algorithm = fileHash.text("algorithm");
        if (algorithm != null) {
          algorithms.add(normalise(algorithm));
        }
      }
      if (algorithms.equals(Set.of(weak))) {
        findings.add(
            testId,
            hash.field("file_hashes"),
            weak + " is the only hash algorithm"
                + (hash.text("filename") == null ? "" : " for '" + hash.text("filename") + "'")
                + "; add a stronger one");
      }
    }
  }

  /**
   * CSAF 2.0 §6.3.5 Use of Short Hash (informative): every hash value is at least 64 characters long
   * (the length of a hexadecimal SHA-256).
   */
  static void shortHash(CsafDocument document, Findings findings) {
    for (Located hash : hashes(document)) {
      for (Located fileHash : hash.field("file_hashes").items()) {
        String value = fileHash.text("value");
        if (value != null && value.length() < SHORTEST_HASH) {
          findings.add(
              "6.3.5",
              fileHash.field("value"),
              "the " + (fileHash.text("algorithm") == null ? "" : fileHash.text("algorithm") + " ")
                  + "hash value is only " + value.length() + " characters long (at least " + SHORTEST_HASH + " expected)");
        }
      }
    }
  }

  /** Every item of {@code product_identification_helper/hashes} of every Full Product Name. */
  private static List<Located> hashes(CsafDocument document) {
    return document.memo("hashes", () -> collectHashes(document));
  }

  private static List<Located> collectHashes(CsafDocument document) {
    List<Located> all = new ArrayList<>();
    for (Located product : document.fullProductNames()) {
      all.addAll(product.field("product_identification_helper").field("hashes").items());
    }
    return all;
  }

  private static String normalise(String algorithm) {
    return algorithm.toLowerCase(Locale.ROOT).replace("-", "");
  }
}
