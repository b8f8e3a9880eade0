package org.accord.notification;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A member's choice of channels and digest (ADR 0120). A member who never chose has {@link #DEFAULT}:
 * every channel, at once. Immutable.
 *
 * @param channels the channels the member is told through (may be empty: told nothing)
 * @param digest when its e-mail goes out
 */
public record Preferences(Set<Channel> channels, Digest digest) {
  /** Every channel, each notification at once. */
  public static final Preferences DEFAULT = new Preferences(EnumSet.allOf(Channel.class), Digest.IMMEDIATE);

  public Preferences {
    channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
    Objects.requireNonNull(digest, "digest");
  }

  /** Whether the member is told through {@code channel}. */
  public boolean wants(Channel channel) {
    return channels.contains(channel);
  }
}
