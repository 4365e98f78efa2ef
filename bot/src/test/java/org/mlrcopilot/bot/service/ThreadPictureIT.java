package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's picture of a research thread, taken from the real web chat in headless Chromium: a paper link, the
 * brief, the hypotheses with their review scores and buttons, a vote, an approved run and its results with the plot.
 * The picture is written to bot/target/thread.png; with -Dmlr.screenshot=&lt;file&gt; (./mlr screenshot) it also
 * replaces that file (docs/images/thread.png).
 */
class ThreadPictureIT {

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private BotService service;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        Browsers.assumePresent();
        fixture = new ServiceFixture(dir, Map.of());
        service = fixture.start(new ByteArrayOutputStream());
        browser = Browsers.start(
                dir.resolve("chrome-profile"),
                "--hide-scrollbars",
                "--window-size=1280,900",
                "--force-device-scale-factor=1");
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
        return Browsers.waiting(browser, d);
    }

    private WebElement message(String titlePrefix, Duration patience) {
        return Browsers.message(browser, titlePrefix, patience);
    }

    private void click(String titlePrefix, String css) {
        waiting(Duration.ofSeconds(20)).until(d -> {
            WebElement target = message(titlePrefix, Duration.ofSeconds(20));
            new org.openqa.selenium.interactions.Actions(browser)
                    .moveToElement(target)
                    .perform();
            target.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    @Test
    void aResearchThreadFromLinkToResults() throws Exception {
        browser.get("http://localhost:" + service.port() + "/");
        ((JavascriptExecutor) browser)
                .executeScript(
                        "localStorage.setItem('mlr.displayName', 'Dana'); localStorage.setItem('mlr.userId', 'u-dana');");
        browser.navigate().refresh();
        waiting(Duration.ofSeconds(20))
                .until(d ->
                        !d.findElements(By.cssSelector("#composer textarea")).isEmpty());
        browser.findElement(By.cssSelector("#composer textarea"))
                .sendKeys("Could we build on this? " + fixture.paperUrl());
        browser.findElement(By.cssSelector("#composer button")).click();
        waiting(Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("#messages .message")).stream()
                        .filter(m -> m.getText().contains("build on this"))
                        .findFirst()
                        .map(m -> {
                            m.click();
                            return true;
                        })
                        .orElse(null));
        message("H3 v1: ", Duration.ofSeconds(90));
        click("H1 v1: ", ".react-picker button[data-emoji='+1']");
        waiting(Duration.ofSeconds(20))
                .until(d -> message("H1 v1: ", Duration.ofSeconds(5)).getText().contains("👍 1"));

        fixture.action(
                "write_file", Map.of("file_name", "train.py", "content", ServiceFixture.trainingScriptWithPlot()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "An RBF SVC on scaled pixels beats the baseline."));
        click("H1 v1: ", "button[data-action='run']");
        message("Results: ", Duration.ofMinutes(4));
        waiting(Duration.ofSeconds(20))
                .until(
                        d -> ((JavascriptExecutor) d)
                                .executeScript(
                                        "return [...document.querySelectorAll('img.attachment')].some(i => i.naturalWidth > 0);"));

        // The whole thread in one picture: the page unrolled (no inner scrolling, so no "new messages" hint; element
        // styles, as the page's content security policy refuses style sheets from scripts), the thread pane wider,
        // the mouse off the messages.
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToLocation(2, 2)
                .perform();
        Object height = ((JavascriptExecutor) browser)
                .executeScript("for (const h of document.querySelectorAll('.new-messages')) { h.hidden = true; }"
                        + "document.querySelector('main').style.height = 'auto';"
                        + "for (const id of ['messages', 'thread-messages']) { const e = document.getElementById(id);"
                        + "  e.style.overflow = 'visible'; e.style.flex = 'none'; }"
                        + "document.querySelector('.thread').style.width = '62%';"
                        + "for (const id of ['composer', 'reply']) { document.getElementById(id).style.display = 'none'; }"
                        + "return document.documentElement.scrollHeight;");
        int tall = Math.min(6000, Math.max(900, ((Number) height).intValue()));
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", tall, "deviceScaleFactor", 1, "mobile", false));
        // two animation frames: the page is laid out and painted at the new size
        browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => done()));");
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);

        Path target = Path.of("target", "thread.png");
        Files.createDirectories(target.getParent());
        Files.write(target, png);
        var image = ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1200);
        assertThat(image.getHeight()).isGreaterThan(900);
        String wanted = System.getProperty("mlr.screenshot", "");
        if (!wanted.isBlank()) {
            Path out = Path.of(wanted).isAbsolute() ? Path.of(wanted) : ServiceFixture.ROOT.resolve(wanted);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.copy(target, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
