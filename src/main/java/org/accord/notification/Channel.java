package org.accord.notification;

import java.util.Locale;
import org.accord.InvalidInputException;

/** How a notification reaches its recipient (ADR 0120). */
public enum Channel {
  /** An e-mail to the member, over SMTP. */
  EMAIL,
  /** A signed JSON POST to the member's organization's webhook. */
  WEBHOOK,
  /** The member's in-app inbox. */
  INBOX;

  /** The lower-case name used in the API and the store. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The channel named by {@code text}.
   *
   * @throws InvalidInputException naming {@code field} for anything else
   */
  public static Channel parse(String text, String field) {
    for (Channel channel : values()) {
      if (channel.label().equals(text)) {
        return channel;
      }
    }
    throw new InvalidInputException("unknown channel '" + text + "'; use email, webhook or inbox", field);
  }
}
