package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in through the real pages in headless Chromium (web.auth=local): the first admin joins with the link the
 * service printed, invites a member from the admin page; the member joins in a second browser; both see the same
 * research; the member's Run experiment is refused, the admin's starts the run, and the results arrive.
 */
class SignInBrowserIT {

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private BotService service;
    private final ByteArrayOutputStream report = new ByteArrayOutputStream();
    private WebDriver ada;
    private WebDriver bob;

    @BeforeEach
    void start() {
        Browsers.assumePresent();
        fixture = new ServiceFixture(dir, Map.of("MLR_WEB_AUTH", "local"));
        service = fixture.start(report);
        ada = browser("ada");
        bob = browser("bob");
    }

    private WebDriver browser(String profile) {
        return Browsers.start(dir.resolve("chrome-" + profile));
    }

    @AfterEach
    void stop() {
        for (WebDriver b : new WebDriver[] {ada, bob}) {
            if (b != null) {
                b.quit();
            }
        }
        if (service != null) {
            service.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static WebDriverWait waiting(WebDriver browser, Duration d) {
        return Browsers.waiting(browser, d);
    }

    private void join(WebDriver browser, String link, String name) {
        browser.get(link);
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(name + "'s long password");
        browser.findElement(By.cssSelector("#accept button")).click();
        waiting(browser, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.id("sign-out")).size() == 1);
    }

    private WebElement message(WebDriver browser, String titlePrefix, Duration patience) {
        return Browsers.message(browser, titlePrefix, patience);
    }

    private void openThread(WebDriver browser, String text) {
        waiting(browser, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#messages .message")).stream()
                        .filter(m -> m.getText().contains(text))
                        .findFirst()
                        .map(m -> {
                            m.click();
                            return true;
                        })
                        .orElse(null));
    }

    @Test
    void anAdminAndAMemberSignInThroughThePagesAndOnlyTheAdminApproves() {
        String base = "http://127.0.0.1:" + service.port();
        ada.get(base + "/");
        assertThat(ada.getCurrentUrl()).as("no session: the sign-in page").endsWith("/signin");
        Matcher invite = Pattern.compile("(http://localhost:\\d+)(/invite/[A-Za-z0-9_-]+)")
                .matcher(report.toString());
        assertThat(invite.find()).as(report.toString()).isTrue();
        join(ada, base + invite.group(2), "ada");

        ada.get(base + "/admin.html");
        ada.findElement(By.cssSelector("#invite button")).click();
        String link = waiting(ada, Duration.ofSeconds(10)).until(d -> {
            String text = d.findElement(By.id("invite-link")).getText();
            return text.contains("/invite/") ? text : null;
        });
        join(bob, base + link.substring(link.indexOf("/invite/")), "bob");
        String people = waiting(ada, Duration.ofSeconds(10)).until(d -> {
            d.navigate().refresh();
            String text = d.findElement(By.id("people")).getText();
            return text.contains("bob") ? text : null;
        });
        assertThat(people).contains("ada");

        ada.get(base + "/");
        waiting(ada, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.id("sign-out")).size() == 1);
        ada.findElement(By.cssSelector("#composer textarea")).sendKeys("please read " + fixture.paperUrl());
        ada.findElement(By.cssSelector("#composer button")).click();
        openThread(ada, "please read");
        message(ada, "H1 v1: ", Duration.ofSeconds(90));

        bob.get(base + "/#/research");
        openThread(bob, "please read");
        message(bob, "H1 v1: ", Duration.ofSeconds(30))
                .findElement(By.cssSelector("button[data-action='run']"))
                .click();
        waiting(bob, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("toast")).getText().contains("bob is not an approver"));

        fixture.action("write_file", Map.of("file_name", "train.py", "content", trainingScript()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "An RBF SVC beats the baseline."));
        message(ada, "H1 v1: ", Duration.ofSeconds(30))
                .findElement(By.cssSelector("button[data-action='run']"))
                .click();
        waiting(ada, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("toast")).getText().contains("Approved"));
        String results = message(bob, "Results: ", Duration.ofMinutes(4)).getText();
        assertThat(results).contains("Baseline").contains("approved by ada");
    }

    private static String trainingScript() {
        try {
            return ServiceFixture.trainingScriptWithPlot();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
