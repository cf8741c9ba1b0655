package org.partnerlifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.ApplicationForm;
import org.partnerlifecycle.onboarding.ApplicationService;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real headless Chromium against the app on a random port: a manager reads a partner's detail
 * and history, an ops user completes a review through the rendered form (with a validation error first), and
 * the countersign form shows its conditional field as the decision changes. Screenshots go to
 * target/screenshots.
 *
 * <p>Needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium, chromium-driver); without them
 * the test is skipped, except under CI (CI=true), where it fails.
 */
@ConsoleServerTest
class ConsoleBrowserTest {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  static WebDriver browser;
  static Path profile;

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired PartnerSteps steps;
  @Autowired PartnerRepository partners;
  @Autowired UserTaskRepository tasks;
  @Autowired EmbeddedEngine engine;
  @Autowired AgreementRepository agreements;

  @BeforeAll
  static void startChromium() throws Exception {
    boolean available = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
    if (!available && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but Chromium is missing: install the Debian packages chromium and "
          + "chromium-driver (.ci/run does)");
    }
    Assumptions.assumeTrue(available, "Chromium not installed: browser test skipped");
    profile = Files.createTempDirectory("console-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(WAIT);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopChromium() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void aManagerReadsAPartnersHistoryAndOpsCompletesItsReviewThroughTheForm() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String name = "Kestrel Data Integration " + suffix;
    String email = "kim-" + suffix + "@kestrel.example";
    var application = applications.submit(new ApplicationForm(name, "DK", Segment.SYSTEM_INTEGRATOR,
        List.of("Nordics"), List.of("Data platforms"), 30, 1, new BigDecimal("300000"),
        "We run data platform projects for Nordic retailers.", "Kim Larsen", email), Actor.system());
    long partnerId = application.getPartnerId();
    long instance = application.getProcessInstanceKey();
    awaitOpenTask(instance, "ReviewApplication");

    // a manager: dashboard, then the partner's page and its history, then the audit search
    signIn("manager", "manager-demo");
    open("/console");
    waitFor(By.id("funnel-chart"));
    assertThat(text(By.id("stage-table"))).contains("Applied");
    fullPageScreenshot("dashboard");

    open("/console/partners?q=" + suffix);
    browser.findElement(By.linkText(name)).click();
    waitFor(By.id("position"));
    assertThat(text(By.id("position"))).contains("In stage Applied", "Moved there by partner-stage (worker)",
        "Partner lifecycle I: onboarding", "partner-onboarding, version", "Record application",
        "Review application", "channel-ops");
    String history = text(By.id("timeline"));
    assertThat(history).contains("PARTNER_REGISTERED", "STAGE_CHANGED", "partner-stage", "partner-onboarding v");
    assertThat(text(By.id("application"))).contains("Kim Larsen", "Nordics", "300,000");
    fullPageScreenshot("partner-detail");

    open("/console/audit");
    browser.findElement(By.id("a-partner")).sendKeys(suffix);
    browser.findElement(By.cssSelector("form[aria-label='Search the audit log'] button[type=submit]")).click();
    waitFor(By.id("audit-table"));
    assertThat(text(By.id("audit-table"))).contains(name, "PARTNER_REGISTERED");
    assertThat(browser.findElement(By.id("export-csv")).getAttribute("href")).endsWith("/console/audit/export.csv?partner=" + suffix);
    screenshot("audit-search");
    signOut();

    // ops: the task list, then the review form: claim, one validation error, then complete
    signIn("ops", "ops-demo");
    open("/console/tasks?group=channel-ops");
    WebElement row = browser.findElement(By.xpath("//table[@id='task-table']//tr[td//a[text()='" + name + "']]"));
    assertThat(row.getText()).contains("Review application", "channel-ops");
    screenshot("task-list");
    row.findElement(By.linkText("Review application")).click();
    waitFor(By.id("claim")).click();
    waitFor(By.id("complete"));
    assertThat(text(By.id("task-assignee"))).isEqualTo("ops");
    assertThat(text(By.id("task-form"))).contains("Partly matches the ideal partner profile", "Regions: Nordics");
    browser.findElement(By.cssSelector("input[name=reviewDecision][value=qualify]")).click();
    browser.findElement(By.id("complete")).click();
    WebElement error = waitFor(By.id("field-Field_reviewReason-error"));
    assertThat(error.getText()).isEqualTo("Reason is required.");
    assertThat(browser.findElement(By.cssSelector("input[name=reviewDecision][value=qualify]")).isSelected()).isTrue();
    assertThat(browser.findElement(By.id("field-Field_reviewReason")).getAttribute("aria-describedby"))
        .contains("field-Field_reviewReason-error");
    fullPageScreenshot("task-form");
    browser.findElement(By.id("field-Field_reviewReason")).sendKeys("Solid data practice in a region we need.");
    browser.findElement(By.id("complete")).click();
    assertThat(text(By.cssSelector(".alert-success"))).isEqualTo("Completed \"Review application\" for " + name + ".");
    EngineRecords.await(() -> partners.findById(partnerId).filter(p -> p.getStage() == LifecycleStage.BRIEFED),
        WAIT, "partner briefed");

    // the countersign form shows "Changes requested" only for a rejection, as the user chooses
    steps.acknowledgeBrief(partnerId, email);
    EngineRecords.await(() -> partners.findById(partnerId).filter(p -> p.getStage() == LifecycleStage.AGREEMENT),
        WAIT, "agreement stage");
    var agreement = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    steps.signAgreement(partnerId, "Kim Larsen", true, agreement.getDocumentSha256(), "192.0.2.1", email);
    UserTask countersign = awaitOpenTask(instance, "CountersignAgreement");
    open("/console/tasks/" + countersign.getUserTaskKey());
    waitFor(By.id("claim")).click();
    waitFor(By.id("complete"));
    WebElement changes = browser.findElement(By.id("field-Field_requestedChanges-wrapper"));
    assertThat(changes.isDisplayed()).isFalse();
    browser.findElement(By.cssSelector("input[name=countersignDecision][value=reject]")).click();
    assertThat(changes.isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("field-Field_requestedChanges")).isEnabled()).isTrue();
    browser.findElement(By.cssSelector("input[name=countersignDecision][value=approve]")).click();
    assertThat(changes.isDisplayed()).isFalse();
    browser.findElement(By.id("complete")).click();
    waitFor(By.cssSelector(".alert-success"));
    EngineRecords.await(() -> partners.findById(partnerId).filter(p -> p.getStage() == LifecycleStage.ONBOARDING),
        WAIT, "onboarding stage");
    signOut();
  }

  private void signIn(String username, String password) {
    open("/login");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/console"));
  }

  private void signOut() {
    browser.findElement(By.xpath("//button[text()='Sign out']")).click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/login?logout"));
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private String text(By by) {
    return waitFor(by).getText();
  }

  private void screenshot(String name) throws Exception {
    File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The whole page, by making the window as tall as the document for the shot. */
  private void fullPageScreenshot(String name) throws Exception {
    Dimension before = browser.manage().window().getSize();
    long height = (Long) ((ChromeDriver) browser).executeScript(
        "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
    browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 6000)));
    screenshot(name);
    browser.manage().window().setSize(before);
  }

  /**
   * The open task at an element, once the engine has created it: the projection row appears while the task is
   * still CREATING (its creating listener writes it), when the engine refuses commands on it.
   */
  private UserTask awaitOpenTask(long instance, String elementId) {
    long key = new EngineRecords(engine).awaitUserTask(instance, elementId, WAIT).getUserTaskKey();
    return EngineRecords.await(() -> tasks.findById(key), WAIT, "projected task " + elementId);
  }
}
