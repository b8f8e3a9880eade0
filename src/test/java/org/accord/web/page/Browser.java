package org.accord.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Debian Chromium driven through Debian's chromedriver (ADR 0151), with what every page
 * test checks: screenshots under {@code target/screenshots/}, the browser console free of errors, and
 * axe-core (injected from the test class path) reporting no serious or critical violation.
 *
 * <p>{@link #open()} skips the calling test, with a message saying what is missing, only when no
 * Chromium or chromedriver is installed ({@code .ci/run} installs both with apt-get). Not thread-safe:
 * one test, one browser.
 */
final class Browser implements AutoCloseable {
  /** Where the binaries are looked for: Debian's packages, then {@code ACCORD_CHROMIUM} / {@code ACCORD_CHROMEDRIVER}. */
  private static final List<String> CHROMIUMS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** The widths every page must work at. */
  static final Dimension WIDE = new Dimension(1400, 1000);
  static final Dimension PHONE = new Dimension(390, 844);

  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Selenium warns on every start that it has no CDP classes for Chromium 150; the tests use WebDriver
   * only, and the quiet build prints only the suites' summaries. Held so the setting is not collected.
   */
  private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

  static {
    SELENIUM.setLevel(Level.SEVERE);
  }
  private static String axeSource;

  final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts a headless Chromium, or skips the test when none can be had here. */
  static Browser open() {
    Optional<String> chromium = find("ACCORD_CHROMIUM", CHROMIUMS);
    Optional<String> chromedriver = find("ACCORD_CHROMEDRIVER", DRIVERS);
    Assumptions.assumeTrue(chromium.isPresent() && chromedriver.isPresent(),
        "browser tests skipped: no Chromium" + (chromium.isPresent() ? "" : " (looked for " + CHROMIUMS + ")")
            + (chromedriver.isPresent() ? "" : ", no chromedriver (looked for " + DRIVERS + ")")
            + "; install Debian's chromium and chromium-driver (.ci/run does) or set ACCORD_CHROMIUM and ACCORD_CHROMEDRIVER");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get());
    // root in a container has no user namespace for Chromium's sandbox; /dev/shm is small there
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=" + WIDE.width + "," + WIDE.height, "--lang=en-US", "--no-first-run", "--disable-extensions");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(chromedriver.get()).toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver);
  }

  private static Optional<String> find(String variable, List<String> candidates) {
    String set = System.getenv(variable);
    if (set != null && !set.isBlank()) {
      return Files.isExecutable(Path.of(set)) ? Optional.of(set) : Optional.empty();
    }
    return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst();
  }

  void size(Dimension size) {
    driver.manage().window().setSize(size);
  }

  /** Saves the page as {@code target/screenshots/NAME.png} and returns the path. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The console entries at SEVERE since the last call (errors, CSP violations, failed loads). */
  List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    return errors;
  }

  /** Runs axe-core on the current page: the violations of impact serious or critical, as "rule: help (n nodes)". */
  List<String> seriousViolations() {
    JavascriptExecutor js = driver;
    js.executeScript(axe());
    Object answer = js.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']})"
            + ".then(function (r) { done(JSON.stringify(r.violations)); })"
            + ".catch(function (e) { done('ERROR ' + e); });");
    String text = String.valueOf(answer);
    assertThat(text).as("axe-core ran").doesNotStartWith("ERROR");
    List<String> serious = new ArrayList<>();
    try {
      for (JsonNode violation : JSON.readTree(text)) {
        String impact = violation.path("impact").asText();
        if (impact.equals("serious") || impact.equals("critical")) {
          List<String> targets = new ArrayList<>();
          violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
          serious.add(violation.path("id").asText() + " (" + impact + "): " + violation.path("help").asText() + " at " + targets);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return serious;
  }

  /**
   * The checks every page gets, at both widths: no console error, no serious or critical axe-core
   * violation, nothing wider than the window at 390 px; a screenshot at each width ({@code NAME} and
   * {@code NAME-390}).
   */
  void checkPage(String name) {
    size(WIDE);
    screenshot(name);
    assertThat(seriousViolations()).as("axe-core serious or critical violations on %s", name).isEmpty();
    size(PHONE);
    Number overflow = (Number) driver.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(overflow.intValue()).as("%s scrolls sideways at 390 px", name).isLessThanOrEqualTo(0);
    screenshot(name + "-390");
    size(WIDE);
    assertThat(consoleErrors()).as("browser console errors on %s", name).isEmpty();
  }

  private static synchronized String axe() {
    if (axeSource == null) {
      try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
        assertThat(in).as("axe.min.js on the test class path (com.deque.html.axe-core:selenium)").isNotNull();
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
