package org.accord.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
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

      // 2. The maintainers (the case owner) sign in and open the plan from the case page: a draft plan
      //    drawn on a time axis, with its recipients and the calendar link.
      var maintainer = world.accord.parties().authenticate(world.maintainerToken).orElseThrow();
      world.accord.plans().draft(maintainer, world.caseId, null);
      driver.get(world.url("/signin?next=/cases/" + world.caseId));
      driver.findElement(By.id("token")).sendKeys(world.maintainerToken);
      driver.findElement(By.cssSelector("form.signin button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-link")));
      driver.findElement(By.id("plan-link")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-axis")));
      assertThat(driver.findElement(By.tagName("h1")).getText()).contains(world.caseId);
      assertThat(driver.findElements(By.cssSelector("#plan-axis g.wave"))).isNotEmpty();
      assertThat(driver.findElement(By.id("embargo-end")).getText()).contains("2027-01-16");
      assertThat(driver.findElements(By.cssSelector("h3[id^=wave-]"))).hasSameSizeAs(driver.findElements(By.cssSelector("#plan-axis g.wave")));
      assertThat(driver.findElement(By.id("calendar")).getAttribute("href")).endsWith("/api/v1/cases/" + world.caseId + "/calendar.ics");
      browser.checkPage("pages-02-plan");

      // 3. The exposure map: the form, the k rule for the shared view, and the chains when there are paths.
      driver.get(world.url("/exposure?purl=" + LibraCoreWorld.LIBRARY + "&view=shared"));
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Exposure map");
      assertThat(driver.findElement(By.id("k-rule")).getText()).contains("fewer than 3");
      assertThat(driver.findElement(By.id("view")).isSelected()).isTrue();
      browser.checkPage("pages-03-exposure");

      // 4. Settings, as the maintainers' admin: members, its tokens; a new token's secret is shown once.
      driver.get(world.url("/settings"));
      assertThat(driver.findElement(By.id("members")).getText()).contains("mia@libracore.example");
      assertThat(driver.findElement(By.id("tokens")).getText()).contains("mia");
      driver.findElement(By.id("token-label")).sendKeys("laptop");
      driver.findElement(By.cssSelector("form[aria-label='Create a token'] button")).click();
      var created = driver.findElement(By.cssSelector("form[aria-label='Create a token'] .result"));
      wait.until(d -> created.getText().startsWith("Done."));
      assertThat(created.getText()).contains("accord_");
      browser.checkPage("pages-04-settings");
    }
  }
}
