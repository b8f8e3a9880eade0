package org.accord.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The first browser scenario (issue 13), played in Chromium through the pages only: Alphawerk's
 * member signs in with a token, finds the LibraCore case in its list (awaiting its status), opens it,
 * sets GridControl's status and posts a message. Every step saves a screenshot under {@code
 * target/screenshots/} ({@code libracore-NN-step}) and checks the console and axe-core at 1,400 and
 * 390 px. Then the maintainers, who own the case, sign in and invite Betanet by name.
 */
class LibraCoreBrowserTest {
  @TempDir Path dir;

  @Test
  void aVendorSignsInFindsTheCaseSetsItsStatusAndPostsAMessage() {
    try (Browser browser = Browser.open(); LibraCoreWorld world = new LibraCoreWorld(dir)) {
      var driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      wait.ignoring(StaleElementReferenceException.class); // an action reloads the page under a wait's feet

      // 1. The case list needs a sign-in: the browser is sent to /signin.
      driver.get(world.url("/cases"));
      wait.until(ExpectedConditions.urlContains("/signin"));
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
      browser.checkPage("libracore-01-sign-in");
      driver.findElement(By.id("token")).sendKeys("accord_not-a-token");
      driver.findElement(By.cssSelector("form.signin button[type=submit]")).click();
      wait.until(ExpectedConditions.urlContains("login=failed"));
      assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText()).contains("not valid");
      browser.screenshot("libracore-02-sign-in-refused");
      browser.consoleErrors(); // the refused POST's redirect is not a page error

      // 2. Signed in: the case list shows the LibraCore case, awaiting Alphawerk's status, and not Betanet's.
      driver.findElement(By.id("token")).sendKeys(world.vendorToken);
      driver.findElement(By.cssSelector("form.signin button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cases")));
      assertThat(driver.getCurrentUrl()).contains("/cases");
      WebElement list = driver.findElement(By.id("cases"));
      assertThat(list.getText()).contains(world.caseId).contains(LibraCoreWorld.TITLE).contains("status awaited")
          .doesNotContain(LibraCoreWorld.OTHER_TITLE).doesNotContain(world.otherCase);
      assertThat(driver.findElement(By.cssSelector("header .org")).getText()).isEqualTo(LibraCoreWorld.VENDOR);
      browser.checkPage("libracore-03-case-list");

      // The filters work from the keyboard-reachable form: "awaiting my status" keeps the case.
      driver.findElement(By.id("awaiting")).click();
      new Select(driver.findElement(By.id("state"))).selectByValue("active");
      driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
      wait.until(ExpectedConditions.urlContains("awaiting=on"));
      assertThat(driver.findElement(By.id("cases")).getText()).contains(world.caseId);
      browser.screenshot("libracore-04-case-list-filtered");

      // 3. The case page: embargo countdown in a named zone, participants, matrix, the unread message.
      driver.findElement(By.linkText(world.caseId)).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status-matrix")));
      assertThat(driver.findElement(By.tagName("h1")).getText()).contains(LibraCoreWorld.TITLE);
      assertThat(driver.findElement(By.id("em-state")).getText()).isEqualTo("active");
      String zone = driver.findElement(By.id("tz")).getAttribute("value");
      assertThat(driver.findElement(By.id("embargo-end")).getText()).contains(zone);
      assertThat(driver.findElement(By.id("countdown")).getText()).matches("\\d+ d \\d+ h \\d+ min");
      assertThat(driver.findElement(By.id("participants")).getText()).contains(LibraCoreWorld.MAINTAINER).contains(LibraCoreWorld.VENDOR);
      String matrix = driver.findElement(By.id("status-matrix")).getText();
      assertThat(matrix).contains("not checked").contains("affected");
      assertThat(driver.findElements(By.cssSelector("li.message.unread"))).hasSize(1);
      assertThat(driver.findElement(By.cssSelector(".badge")).getText()).isEqualTo("1 unread");
      // a vendor participant proposes and sets its status; there is no open proposal to answer
      assertThat(driver.findElements(By.cssSelector("form[aria-label='Set your status'] button"))).hasSize(1);
      assertThat(driver.findElements(By.cssSelector("form[aria-label='Accept the proposed embargo']"))).isEmpty();
      browser.checkPage("libracore-05-case");

