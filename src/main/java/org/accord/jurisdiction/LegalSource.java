package org.accord.jurisdiction;

import org.accord.InvalidInputException;

/**
 * Where a pack's rules come from.
 *
 * @param title the official title, such as {@code Regulation (EU) 2024/2847}
 * @param issuer who issued it, such as {@code European Parliament and Council}; may be null
 * @param url where the official text is published; may be null
 */
public record LegalSource(String title, String issuer, String url) {
  public LegalSource {
    if (title == null || title.isBlank()) {
      throw new InvalidInputException("a legal source has a title", "title");
    }
    title = title.strip();
    issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
    url = url == null || url.isBlank() ? null : url.strip();
  }
}
