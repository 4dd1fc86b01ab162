package microfactory.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import microfactory.support.TestDatabase;

/**
 * A person in a real browser (Debian's Chromium, headless): sign up, log in, land on the dashboard.
 * Runs wherever Chromium is installed; -Dmicrofactory.browser=required (CI) makes a missing browser a failure.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class SignUpBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("microfactory.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("microfactory.chromedriver", "/usr/bin/chromedriver"));

    @LocalServerPort int port;
    WebDriver browser;
    Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        String mode = System.getProperty("microfactory.browser", "auto");
        assumeTrue(!mode.equals("off"), "browser tests switched off");
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed) {
            if (mode.equals("required")) {
                fail("Browser tests are required but Chromium is missing: apt-get install chromium chromium-driver");
            }
            assumeTrue(false, "Chromium not installed (apt-get install chromium chromium-driver)");
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
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aNewcomerSignsUpLogsInAndSeesTheDashboard() {
        browser.get(url("/signup"));
        // First a mistake: the error appears beside the field, and what was typed stays.
        browser.findElement(By.id("email")).sendKeys("member@demo.local");
        browser.findElement(By.id("displayName")).sendKeys("Robin Rivera");
        browser.findElement(By.id("password")).sendKeys("we build tractors");
        browser.findElement(By.id("signup-submit")).click();
        assertThat(browser.findElement(By.id("email-error")).getText()).contains("exists already");
        assertThat(browser.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Robin Rivera");

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys("robin@example.org");
        browser.findElement(By.id("password")).sendKeys("we build tractors");
        new Select(browser.findElement(By.id("planCode"))).selectByValue("value-share");
        browser.findElement(By.id("signup-submit")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getPageSource()).contains("Your account is ready");

        browser.findElement(By.id("username")).sendKeys("robin@example.org");
        browser.findElement(By.id("password")).sendKeys("we build tractors");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("active-members")));
        assertThat(browser.findElement(By.id("profile-link")).getText()).isEqualTo("Robin Rivera");
        assertThat(browser.findElement(By.cssSelector(".hero h1")).getText()).isEqualTo("Maysville Microfactory");

        browser.findElement(By.id("profile-link")).click();
        assertThat(browser.findElement(By.id("current-plan")).getText()).contains("Producer member");
    }

    @Test
    void theNavigationIsAlwaysShownOnAWideScreen() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/"));
        assertThat(browser.findElement(By.cssSelector(".menu nav a[href='/plans']")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".menu-button")).isDisplayed()).isFalse();
    }

    @Test
    void theDashboardFitsAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String page : new String[] {"/ledger", "/ledger/entries/0", "/plans", "/equipment", "/designs", "/designs/lifetrac",
                "/learn", "/learn/welding-basics", "/badges", "/"}) {
            browser.get(url(page));
            long scrollWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).as("no sideways scrolling on a phone at " + page).isLessThanOrEqualTo(390);
        }
        // The menu folds away on a phone and opens on a tap.
        assertThat(browser.findElement(By.cssSelector(".menu nav a[href='/ledger']")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector(".menu-button")).click();
        assertThat(browser.findElement(By.cssSelector(".menu nav a[href='/ledger']")).isDisplayed()).isTrue();
    }
}
