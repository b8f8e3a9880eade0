package org.accord.disclosure.plan;

import java.util.Locale;

/** How a wave reaches its recipients. */
public enum WaveChannel {
  /**
   * An invitation to the case, delivered to each member through the channels the member chose
   * (e-mail, webhook, inbox; ADR 0120).
   */
  INVITATION,
  /** The published documents (CSAF, OSV, VEX) at the instance's provider layout (ADR 0122). */
  PUBLICATION;

  /** The lower-case label shown in the API and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
