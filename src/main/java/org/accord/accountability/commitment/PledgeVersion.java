package org.accord.accountability.commitment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One published version of a commitment, as stored: versions of one commitment count 1, 2, 3 … with no
 * gap, each superseding the one before, and none is ever erased (ADR 0140). Immutable and thread-safe.
 *
 * @param commitment the commitment's public id, {@code cmt_} and 16 hex digits
 * @param version from 1
 * @param organization the publishing organization's store id
 * @param organizationName its name
 * @param pledge what the version says
 * @param published when it was published (the server's time)
 * @param superseded when the next version superseded it, if one did
 */
public record PledgeVersion(String commitment, int version, long organization, String organizationName, Pledge pledge,
    Instant published, Optional<Instant> superseded) {
  private static final Pattern ID = Pattern.compile("cmt_[0-9a-f]{16}");

  public PledgeVersion {
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(organizationName, "organizationName");
    Objects.requireNonNull(pledge, "pledge");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(superseded, "superseded");
    if (version < 1) {
      throw new IllegalArgumentException("version " + version + " < 1");
    }
  }

  /** Whether {@code text} has the shape of a commitment id. */
  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  /** Whether it is the current version (no later version superseded it). */
  public boolean current() {
    return superseded.isEmpty();
  }

  /** Whether it was in force at {@code at}: published, not yet superseded, and valid. */
  public boolean inForceAt(Instant at) {
    return !at.isBefore(published) && superseded.map(at::isBefore).orElse(true) && pledge.validAt(at);
  }
}
