package org.accord.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The browser checks can fail: a page with a console error and an image without text is caught by both. */
class BrowserChecksTest {
  @Test
  void theConsoleAndAxeChecksSeeABrokenPage() {
    try (Browser browser = Browser.open()) {
      String page = "<!doctype html><html lang=\"en\"><head><title>broken</title></head><body><main>"
          + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><script>console.error('planted failure')</script></main></body></html>";
      browser.driver.get("data:text/html;charset=utf-8," + URLEncoder.encode(page, StandardCharsets.UTF_8).replace("+", "%20"));
      assertThat(browser.seriousViolations()).anyMatch(v -> v.startsWith("image-alt"));
      assertThat(browser.consoleErrors()).anyMatch(e -> e.contains("planted failure"));
    }
  }
}