      // The viewer picks a zone: the end is written in it, with the zone named.
      driver.findElement(By.id("tz")).clear();
      driver.findElement(By.id("tz")).sendKeys("Europe/Zurich");
      driver.findElement(By.cssSelector("form.zone button")).click();
      wait.until(ExpectedConditions.urlContains("tz=Europe"));
      assertThat(driver.findElement(By.id("embargo-end")).getText()).contains("2027-01-16 11:00 Europe/Zurich").contains("10:00 UTC");
      browser.screenshot("libracore-05b-case-in-zurich-time");

      // 4. A refused action shows the server's reason: not_affected with a justification is fine, a
      //    justification with "affected" is refused by the API, and the page says why.
      driver.findElement(By.id("status-product")).sendKeys(LibraCoreWorld.PRODUCT);
      new Select(driver.findElement(By.id("status-value"))).selectByValue("affected");
      new Select(driver.findElement(By.id("status-why"))).selectByValue("component_not_present");
      driver.findElement(By.cssSelector("form[aria-label='Set your status'] button")).click();
      WebElement result = driver.findElement(By.cssSelector("form[aria-label='Set your status'] .result"));
      wait.until(d -> result.getText().startsWith("Refused"));
      assertThat(result.getText()).contains("a justification goes with not_affected only").contains("justification");
      browser.screenshot("libracore-06-status-refused");
      browser.consoleErrors(); // the 400 from the API is logged by Chromium as a failed fetch; it is the point here

      // 5. Set GridControl's status: the matrix shows it in place of "not checked".
      new Select(driver.findElement(By.id("status-why"))).selectByValue("");
      driver.findElement(By.cssSelector("form[aria-label='Set your status'] button")).click();
      wait.until(d -> !d.findElement(By.id("status-matrix")).getText().contains("not checked"));
      assertThat(driver.findElement(By.id("status-matrix")).getText()).contains("affected");
      assertThat(driver.findElement(By.id("timeline")).getText()).contains("case.status_set");
      browser.checkPage("libracore-07-status-set");

      // 6. Post a message: it appears in the general thread.
      driver.findElement(By.id("message-body")).sendKeys("GridControl 4.1 is affected; a fixed build ships in two weeks.");
      driver.findElement(By.cssSelector("form[aria-label='Post a message'] button")).click();
      wait.until(d -> d.findElements(By.cssSelector("li.message")).size() == 2);
      assertThat(driver.findElements(By.cssSelector("li.message")).get(1).getText())
          .contains("GridControl 4.1 is affected").contains(LibraCoreWorld.VENDOR);
      browser.checkPage("libracore-08-message-posted");

      // 7. The anonymous report form fits the same shell.
      driver.get(world.url("/report"));
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Report a vulnerability");
      assertThat(driver.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Report a vulnerability");
      browser.checkPage("libracore-09-report-form");

      // 8. The maintainers (the case owner) invite by name; an unknown organization is refused with the reason.
      driver.get(world.url("/cases/" + world.caseId));
      driver.findElement(By.cssSelector("header form[action='/logout'] button")).click();
      wait.until(ExpectedConditions.urlToBe(world.url("/")));
      driver.get(world.url("/signin?next=/cases/" + world.caseId));
      driver.findElement(By.id("token")).sendKeys(world.maintainerToken);
      driver.findElement(By.cssSelector("form.signin button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invite-h")));
      assertThat(driver.findElement(By.cssSelector("header .org")).getText()).isEqualTo(LibraCoreWorld.MAINTAINER);
      assertThat(driver.findElements(By.cssSelector("li.message"))).as("the maintainers read the vendor's message").hasSize(2);
      driver.findElement(By.id("invite-organization")).sendKeys("Nowhere Ltd");
      driver.findElement(By.cssSelector("form[aria-label='Invite an organization by name'] button")).click();
      WebElement invite = driver.findElement(By.cssSelector("form[aria-label='Invite an organization by name'] .result"));
      wait.until(d -> invite.getText().startsWith("Refused"));
      assertThat(invite.getText()).contains("Nowhere Ltd");
      browser.screenshot("libracore-10-invite-refused");
      browser.consoleErrors(); // the provoked 404 is logged as a failed fetch
      driver.findElement(By.id("invite-organization")).clear();
      driver.findElement(By.id("invite-organization")).sendKeys("Betanet");
      driver.findElement(By.cssSelector("form[aria-label='Invite an organization by name'] button")).click();
      wait.until(d -> d.findElement(By.id("participants")).getText().contains("Betanet"));
      browser.checkPage("libracore-11-invited");
    }
  }
}
