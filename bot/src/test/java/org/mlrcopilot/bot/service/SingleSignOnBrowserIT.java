package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlrcopilot.bot.testing.FakeOidcProvider;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Single sign-on through the real sign-in page in headless Chromium: "Sign in with Slack" goes to the OpenID Connect
 * provider (at the wire) and back; the person, an approver by web.oidc.role, posts a paper, approves a hypothesis and
 * sees the results of the run.
 */
class SingleSignOnBrowserIT {

    @TempDir
    Path dir;

    private final FakeOidcProvider provider = new FakeOidcProvider("mlr-bot", "secret");
    private ServiceFixture fixture;
    private BotService service;
    private WebDriver browser;

    @BeforeEach
    void start() {
        Browsers.assumePresent();
        fixture = new ServiceFixture(
                dir,
                Map.of(
                        "MLR_WEB_AUTH",
                        "local",
                        "MLR_WEB_OIDC_ISSUER",
                        provider.issuer(),
                        "MLR_WEB_OIDC_CLIENT_ID",
                        "mlr-bot",
                        "MLR_WEB_OIDC_CLIENT_SECRET",
                        "secret",
                        "MLR_WEB_OIDC_LABEL",
                        "Slack",
                        "MLR_WEB_OIDC_ROLE",
                        "approver",
                        "MLR_WEB_OIDC_ALLOW_PRIVATE_ADDRESSES",
                        "true"));
        service = fixture.start(new ByteArrayOutputStream());
        browser = Browsers.start(dir.resolve("chrome"));
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
        provider.close();
    }

    private WebDriverWait waiting(Duration d) {
        return Browsers.waiting(browser, d);
    }

    private WebElement message(String titlePrefix, Duration patience) {
        return Browsers.message(browser, titlePrefix, patience);
    }

    @Test
    void signsInWithTheProviderAndCompletesAResearch() throws Exception {
        String base = "http://localhost:" + service.port();
        browser.get(base + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/signin");
        WebElement sso = waiting(Duration.ofSeconds(10)).until(d -> {
            WebElement link = d.findElement(By.id("sso-start"));
            return link.isDisplayed() ? link : null;
        });
        assertThat(sso.getText()).isEqualTo("Sign in with Slack");
        sso.click();
        waiting(Duration.ofSeconds(20))
                .until(d -> d.findElements(By.id("sign-out")).size() == 1);
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/");
        assertThat(provider.tokenRequests).hasSize(1);
        assertThat(browser.findElement(By.id("display-name")).getAttribute("value"))
                .isEqualTo("Ada Lovelace");

        browser.findElement(By.cssSelector("#composer textarea")).sendKeys("please read " + fixture.paperUrl());
        browser.findElement(By.cssSelector("#composer button")).click();
        waiting(Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#messages .message")).stream()
                        .filter(m -> m.getText().contains("please read"))
                        .findFirst()
                        .map(m -> {
                            m.click();
                            return true;
                        })
                        .orElse(null));
        message("H1 v1: ", Duration.ofSeconds(90));
        fixture.action(
                "write_file", Map.of("file_name", "train.py", "content", ServiceFixture.trainingScriptWithPlot()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "An RBF SVC beats the baseline."));
        message("H1 v1: ", Duration.ofSeconds(30))
                .findElement(By.cssSelector("button[data-action='run']"))
                .click();
        waiting(Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("toast")).getText().contains("Approved"));
        String results = message("Results: ", Duration.ofMinutes(4)).getText();
        assertThat(results).contains("Baseline").contains("approved by Ada Lovelace");
    }
}
