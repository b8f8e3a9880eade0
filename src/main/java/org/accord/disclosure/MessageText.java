package org.accord.disclosure;

import java.util.List;
import java.util.Map;
import org.accord.InvalidInputException;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The Markdown of a case message (ADR 0117): its limits, and its rendering to HTML that is safe to put
 * in a page. CommonMark [1] through commonmark-java, with raw HTML escaped (a {@code <script>} in a
 * message is text), link and image URLs kept only for {@code http}, {@code https} and {@code mailto}
 * (commonmark-java's {@code DefaultUrlSanitizer}, which blanks the others, {@code javascript:}
 * and {@code data:} among them), and every link marked {@code rel="nofollow noopener noreferrer"}. The source is
 * what is stored; the HTML is rendered on read, so a better renderer later changes no stored row.
 *
 * <p>Pure and thread-safe (the parser and renderer are immutable and shared).
 *
 * <p>[1] CommonMark Spec 0.31.2, https://spec.commonmark.org/0.31.2/
 */
public final class MessageText {
  /** The longest message, in characters. */
  public static final int MAX_CHARS = 32_000;

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
      .escapeHtml(true)
      .sanitizeUrls(true)
      .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
      .attributeProviderFactory(context -> new NoFollow())
      .build();

  private MessageText() {}

  /**
   * A message body as stored: stripped of surrounding blank lines, not blank, at most {@link #MAX_CHARS}.
   *
   * @throws InvalidInputException location {@code body}
   */
  public static String check(String body) {
    String clean = body == null ? "" : body.strip();
    if (clean.isEmpty()) {
      throw new InvalidInputException("missing body: a message has Markdown text", "body");
    }
    if (clean.length() > MAX_CHARS) {
      throw new InvalidInputException("the body has " + clean.length() + " characters; at most " + MAX_CHARS, "body");
    }
    if (clean.chars().anyMatch(c -> c == 0)) {
      throw new InvalidInputException("the body holds a NUL character", "body");
    }
    return clean;
  }

  /** The HTML of a Markdown body: raw HTML escaped, only http, https and mailto URLs kept. */
  public static String html(String markdown) {
    return RENDERER.render(PARSER.parse(markdown));
  }

  private static final class NoFollow implements AttributeProvider {
    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (node instanceof Link) {
        attributes.put("rel", "nofollow noopener noreferrer");
      }
      if (node instanceof Image) {
        attributes.put("referrerpolicy", "no-referrer");
      }
    }
  }
}
