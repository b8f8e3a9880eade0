package org.accord.triage;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a piece of evidence came from: a feed, the version of the feed (KEV catalog version, EPSS model
 * version) and when the feed was published (KEV release time, EPSS score date). Every SSVC decision
 * records the provenance of the evidence it used, so a decision can be reproduced and audited later.
 *
 * <p>Immutable and thread-safe; no component is null.
 *
 * @param feed the feed: {@link #KEV} or {@link #EPSS}, or another feed's name
 * @param version the feed's own version label, such as {@code "2025.08.25"} or {@code "v2025.03.14"}
 * @param published when the feed was released or scored
 */
public record Provenance(String feed, String version, Instant published) {

  /** The CISA Known Exploited Vulnerabilities catalog. */
  public static final String KEV = "cisa-kev";
  /** The FIRST Exploit Prediction Scoring System daily scores. */
  public static final String EPSS = "first-epss";

  public Provenance {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(published, "published");
  }

  /** For messages: {@code "cisa-kev 2025.08.25 (2025-08-25T17:04:19.979600Z)"}. */
  public String describe() {
    return feed + " " + version + " (" + published + ")";
  }
}
