package org.mlrcopilot.bot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The web chat's Markdown (web/markdown.js) in headless Chromium: what text becomes, as the DOM serialises it, and
 * that no text, however crafted, brings an element or attribute of its own.
 */
class MarkdownBrowserIT {

    @TempDir
    static Path dir;

    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        Browsers.assumePresent();
        browser = Browsers.start(dir.resolve("chrome-profile"));
        browser.get("about:blank");
        try (InputStream in = MarkdownBrowserIT.class.getResourceAsStream("/web/markdown.js")) {
            assertThat(in).as("web/markdown.js on the class path").isNotNull();
            browser.executeScript(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\nwindow.Markdown = Markdown;");
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The text's nodes, serialised by the browser. */
    private static String html(String text) {
        return (String) browser.executeScript(
                "const d = document.createElement('div'); d.appendChild(window.Markdown.fragment(arguments[0]));"
                        + " return d.innerHTML;",
                text);
    }

    /** Every element the text became, as its tag and then each attribute as name=value, one per line. */
    @SuppressWarnings("unchecked")
    private static List<String> elements(String text) {
        return (List<String>) browser.executeScript(
                "const d = document.createElement('div'); d.appendChild(window.Markdown.fragment(arguments[0]));"
                        + " return [...d.querySelectorAll('*')].map(e => [e.tagName.toLowerCase(),"
                        + " ...[...e.attributes].map(a => a.name + '=' + a.value)].join('\\n'));",
                text);
    }

    @Test
    void formatsWhatPeopleType() {
        Map<String, String> cases = Map.of(
                "**really** please read [the list](/researches.html)",
                "<strong>really</strong> please read <a href=\"/researches.html\">the list</a>",
                "*bold* and _quiet_, :rocket: `a*b*`",
                "<strong>bold</strong> and <em>quiet</em>, 🚀 <code>a*b*</code>",
                "see https://arxiv.org/abs/2408.14033.",
                "see <a href=\"https://arxiv.org/abs/2408.14033\" target=\"_blank\" rel=\"noopener noreferrer\">"
                        + "https://arxiv.org/abs/2408.14033</a>.",
                "<https://example.org/a?b=1&c=2|the paper>",
                "<a href=\"https://example.org/a?b=1&amp;c=2\" target=\"_blank\" rel=\"noopener noreferrer\">"
                        + "the paper</a>",
                "run:r-12 and /run.html?id=r-3",
                "<a class=\"run-link\" href=\"/run.html?id=r-12\">run:r-12</a> and "
                        + "<a class=\"run-link\" href=\"/run.html?id=r-3\">/run.html?id=r-3</a>",
                "one\ntwo ```py\nprint(1 < 2)\n``` after",
                "one<br>two <pre>print(1 &lt; 2)\n</pre> after",
                "an open ``` fence stays",
                "an open ``` fence stays",
                "[**b** https://x.example](https://y.example)",
                "<a href=\"https://y.example\" target=\"_blank\" rel=\"noopener noreferrer\"><strong>b</strong> "
                        + "https://x.example</a>");
        cases.forEach((text, expected) -> assertThat(html(text)).as(text).isEqualTo(expected));
    }

    @Test
    void markupInTheTextStaysText() {
        assertThat(html("<b>bold?</b> \"><img src=x onerror=alert(1)>"))
                .isEqualTo("&lt;b&gt;bold?&lt;/b&gt; \"&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(elements("<b>bold?</b> \"><img src=x onerror=alert(1)>")).isEmpty();
    }

    @Test
    void noCraftedLinkBringsAnAttributeOrAScheme() {
        assertThat(elements("see </x(https://e.example/x/onmouseover=alert(1)//|L> `a*b*`"))
                .containsExactly("a\nhref=/x(https://e.example/x/onmouseover=alert(1)//", "code");
        assertThat(elements("[x](https://e.example/\"onmouseover=\"alert(1)) <https://e.example/'a=b|y>"))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.split("\n"))
                        .allSatisfy(part -> assertThat(part).matches("a|code|strong|em|pre|br|(href|target|rel)=.*")));
        assertThat(elements("<//evil.example/x|L>")).containsExactly("a\nhref=#");
        assertThat(html("[x](javascript:alert(1)) <javascript:alert(1)|y>"))
                .isEqualTo("[x](javascript:alert(1)) &lt;javascript:alert(1)|y&gt;");
    }
}
