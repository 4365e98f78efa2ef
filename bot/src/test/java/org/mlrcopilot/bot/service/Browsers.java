package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for the browser tests. Without it the tests are skipped, unless
 * REQUIRE_BROWSER=true (-Dmlr.requireBrowser=true, CI): then they fail.
 */
final class Browsers {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {}

    /** Skips the test (or fails it, when the browser is required) without Chromium and its driver. */
    static void assumePresent() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (Boolean.getBoolean("mlr.requireBrowser")) {
            assertThat(present)
                    .as("chromium and chromium-driver are required (apt-get install chromium " + "chromium-driver)")
                    .isTrue();
        }
        assumeTrue(present, "chromium and chromium-driver are not installed");
    }

    /** A headless browser with its own profile directory; {@code extra} arguments after the usual ones. */
    static ChromeDriver start(Path profile, String... extra) {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        List<String> arguments = new ArrayList<>(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-extensions",
                "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile,
                // a desktop with a mouse: headless Chromium otherwise reports (hover: none), as a touch screen
                "--blink-settings=primaryHoverType=2,availableHoverTypes=2"));
        arguments.addAll(List.of(extra));
        options.addArguments(arguments);
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
    }

    /** A wait that polls every 200 ms and looks again when live updates replaced an element. */
    static WebDriverWait waiting(WebDriver browser, Duration patience) {
        WebDriverWait wait = new WebDriverWait(browser, patience);
        wait.pollingEvery(Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The open thread's message whose title starts with {@code titlePrefix}, once it is there. */
    static WebElement message(WebDriver browser, String titlePrefix, Duration patience) {
        return waiting(browser, patience)
                .until(d -> d.findElements(By.cssSelector(".thread .message")).stream()
                        .filter(m -> !m.findElements(By.cssSelector(".title")).isEmpty())
                        .filter(m -> m.findElement(By.cssSelector(".title"))
                                .getText()
                                .startsWith(titlePrefix))
                        .findFirst()
                        .orElse(null));
    }
}
