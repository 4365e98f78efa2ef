package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The research flow in a real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium: post
 * a link, watch the thread fill in live, vote with a reaction, press Run experiment, see the results with the plot.
 * Also checks that a message carrying HTML is shown as text. With REQUIRE_BROWSER=true (CI) a missing browser
 * fails the test instead of skipping it.
 */
class BrowserIT {

    @TempDir
    Path dir;

    private ServiceFixture fixture;
    private BotService service;
    private WebDriver browser;

    @BeforeEach
    void start() {
        Browsers.assumePresent();
        fixture = new ServiceFixture(dir, Map.of());
        service = fixture.start(new ByteArrayOutputStream());
        browser = Browsers.start(dir.resolve("chrome-profile"));
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
        return Browsers.waiting(browser, d);
    }

    /** Live updates redraw the messages: an element found a moment ago may be replaced; find it again. */
    private <T> T fresh(java.util.function.Supplier<T> action) {
        for (int attempt = 0; ; attempt++) {
            try {
                return action.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    private WebElement message(String titlePrefix) {
        return message(titlePrefix, Duration.ofSeconds(90));
    }

    private WebElement message(String titlePrefix, Duration patience) {
        return Browsers.message(browser, titlePrefix, patience);
    }

    /** 👍 from the picker the message shows under the mouse, and the count it then shows. */
    private void upvote(String titlePrefix) {
        fresh(() -> {
            WebElement target = message(titlePrefix);
            new org.openqa.selenium.interactions.Actions(browser)
                    .moveToElement(target)
                    .perform();
            target.findElement(By.cssSelector(".react-picker button[data-emoji='+1']"))
                    .click();
            return null;
        });
        waiting(Duration.ofSeconds(20))
                .until(d -> message(titlePrefix).getText().contains("👍 1"));
    }

    @Test
    void postALinkVoteRunAndSeeTheResultsWithAPlot() throws Exception {
        browser.get("http://127.0.0.1:" + service.port() + "/");
        ((JavascriptExecutor) browser)
                .executeScript(
                        "localStorage.setItem('mlr.displayName', 'dana'); localStorage.setItem('mlr.userId', 'u-dana');");
        browser.navigate().refresh();
        WebElement name = waiting(Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("display-name")));
        if (name.getTagName().equals("input")) {
            name.clear();
            name.sendKeys("dana");
        }

        WebElement composer = browser.findElement(By.cssSelector("#composer textarea"));
        composer.sendKeys("<b>bold?</b> **really** please read [the list](/researches.html) " + fixture.paperUrl());
        browser.findElement(By.cssSelector("#composer button")).click();

        String posted = waiting(Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("#messages .message")).stream()
                        .filter(m -> m.getText().contains("please read"))
                        .findFirst()
                        .map(m -> m.findElements(By.tagName("b")).size() + "|" + m.getText())
                        .orElse(null));
        assertThat(posted).as("user HTML is shown as text").startsWith("0|").contains("<b>bold?</b>");
        String rendered = waiting(Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#messages .message")).stream()
                        .filter(m -> m.getText().contains("please read"))
                        .findFirst()
                        .map(m -> m.findElements(By.tagName("strong")).stream()
                                        .map(WebElement::getText)
                                        .toList() + "|"
                                + m.findElements(By.cssSelector("a[href='/researches.html']")).stream()
                                        .map(WebElement::getText)
                                        .toList())
                        .orElse(null));
        assertThat(rendered).as("Markdown as people type it").isEqualTo("[really]|[the list]");
        waiting(Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector("#messages .message")).stream()
                        .filter(m -> m.getText().contains("please read"))
                        .findFirst()
                        .map(m -> !m.findElements(By.cssSelector(".reactions button.reaction[data-emoji='eyes']"))
                                .isEmpty())
                        .orElse(false));
        fresh(() -> {
            browser.findElements(By.cssSelector("#messages .message")).stream()
                    .filter(m -> m.getText().contains("please read"))
                    .findFirst()
                    .orElseThrow()
                    .click();
            return null;
        });

        message("H3 v1: ");

        WebElement reply = browser.findElement(By.cssSelector("#reply textarea"));
        String tooLong = "feedback ".repeat(1_800);
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1];" + "arguments[0].dispatchEvent(new Event('input'));",
                        reply,
                        tooLong);
        assertThat(browser.findElement(By.cssSelector("#reply .counter")).getText())
                .isEqualTo("16,200 / 16,000");
        browser.findElement(By.cssSelector("#reply button[type=submit]")).click();
        waiting(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("toast")).getText().contains("at most 16,000 characters"));
        assertThat(reply.getAttribute("value"))
                .as("a refused message stays in the box")
                .isEqualTo(tooLong);
        browser.findElement(By.cssSelector("#reply .as-file")).click();
        waiting(Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".thread .message")).stream()
                        .filter(m -> !m.findElements(By.cssSelector("a.file")).isEmpty()
                                && m.findElement(By.cssSelector("a.file"))
                                        .getText()
                                        .contains("message.txt"))
                        .findFirst()
                        .map(m -> !m.findElements(By.cssSelector("button.reaction[data-emoji='white_check_mark']"))
                                .isEmpty())
                        .orElse(false));
        assertThat(reply.getAttribute("value"))
                .as("sent as a file, the box is empty")
                .isEmpty();
        String researchId = service.store().recent(1).get(0).id();
        assertThat(service.store().feedback(researchId, ""))
                .as("the file is read as the reply")
                .singleElement()
                .satisfies(f -> assertThat(f.text())
                        .startsWith("feedback feedback")
                        .hasSize(tooLong.strip().length()));
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = 'H2: the dataset is too small';"
                                + "arguments[0].dispatchEvent(new Event('input'));",
                        reply);
        browser.findElement(By.cssSelector("#reply button[type=submit]")).click();
        waiting(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("toast")).getText().contains("Taken as feedback on H2"));
        waiting(Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".thread .message")).stream()
                        .filter(m -> m.getText().contains("the dataset is too small"))
                        .findFirst()
                        .map(m -> !m.findElements(By.cssSelector("button.reaction[data-emoji='white_check_mark']"))
                                .isEmpty())
                        .orElse(false));
        assertThat(reply.getAttribute("value"))
                .as("a sent message leaves the box")
                .isEmpty();
        assertThat(fresh(() -> message("H1 v1: ").findElements(By.cssSelector("button[data-action]")).stream()
                        .map(WebElement::getText)
                        .toList()))
                .contains("Run experiment", "Refine", "Discard");

        upvote("H1 v1: ");

        fixture.action(
                "write_file", Map.of("file_name", "train.py", "content", ServiceFixture.trainingScriptWithPlot()));
        fixture.action("execute_script", Map.of("script_name", "train.py"));
        fixture.action("final_answer", Map.of("answer", "An RBF SVC beats the baseline."));
        fresh(() -> {
            message("H1 v1: ")
                    .findElement(By.cssSelector("button[data-action='run']"))
                    .click();
            return null;
        });
        waiting(Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("toast")).getText().contains("Approved"));

        WebElement results = message("Results: ", Duration.ofMinutes(4));
        String text = fresh(() -> message("Results: ").getText());
        assertThat(text).contains("Baseline").contains("Improvement");
        Number width = waiting(Duration.ofSeconds(20)).until(d -> {
            List<WebElement> plots = message("Results: ").findElements(By.cssSelector("img.attachment"));
            Object w = plots.isEmpty()
                    ? null
                    : ((JavascriptExecutor) d)
                            .executeScript(
                                    "return arguments[0].src.endsWith('accuracy.png') ? arguments[0].naturalWidth : 0;",
                                    plots.get(0));
            return w instanceof Number n && n.intValue() > 0 ? n : null;
        });
        assertThat(width.intValue()).as("the plot image loaded").isPositive();
        waiting(Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".thread .message")).stream()
                        .filter(m -> m.getText().contains("Run page:"))
                        .findFirst()
                        .map(m -> m.getText().contains("Ended: done")
                                && m.findElements(By.cssSelector("button[data-action]"))
                                        .isEmpty())
                        .orElse(false));
        assertThat(results).isNotNull();
    }

    /**
     * An 800 px window: nothing scrolls sideways, the thread is headed by the paper's title, the reaction picker
     * shows on hover, feedback and Refine make v2 a message of its own with v1 still there, marked superseded,
     * and a message arriving below what one reads is announced instead of pulling the view down.
     */
    @Test
    void aNarrowWindowShowsARefinementAsConversation() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(800, 900));
        browser.get("http://127.0.0.1:" + service.port() + "/");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(
                "localStorage.setItem('mlr.displayName', 'erin'); localStorage.setItem('mlr.userId', 'u-erin');");
        browser.navigate().refresh();
        WebElement composer = waiting(Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#composer textarea")));
        composer.sendKeys("an unbroken " + "x".repeat(300) + " and the paper " + fixture.paperUrl());
        browser.findElement(By.cssSelector("#composer button")).click();
        message("H3 v1: ");
        waiting(Duration.ofSeconds(20))
                .until(d -> d.findElement(By.id("thread-title")).getText().startsWith("SPECTER"));
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
                        .intValue())
                .as("nothing scrolls sideways at 800 px")
                .isLessThanOrEqualTo(0);

        WebElement h2 = message("H2 v1: ");
        WebElement picker = h2.findElement(By.cssSelector(".react-picker"));
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(browser.findElement(By.id("thread-title")))
                .perform();
        assertThat((Boolean) js.executeScript("return matchMedia('(hover: hover)').matches;"))
                .isTrue();
        assertThat(picker.getCssValue("visibility"))
                .as("the picker hides until hovered")
                .isEqualTo("hidden");
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(h2).perform();
        waiting(Duration.ofSeconds(5))
                .until(d -> fresh(() -> message("H2 v1: ")
                                .findElement(By.cssSelector(".react-picker"))
                                .getCssValue("visibility"))
                        .equals("visible"));
        upvote("H2 v1: ");

        WebElement reply = browser.findElement(By.cssSelector("#reply textarea"));
        reply.sendKeys("see </x(https://e.example/x/onmouseover=alert(1)//|L> `a*b*`");
        browser.findElement(By.cssSelector("#reply button[type=submit]")).click();
        WebElement crafted = waiting(Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".thread .message")).stream()
                        .filter(m -> m.getText().contains("see L"))
                        .findFirst()
                        .orElse(null));
        assertThat(crafted.findElements(By.cssSelector("[onmouseover]")))
                .as("no attribute from the text")
                .isEmpty();
        assertThat(crafted.findElements(By.cssSelector(".text a"))).hasSize(1);
        assertThat(crafted.findElement(By.cssSelector(".text code")).getText()).isEqualTo("a*b*");
        reply.sendKeys("H2: use **bigram** features too");
        browser.findElement(By.cssSelector("#reply button[type=submit]")).click();
        waiting(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("toast")).getText().contains("Taken as feedback on H2"));
        fresh(() -> {
            message("H2 v1: ")
                    .findElement(By.cssSelector("button[data-action='refine']"))
                    .click();
            return null;
        });
        waiting(Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("toast")).getText().contains("Refining H2"));
        js.executeScript("document.getElementById('thread-messages').scrollTop = 0;");

        WebElement v2 = message("H2 v2: ", Duration.ofSeconds(60));
        assertThat(fresh(() -> message("H2 v2: ").getText()))
                .contains("Changed in v2 from v1")
                .contains("on v2");
        WebElement hint = browser.findElement(By.cssSelector(".new-messages[data-for='thread-messages']"));
        waiting(Duration.ofSeconds(10)).until(d -> hint.isDisplayed());
        String v1 = waiting(Duration.ofSeconds(20)).until(d -> {
            String text = message("H2 v1: ").getText();
            return text.contains("superseded by v2") ? text : null;
        });
        assertThat(v1).as("v1 stays visible with its own vote").contains("👍 1");
        assertThat(fresh(() -> message("H2 v1: ").findElements(By.cssSelector("button[data-action]"))))
                .isEmpty();
        List<String> order = fresh(() -> browser.findElements(By.cssSelector(".thread .message")).stream()
                .map(WebElement::getText)
                .toList());
        assertThat(order.get(order.size() - 1))
                .as("v2 comes after the feedback")
                .contains("H2 v2: ");
        assertThat(order.stream().filter(t -> t.contains("bigram")).findFirst()).isPresent();
        hint.click();
        waiting(Duration.ofSeconds(5)).until(d -> !hint.isDisplayed());
        fresh(() -> {
            message("H2 v2: ").findElement(By.cssSelector("a[href^='/#/']")).click();
            return null;
        });
        waiting(Duration.ofSeconds(10))
                .until(d ->
                        fresh(() -> message("H2 v1: ").getAttribute("class")).contains("focus"));
        assertThat(v2).isNotNull();

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        waiting(Duration.ofSeconds(10))
                .until(d ->
                        ((Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
                                        .intValue()
                                <= 0);
        assertThat(browser.findElement(By.cssSelector("#reply textarea")).isDisplayed())
                .as("a phone-sized window still shows the thread and its reply box")
                .isTrue();
    }
}
