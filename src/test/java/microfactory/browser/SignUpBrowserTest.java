package microfactory.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A newcomer signs up, logs in and lands on the dashboard; pages fit a phone. */
class SignUpBrowserTest extends BrowserTest {

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
        // Signing up logs you in: the home page greets you and shows where to start.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("start-here")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("you are logged in");
        assertThat(browser.findElement(By.id("profile-link")).getText()).isEqualTo("Robin Rivera");
        assertThat(browser.findElement(By.id("next-module")).getText()).isNotBlank();
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
            assertFitsWidth(390);
        }
        // The menu folds away on a phone and opens on a tap.
        assertThat(browser.findElement(By.cssSelector(".menu nav a[href='/ledger']")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector(".menu-button")).click();
        assertThat(browser.findElement(By.cssSelector(".menu nav a[href='/ledger']")).isDisplayed()).isTrue();
    }
}
