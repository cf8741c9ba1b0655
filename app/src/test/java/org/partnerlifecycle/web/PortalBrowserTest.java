package org.partnerlifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.PortalFixtures;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.AgreementSignature;
import org.partnerlifecycle.onboarding.AgreementSignatureRepository;
import org.partnerlifecycle.onboarding.PartnerApplication;
import org.partnerlifecycle.onboarding.PartnerApplicationRepository;
import org.partnerlifecycle.onboarding.TrainingAssignmentRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The partner portal end to end in a real headless Chromium (Debian's chromium and chromedriver, started by
 * Selenium without Selenium Manager), against the whole app on a random port: a prospect applies, follows the
 * invitation from the outbox, and does every onboarding step in the browser while ops complete their tasks,
 * until the portal shows the partner Active. Screenshots of the main pages go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    EmbeddedAppTest.DOCUMENTS_DIR,
    // a database of its own: this context runs beside the shared MockMvc one
    "spring.datasource.url=jdbc:h2:mem:portal-browser;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"})
class PortalBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String PASSWORD = "seven green tomatoes";
  static final int WINDOW_WIDTH = 1280;
  static final int WINDOW_HEIGHT = 2800;

  static ChromeDriver browser;
  static Path profileDir;

  @LocalServerPort int port;
  @Autowired PortalFixtures fixtures;
  @Autowired PartnerApplicationRepository applications;
  @Autowired AgreementRepository agreements;
  @Autowired AgreementSignatureRepository signatures;
  @Autowired TrainingAssignmentRepository training;

  @BeforeAll
  static void startChromium() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER
          + " (apt-get install chromium chromium-driver; .ci/run does it)");
    }
    Assumptions.assumeTrue(installed, "Chromium or chromedriver is not installed; apt-get install chromium chromium-driver");
    // the driver is given explicitly, so Selenium Manager never looks for (or downloads) one
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profileDir = Files.createTempDirectory("portal-chromium-");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profileDir, "--window-size=" + WINDOW_WIDTH + "," + WINDOW_HEIGHT, "--lang=en-GB");
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profileDir != null) {
      try (var files = Files.walk(profileDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private WebElement field(String id) {
    return browser.findElement(By.id(id));
  }

  private void type(String id, String text) {
    WebElement input = field(id);
    input.clear();
    input.sendKeys(text);
  }

  private void submit(String formAction) {
    click(browser.findElement(By.cssSelector("form[action='" + formAction + "'] button[type=submit]")));
  }

  /** Scrolls the element to the middle of the window first, so no sticky or neighbouring element is in the way. */
  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  /** Waits until the page shows all these texts: after a click the next page may still be loading. */
  private void expect(String... parts) {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
          .until(d -> java.util.Arrays.stream(parts).allMatch(text()::contains));
    } catch (TimeoutException e) {
      assertThat(text()).contains(parts);
    }
  }

  /**
   * A screenshot of the whole page. The window is taller than any page of the portal (see WINDOW), so a shot cut
   * to the page's height is the whole page, without resizing anything between the steps of the test.
   */
  private void screenshot(String name) throws IOException {
    long height = ((Number) ((JavascriptExecutor) browser).executeScript(
        "return Math.ceil(document.body.getBoundingClientRect().bottom) + 24")).longValue();
    long width = ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue();
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width,
        "height", Math.min(height, WINDOW_HEIGHT), "scale", 1);
    var shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "clip", clip));
    Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
  }

  @Test
  void aProspectAppliesSignsInDoesEveryStepAndEndsActive() throws Exception {
    String email = "nora" + PortalFixtures.next() + "@brightline.example";

    // apply
    open("/apply");
    type("legalName", "Brightline Systems GmbH");
    type("country", "DE");
    new Select(field("segment")).selectByVisibleText("System integrator");
    type("regions", "DACH\nBenelux");
    type("domainExpertise", "Cloud migration, Data platforms");
    type("customerBase", "150");
    type("certificationsHeld", "4");
    type("expectedAnnualRevenue", "1500000");
    type("motivation", "We implement data platforms for mid-market manufacturers and want to lead with your product.");
    type("contactName", "Nora Jones");
    type("contactEmail", email);
    screenshot("01-apply");
    submit("/apply");
    expect("Thank you, we received your application", email);

    PartnerApplication application = EngineRecords.await(() -> applications.findAll().stream()
        .filter(a -> a.getContactEmail().equals(email)).findFirst(), PortalFixtures.WAIT, "the application");
    long partnerId = application.getPartnerId();
    long instance = application.getProcessInstanceKey();

    // the invitation link from the brief mail: choose a password, then sign in
    fixtures.awaitStage(partnerId, LifecycleStage.BRIEFED);
    open(PortalFixtures.linkPath(fixtures.mail(partnerId, "brief-ready")));
    expect("Welcome, Nora Jones", email);
    type("password", PASSWORD);
    type("confirmation", PASSWORD);
    submit("/account/password");
    expect("Your password is set");
    assertThat(field("username").getAttribute("value")).isEqualTo(email);
    type("password", PASSWORD);
    submit("/login");
    expect("Brightline Systems GmbH", "Acknowledge the partner brief", "Due by");
    assertThat(browser.getCurrentUrl()).endsWith("/portal");
    screenshot("02-home");

    // brief
    browser.findElement(By.linkText("Brief")).click();
    expect("PARTNER BRIEF: Brightline Systems GmbH");
    screenshot("03-brief");
    submit("/portal/brief/acknowledge");
    expect("Thank you for acknowledging the partner brief", "Acknowledged by " + email);

    // agreement
    fixtures.awaitStage(partnerId, LifecycleStage.AGREEMENT);
    browser.findElement(By.linkText("Agreement")).click();
    String sha256 = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow().getDocumentSha256();
    assertThat(browser.findElement(By.cssSelector("[data-test=sha256]")).getText()).isEqualTo(sha256);
    expect("CHANNEL PARTNER AGREEMENT, revision 1", "Deal registration");
    type("fullName", "Nora Jones");
    click(browser.findElement(By.cssSelector("input[type=checkbox][name=consent]")));
    screenshot("04-agreement");
    submit("/portal/agreement/sign");
    expect("Thank you, you signed revision 1");
    var agreementId = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow().getId();
    var signature = signatures.findByAgreementIdAndParty(agreementId, AgreementSignature.Party.PARTNER).orElseThrow();
    assertThat(signature.getDocumentSha256()).isEqualTo(sha256);
    assertThat(signature.getClientAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    fixtures.completeTask(instance, "CountersignAgreement", Map.of("countersignDecision", "approve"));

    // profile and a document
    fixtures.awaitStage(partnerId, LifecycleStage.ONBOARDING);
    browser.findElement(By.linkText("Profile")).click();
    Path pdf = Files.createTempFile("tax-certificate-", ".pdf");
    Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
        StandardCharsets.US_ASCII);
    new Select(field("kind")).selectByVisibleText("Tax registration certificate");
    field("file").sendKeys(pdf.toAbsolutePath().toString());
    click(browser.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")));
    expect("Uploaded " + pdf.getFileName());
    type("registeredAddress", "Hafenstrasse 1, 20457 Hamburg");
    type("taxId", "DE123456789");
    type("bankAccountHolder", "Brightline Systems GmbH");
    type("iban", "DE89 3704 0044 0532 0130 00");
    type("website", "https://brightline.example");
    type("employees", "42");
    screenshot("05-profile");
    submit("/portal/profile");
    expect("your company profile and documents are submitted");
    Files.deleteIfExists(pdf);
    fixtures.completeTask(instance, "VerifyDocuments", Map.of("documentsDecision", "approve", "documentsComment", ""));
    fixtures.completeTask(instance, "ScheduleKickoff", Map.of("kickoffAt", "2026-12-03T10:00:00Z", "kickoffNotes", "video call"));

    // training
    var modules = EngineRecords.await(() -> Optional.of(training.findByPartnerIdOrderByModuleCode(partnerId))
        .filter(m -> !m.isEmpty()), PortalFixtures.WAIT, "training assignment");
    browser.findElement(By.linkText("Training")).click();
    for (int i = 0; i < modules.size(); i++) {
      click(browser.findElement(By.cssSelector("form[action$='/complete'] button[type=submit]")));
      expect((i + 1) + " of " + modules.size() + " modules completed");
      if (i == 0) {
        screenshot("06-training");
      }
    }
    expect("your training is complete");

    // active
    fixtures.awaitStage(partnerId, LifecycleStage.ACTIVE);
    browser.findElement(By.linkText("Home")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(
        d -> d.findElement(By.cssSelector("[data-test=stage]")).getText().equals("Active"));
    expect("Become an active partner", "Agreement revision 1 signed", "Stage: Active");
    screenshot("07-active-home");

    // the same page on a phone-sized screen: the navigation wraps, the columns stack
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", WINDOW_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
    browser.navigate().refresh();
    expect("Brightline Systems GmbH", "Your history with us");
    screenshot("08-active-home-phone");
  }
}
