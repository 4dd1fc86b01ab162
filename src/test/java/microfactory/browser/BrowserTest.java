package microfactory.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import microfactory.support.TestDatabase;

/**
 * A person in a real browser (Debian's Chromium, headless) against the running app. Runs wherever Chromium is
 * installed; -Dmicrofactory.browser=required (CI) makes a missing browser a failure, =off skips.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
abstract class BrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("microfactory.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("microfactory.chromedriver", "/usr/bin/chromedriver"));

    @LocalServerPort int port;
    WebDriver browser;
    private Path profile;

    private static final AtomicBoolean SAID_WHY = new AtomicBoolean();

    @BeforeEach
    void openBrowser() throws Exception {
        String mode = System.getProperty("microfactory.browser", "auto");
        if (mode.equals("off")) {
            skip("switched off (-Dmicrofactory.browser=off)");
        }
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed) {
            if (mode.equals("required")) {
                fail("Browser tests are required but Chromium is missing: apt-get install chromium chromium-driver");
            }
            skip("Chromium is not installed at " + CHROMIUM + " (apt-get install chromium chromium-driver; "
                    + "-Dmicrofactory.browser=required makes that a failure)");
        }
        profile = Files.createTempDirectory("mf-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) { // Chromium's profile, some megabytes each run: not left in the temporary directory
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Skips the test, saying once per run why the browser tests did not run and how to run them. */
    private static void skip(String why) {
        if (SAID_WHY.compareAndSet(false, true)) {
            System.err.println("Browser tests skipped: " + why + ".");
        }
        assumeTrue(false, why);
    }

    /**
     * The page fits the window's width: no sideways scrolling. Measured once the page and its stylesheet are in (a
     * layout caught before the CSS applies is not the page's); a failure names the elements that stick out.
     */
    void assertFitsWidth(int width) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js.executeScript(
                "return document.readyState === 'complete' && document.styleSheets.length > 0"
                        + " && getComputedStyle(document.body).marginTop === '0px'")));
        long scroll = (Long) js.executeScript("return document.documentElement.scrollWidth");
        if (scroll > width) {
            Object wide = js.executeScript("""
                    return [...document.body.querySelectorAll('*')]
                        .filter(e => e.getBoundingClientRect().right > arguments[0] + 1)
                        .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > arguments[0] + 1))
                        .slice(0, 5)
                        .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' right='
                            + Math.round(e.getBoundingClientRect().right) + ' "' + e.textContent.trim().slice(0, 60) + '"')""", width);
            assertThat(scroll).as("no sideways scrolling at " + browser.getCurrentUrl() + "; sticking out: " + wide)
                    .isLessThanOrEqualTo(width);
        }
    }

    /**
     * Waits until {@code element}'s page has been replaced (a form posted, the page reloaded). Chromium may answer a
     * question about a node of the old page with an inspector error rather than "stale": both mean it is gone.
     */
    void waitUntilGone(WebElement element) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** Logs in by the login page, as a person does, and waits until the page says so. */
    void logIn(String email, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        browser.findElement(By.id("logout"));
    }

    /** Logs out and waits for the signed-out page: the click may return before the logout has been answered. */
    void logOut() {
        browser.findElement(By.id("logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.linkText("Log in")));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
