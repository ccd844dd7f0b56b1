package io.seire.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser tests of the console: Debian's headless Chromium driven through Selenium against the shared test server
 * (one browser per test class). {@link #check} runs axe-core in the page (no serious or critical violation), tabs
 * through the page (every link, button and field can be reached by keyboard) and saves a screenshot of the whole
 * page at 1280 and 390 pixels wide under {@code target/console-screenshots/}.
 */
public abstract class BrowserTestBase extends ApiTestBase {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final String CHROMIUM = System.getProperty("seire.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("seire.chromedriver", "/usr/bin/chromedriver");
    private static final String AXE = readAxe();

    protected static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        assertThat(new File(CHROMIUM)).as("the browser tests need Debian's chromium and chromium-driver: "
                + "apt-get install -y chromium chromium-driver (.ci/run installs them)").exists();
        assertThat(new File(CHROMEDRIVER)).as("apt-get install -y chromium-driver").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--force-device-scale-factor=1", "--lang=en-GB", "--hide-scrollbars");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    /**
     * Follows every download link of the page as the browser would (with the signed-in session's cookie) and answers
     * the content type each one got; a link that does not answer 200 fails the test.
     */
    protected java.util.Map<String, String> downloads() throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.util.Map<String, String> types = new java.util.LinkedHashMap<>();
        for (WebElement link : all("a[download]")) {
            String href = link.getAttribute("href");
            java.net.http.HttpResponse<byte[]> r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                    .header("Cookie", cookies).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(href + ": " + new String(r.body(),
                    java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(r.body()).as(href).isNotEmpty();
            types.put(href, r.headers().firstValue("Content-Type").orElse(""));
        }
        return types;
    }

    /** Signs out whoever is signed in, and signs in through the form. */
    protected void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/login?lang=en");
        browser.findElement(By.name("username")).sendKeys(username);
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.name("password")).sendKeys(password, Keys.ENTER);
        awaitNewPage(page);
    }

    protected WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    protected List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    protected String h1() {
        return find("h1").getText();
    }

    protected String text() {
        return find("body").getText();
    }

    /** Fills a field (input, textarea) by its name: cleared, then typed. */
    protected void type(String name, String value) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    protected void choose(String name, String value) {
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name(name))).selectByValue(value);
    }

    /** Moves the focus with the Tab key (never the mouse) to the field of that name; fails if Tab never gets there. */
    protected void tabTo(String name) {
        Actions keys = new Actions(browser);
        for (int i = 0; i < 80; i++) {
            keys.sendKeys(Keys.TAB).perform();
            Object focused = ((JavascriptExecutor) browser).executeScript(
                    "return document.activeElement && document.activeElement.name;");
            if (name.equals(focused)) {
                return;
            }
        }
        throw new AssertionError("the Tab key never reaches the field " + name + " on " + browser.getCurrentUrl());
    }

    /** Types into whatever has the focus, with the keyboard. */
    protected void keys(CharSequence... text) {
        new Actions(browser).sendKeys(text).perform();
    }

    /** Presses a button and waits for the page it leads to. */
    protected void press(String buttonText) {
        WebElement button = browser.findElements(By.cssSelector("button, input[type=submit]")).stream()
                .filter(b -> b.getText().strip().equals(buttonText)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + buttonText + "' on " + browser.getCurrentUrl()));
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        awaitNewPage(page);
    }

    /** Waits until the page an element belonged to is gone (the browser has loaded the next one). */
    private static void awaitNewPage(WebElement oldPage) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                // stale, or "does not belong to the document": either way the old page is gone
                return true;
            }
        });
    }

    /** Follows a link and waits for the page it leads to. */
    protected void follow(WebElement link) {
        WebElement page = browser.findElement(By.tagName("html"));
        link.click();
        awaitNewPage(page);
    }

    /**
     * The checks every page gets: one h1, every table with header cells, axe-core without serious or critical
     * violations, every focusable element reachable with the Tab key, and screenshots at 1280 and 390 px.
     */
    protected void check(String name) {
        assertThat(all("h1")).as("one h1 on " + name).hasSize(1);
        Object duplicates = ((JavascriptExecutor) browser).executeScript("var seen = {}, twice = [];"
                + "document.querySelectorAll('[id]').forEach(function (e) { if (seen[e.id]) { twice.push(e.id); } seen[e.id] = 1; });"
                + "var names = {}; document.querySelectorAll('form').forEach(function (f) { var n = {};"
                + "  f.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea')"
                + "  .forEach(function (e) { if (n[e.name]) { twice.push('field ' + e.name); } n[e.name] = 1; }); });"
                + "return twice;");
        assertThat((List<?>) duplicates).as("no id twice on " + name + ", no field twice in one form").isEmpty();
        for (WebElement table : all("table")) {
            assertThat(table.findElements(By.tagName("th"))).as("header cells in every table of " + name).isNotEmpty();
        }
        assertNoSeriousViolations(name);
        assertKeyboardReachable(name);
        screenshot(name);
    }

    @SuppressWarnings("unchecked")
    private void assertNoSeriousViolations(String name) {
        JavascriptExecutor js = browser;
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "      + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
        assertThat((List<String>) result).as("axe-core on " + name).isEmpty();
    }

    /** Tabs from the top of the page through it: every link, button and field gets the focus in turn. */
    @SuppressWarnings("unchecked")
    private void assertKeyboardReachable(String name) {
        JavascriptExecutor js = browser;
        // a group of radio buttons is one stop of the Tab key (the arrow keys move within it)
        List<String> focusable = (List<String>) js.executeScript("var out = [], radios = {};"
                + "document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]')"
                + ".forEach(function (e, i) { if (e.tabIndex >= 0 && !e.disabled && e.checkVisibility({visibilityProperty: true})) {"
                + "  if (e.type === 'radio') { if (radios[e.name]) { e.setAttribute('data-tab-check', radios[e.name]); return; }"
                + "    radios[e.name] = String(i); }"
                + "  e.setAttribute('data-tab-check', String(i)); out.push(String(i)); } });"
                + "return out;");
        js.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);"
                + "document.body.setAttribute('tabindex', '-1'); document.body.focus(); document.body.removeAttribute('tabindex');");
        List<String> reached = new ArrayList<>();
        Actions keys = new Actions(browser);
        for (int i = 0; i < focusable.size() + 5 && reached.size() < focusable.size(); i++) {
            keys.sendKeys(Keys.TAB).perform();
            Object id = js.executeScript("return document.activeElement && document.activeElement.getAttribute('data-tab-check');");
            if (id != null && !reached.contains(id.toString())) {
                reached.add(id.toString());
            }
        }
        assertThat(reached).as("every link, button and field of " + name + " is reached with Tab")
                .containsExactlyInAnyOrderElementsOf(focusable);
    }

    /** The whole page, as wide as a desktop window and as a phone. */
    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            ((JavascriptExecutor) browser).executeScript(
                    "if (document.activeElement) { document.activeElement.blur(); } window.scrollTo(0, 0);");
            for (int width : new int[]{1280, 390}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                        "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
                browser.manage().window().setSize(new Dimension(width, Math.min(8000, Math.max(600, height.intValue()))));
                byte[] png = browser.getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), png);
            }
            browser.manage().window().setSize(new Dimension(1280, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAxe() {
        try (InputStream in = BrowserTestBase.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
