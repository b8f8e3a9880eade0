package org.accord.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The second wave of pages (ADR 0157) in Chromium, on the LibraCore world: the public transparency
 * dashboard without signing in, then the maintainers' plan view. Each step saves screenshots at 1,400
 * and 390 px under {@code target/screenshots/} ({@code pages-NN-step}) and checks axe-core and the
 * console.
 */
class MorePagesBrowserTest {
  @TempDir Path dir;

  @Test
  void theDashboardAndTheMembersPagesReadWellInChromium() {
    try (Browser browser = Browser.open(); LibraCoreWorld world = new LibraCoreWorld(dir)) {
      var driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      wait.ignoring(StaleElementReferenceException.class);

      // 1. The public dashboard, with no sign-in: the log, the commands, no advisory yet, the indicators.
      driver.get(world.url("/transparency"));
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Transparency");
      assertThat(Long.parseLong(driver.findElement(By.id("log-size")).getText())).isPositive();
      assertThat(driver.findElement(By.id("commands")).getText()).contains("accord verify log " + world.url("/log"));
      assertThat(driver.findElement(By.id("signers")).getText()).contains("the log's own key");
      assertThat(driver.findElement(By.id("advisories-none")).getText()).contains("No advisory");
      assertThat(driver.findElement(By.id("indicators")).getText()).contains("All organizations");
      assertThat(driver.getPageSource()).doesNotContain(LibraCoreWorld.TITLE);
      browser.checkPage("pages-01-transparency");
    }
  }
}
