package microfactory.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import microfactory.chapter.ChapterEdit;
import microfactory.chapter.ChapterService;
import microfactory.common.SignUpMode;
import microfactory.mail.Mailer;

/** A newcomer signs up, logs in and lands on the dashboard; pages fit a phone. */
class SignUpBrowserTest extends BrowserTest {

    @Autowired Mailer mailer;
    @Autowired ChapterService chapters;

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
        // the click may return before the profile page has loaded
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("current-plan"))).getText())
                .contains("Producer member");
    }

    @Test
    void onAPhoneAnAdminSwitchesToJoiningByLinkAndANewcomerJoinsThroughTheMailedLink() {
        browser.manage().window().setSize(new Dimension(390, 844));
        logIn("admin@demo.local", "demo-admin");
        try {
            browser.get(url("/admin/settings"));
            assertFitsWidth(390);
            browser.findElement(By.cssSelector("input[name='signUpMode'][value='EMAIL_LINK']")).click();
            browser.findElement(By.id("settings-submit")).click();
            assertThat(browser.findElement(By.id("notice")).getText()).contains("Settings saved");
            logOut();

            browser.get(url("/signup"));
            assertFitsWidth(390);
            assertThat(browser.findElements(By.id("password"))).isEmpty();
            browser.findElement(By.id("email")).sendKeys("sam.okoro@example.org");
            browser.findElement(By.id("signup-submit")).click();
            assertThat(browser.findElement(By.id("signup-sent")).getText()).contains("Check your e-mail");
            assertFitsWidth(390);

            Matcher link = Pattern.compile("/signup/finish\\?token=[A-Za-z0-9_-]+").matcher(mailer.latest().stream()
                    .filter(m -> m.recipient().equals("sam.okoro@example.org")).findFirst().orElseThrow().body());
            assertThat(link.find()).isTrue();
            browser.get(url(link.group()));
            assertFitsWidth(390);
            assertThat(browser.findElement(By.id("email")).getText()).contains("sam.okoro@example.org");
            browser.findElement(By.id("displayName")).sendKeys("Sam Okoro");
            browser.findElement(By.id("password")).sendKeys("tractors on tuesday");
            browser.findElement(By.id("signup-submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("start-here")));
            assertThat(browser.findElement(By.id("notice")).getText()).contains("you are logged in");
        } finally {
            chapters.update(new ChapterEdit(null, null, null, null, null, null, null, null, null, null, null, SignUpMode.INSTANT)
                    .over(chapters.chapter()));
        }
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
