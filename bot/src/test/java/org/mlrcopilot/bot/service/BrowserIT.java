package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The research flow in a real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium: post
 * a link, watch the thread fill in live, vote with a reaction, press Run experiment, see the results with the plot.
 * Also checks that a message carrying HTML is shown as text. With REQUIRE_BROWSER=true (CI) a missing browser
 * fails the test instead of skipping it.
 */
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;
    private ServiceFixture fixture;
    private BotService service;
    private WebDriver browser;

    @BeforeEach
    void start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (Boolean.getBoolean("mlr.requireBrowser")) {
            assertThat(present).as("chromium and chromium-driver are required (apt-get install chromium "
                    + "chromium-driver)").isTrue();
        }
        assumeTrue(present, "chromium and chromium-driver are not installed");
        fixture = new ServiceFixture(dir, Map.of());
        service = fixture.start(new ByteArrayOutputStream());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + dir.resolve("chrome-profile"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private WebDriverWait waiting(Duration d) {
        WebDriverWait wait = new WebDriverWait(browser, d);
        wait.pollingEvery(Duration.ofMillis(200));
        return wait;
    }

    private WebElement message(String titlePrefix) {
        return waiting(Duration.ofSeconds(90)).until(d -> d.findElements(By.cssSelector(".thread .message")).stream()
                .filter(m -> !m.findElements(By.cssSelector(".title")).isEmpty())
                .filter(m -> m.findElement(By.cssSelector(".title")).getText().startsWith(titlePrefix))
                .findFirst().orElse(null));
    }

    @Test
    void postALinkVoteRunAndSeeTheResultsWithAPlot() throws Exception {
        browser.get("http://127.0.0.1:" + service.port() + "/");
        ((JavascriptExecutor) browser).executeScript(
                "localStorage.setItem('mlr.displayName', 'dana'); localStorage.setItem('mlr.userId', 'u-dana');");
        browser.navigate().refresh();
        WebElement name = waiting(Duration.ofSeconds(20)).until(
                ExpectedConditions.presenceOfElementLocated(By.id("display-name")));
        if (name.getTagName().equals("input")) {
            name.clear();
            name.sendKeys("dana");
        }

        WebElement composer = browser.findElement(By.cssSelector("#composer textarea"));
        composer.sendKeys("<b>bold?</b> please read " + fixture.paperUrl());
        browser.findElement(By.cssSelector("#composer button")).click();

        WebElement posted = waiting(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".message"))
                .stream().filter(m -> m.getText().contains("please read")).findFirst().orElse(null));
        assertThat(posted.findElements(By.tagName("b"))).as("user HTML is shown as text").isEmpty();
        assertThat(posted.getText()).contains("<b>bold?</b>");
        posted.click();

        WebElement h1 = message("H1 v1: ");
        message("H3 v1: ");
        assertThat(h1.findElements(By.cssSelector("button[data-action]"))).extracting(WebElement::getText)
                .contains("Run experiment", "Refine", "Discard");

        h1.findElement(By.cssSelector(".react-picker button[data-emoji='+1']")).click();
        waiting(Duration.ofSeconds(20)).until(d -> message("H1 v1: ").getText().contains("👍 1"));

        fixture.action("write_file", Map.of("file_name", "train.py", "content",
                ServiceFixture.trainingScriptWithPlot()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "An RBF SVC beats the baseline."));
        message("H1 v1: ").findElement(By.cssSelector("button[data-action='run']")).click();
        waiting(Duration.ofSeconds(20)).until(d -> d.findElement(By.id("toast")).getText().contains("Approved"));

        WebElement results = waiting(Duration.ofMinutes(4)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".thread .message")).stream()
                    .filter(m -> m.getText().contains("Results: ")).toList();
            return found.isEmpty() ? null : found.get(0);
        });
        WebElement plot = waiting(Duration.ofSeconds(20)).until(d -> results.findElements(
                By.cssSelector("img.attachment")).stream().findFirst().orElse(null));
        assertThat(plot.getAttribute("src")).endsWith("accuracy.png");
        Object width = ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth;", plot);
        assertThat(((Number) width).intValue()).as("the plot image loaded").isPositive();
        assertThat(results.getText()).contains("Baseline").contains("Improvement");
    }
}
