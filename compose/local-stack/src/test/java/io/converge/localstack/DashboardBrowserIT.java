package io.converge.localstack;

import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

/**
 * The operators' dashboard in a real browser (Debian's chromium, driven by Selenium): log in, see a saga started over
 * REST appear live, read its timeline, retry a parked saga with a comment and see who did it, and as a viewer see no
 * action at all. Screenshots go to {@code docs/images/} for {@code docs/operations.md}.
 */
class DashboardBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path IMAGES = Path.of("../../docs/images").toAbsolutePath().normalize();

  private static WebDriver browser;
  private static String dashboard;

  @BeforeAll
  static void startBrowser() {
    assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)").exists();
    assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").exists();
    dashboard = TestSystem.get().url("saga-orchestrator");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1100");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .build(), options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anOperatorWatchesASagaLiveReadsItsTimelineAndRetriesAParkedOneWithAComment() throws Exception {
    logIn(TestSystem.OPERATOR, TestSystem.OPERATOR_PASSWORD);
    assertThat(browser.findElement(By.id("who")).getText()).isEqualTo(TestSystem.OPERATOR);
    waitFor(By.id("open-sagas"));
    screenshot("dashboard-overview.png");

    // The list is open before the saga starts: it appears without a reload (server-sent events).
    browser.get(dashboard + "/ui/sagas");
    waitFor(By.cssSelector("#saga-list tr"));
    String sagaId = place(order(newCustomer("100.00"), newProduct("10.00", 10), 1, "card")).get("sagaId").asText();
    waitFor(By.cssSelector("tr.saga-row[data-saga-id='" + sagaId + "']"));

    browser.findElement(By.linkText(sagaId)).click();
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      browser.navigate().refresh();
      return browser.findElement(By.id("saga-state")).getText().equals("COMPLETED");
    });
    String timeline = browser.findElement(By.id("timeline")).getText();
    assertThat(timeline).contains("order.CreateOrder", "inventory.ReserveStock", "customer.ReserveCredit",
        "payment.AuthorizePayment", "order.ApproveOrder", "REPLY_RECEIVED");
    assertThat(browser.findElement(By.id("participants")).getText()).contains("APPROVED", "AUTHORIZED");
    screenshot("dashboard-saga.png");

    // A parked saga (a compensation went unconfirmed: payment-service, then inventory-service down) is retried from
    // its page while inventory-service is still away (once it is back, the late confirmation ends the saga anyway).
    RunningSystem system = TestSystem.get();
    system.stop("payment-service");
    try {
      String parked = place(order(newCustomer("100.00"), newProduct("10.00", 10), 1, "card")).get("sagaId").asText();
      await().atMost(Duration.ofSeconds(15)).until(() -> TestSystem.get("saga-orchestrator", "/api/sagas/{id}",
          parked).get("history").toString().contains("customer.CreditReserved"));
      system.stop("inventory-service");
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> TestSystem.get("saga-orchestrator", "/api/sagas/{id}",
            parked).get("state").asText().equals("NEEDS_ATTENTION"));
        browser.get(dashboard + "/ui/sagas/" + parked);
        assertThat(browser.findElement(By.id("saga-state")).getText()).isEqualTo("NEEDS_ATTENTION");
        assertThat(browser.findElement(By.id("attention")).getText()).contains("inventory.ReleaseStock");
        screenshot("dashboard-parked-saga.png");
        browser.findElement(By.id("retry-comment")).sendKeys("inventory-service is back");
        browser.findElement(By.id("retry-confirm")).click();
        browser.findElement(By.id("retry")).click();

        waitFor(By.id("flash-message"));
        List<WebElement> audit = browser.findElements(By.cssSelector("tr.audit-entry"));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).getText()).contains("RETRY", "inventory-service is back");
        assertThat(audit.get(0).findElement(By.className("audit-operator")).getText())
            .isEqualTo(TestSystem.OPERATOR);
        assertThat(browser.findElement(By.id("saga-state")).getText()).isEqualTo("COMPENSATING");
      } finally {
        system.restart("inventory-service");
      }
    } finally {
      system.restart("payment-service");
    }

    browser.findElement(By.id("logout")).click();
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/login"));
  }

  @Test
  void anOperatorGivesUpOnASagaWaitingForAReviewAndSeesEveryServicesDeadLetters() throws Exception {
    // An order above the review amount waits for a person: the operator gives up on it now.
    JsonNode placed = place(order(newCustomer("5000.00"), newProduct("600.00", 10), 2, "card"));
    String sagaId = placed.get("sagaId").asText();
    RiskReviewEndToEndIT.awaitReview(placed.get("orderId").asText());
    logIn(TestSystem.OPERATOR, TestSystem.OPERATOR_PASSWORD);
    browser.get(dashboard + "/ui/sagas/" + sagaId);
    assertThat(browser.findElement(By.id("next")).getText()).contains("payment.RequestRiskReview", "CURRENT");
    browser.findElement(By.id("compensate-comment")).sendKeys("customer withdrew the order by phone");
    browser.findElement(By.id("compensate-confirm")).click();
    browser.findElement(By.id("compensate")).click();

    waitFor(By.id("flash-message"));
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      browser.navigate().refresh();
      return browser.findElement(By.id("saga-state")).getText().equals("COMPENSATED");
    });
    assertThat(browser.findElement(By.id("audit")).getText()).contains("COMPENSATE", TestSystem.OPERATOR,
        "customer withdrew the order by phone");
    assertThat(RiskReviewEndToEndIT.awaitReviewIn(placed.get("orderId").asText(), "WITHDRAWN")).isNotNull();

    // A record customer-service cannot read becomes a dead letter there; the dashboard lists every service's.
    String marker = "browser-poison-" + java.util.UUID.randomUUID();
    try (io.converge.devinfra.KafkaWireClient wire =
             new io.converge.devinfra.KafkaWireClient(TestSystem.get().kafkaBootstrap())) {
      wire.sendRaw(io.converge.contracts.customer.CustomerChannels.COMMANDS, 0, marker);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      browser.get(dashboard + "/ui/dead-letters");
      return browser.findElement(By.id("dead-letters")).getText().contains(marker);
    });
    assertThat(browser.findElement(By.id("dead-letters")).getText()).contains("customer-service");
    browser.get(dashboard + "/ui");
    waitFor(By.cssSelector("#services tr.service-row"));
    assertThat(browser.findElements(By.cssSelector("#services tr.service-row"))).hasSize(5);
    browser.findElement(By.id("logout")).click();
  }

  @Test
  void aViewerSeesNoActionAndTheApiRefusesHim() {
    String sagaId = place(order(newCustomer("100.00"), newProduct("10.00", 10), 1, "card")).get("sagaId").asText();
    logIn(TestSystem.VIEWER, TestSystem.VIEWER_PASSWORD);

    browser.get(dashboard + "/ui/sagas/" + sagaId);

    assertThat(browser.findElement(By.id("saga-id")).getText()).isEqualTo(sagaId);
    assertThat(browser.findElements(By.id("act"))).isEmpty();
    assertThat(browser.findElements(By.tagName("button"))).extracting(WebElement::getText).containsOnly("Log out");
    Integer status = TestSystem.viewer("saga-orchestrator").post().uri("/api/sagas/{id}/retry", sagaId)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("comment", "a viewer tries"))
        .exchange((request, response) -> response.getStatusCode().value());
    assertThat(status).isEqualTo(403);

    browser.get(dashboard + "/ui/sagas/no-such-saga");
    assertThat(waitFor(By.id("not-found")).getText()).contains("No saga no-such-saga");
    browser.get(dashboard + "/ui/sagas/" + sagaId);
    browser.findElement(By.id("logout")).click();
  }

  /** Scripts come from the dashboard's own origin only, and its pages are never framed. */
  @Test
  void thePagesDeclareTheirContentSecurityPolicy() throws Exception {
    java.net.http.HttpResponse<Void> login = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(dashboard + "/login")).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'"));
  }

  private static void logIn(String user, String password) {
    browser.manage().deleteAllCookies();
    browser.get(dashboard + "/ui");
    waitFor(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(By.id("who"));
  }

  private static WebElement waitFor(By element) {
    try {
      return new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(ExpectedConditions.presenceOfElementLocated(element));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("No " + element + " on " + browser.getCurrentUrl() + ":\n" + browser.getPageSource(), e);
    }
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(IMAGES);
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, IMAGES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
