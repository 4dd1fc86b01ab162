package microfactory.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import microfactory.production.ProductionService;
import microfactory.production.Run;
import microfactory.production.RunStatus;

/**
 * A newcomer's first hour, on a phone and on a desktop: sign up (and be logged in at once) → the start-here panel → a
 * module → the badge and its credential → join an open build → leave → join again → my tasks; and the tractor build's
 * Gantt chart with its time axis and legend. No error page anywhere; the run page never scrolls sideways on a phone.
 */
class FirstHourBrowserTest extends BrowserTest {

    @Autowired ProductionService production;

    @Test
    void onAPhone() {
        journey(390, "phone-newcomer@example.org");
    }

    @Test
    void onADesktop() {
        journey(1280, "desk-newcomer@example.org");
    }

    private void journey(int width, String email) {
        browser.manage().window().setSize(new Dimension(width, 900));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(url("/signup"));
        fill("email", email);
        fill("displayName", "Noa Newcomer");
        fill("password", "we build tractors");
        browser.findElement(By.id("signup-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("start-here")));
        noErrorPage();
        assertThat(browser.findElement(By.id("notice")).getText()).contains("logged in");

        browser.get(url("/learn/shop-safety"));
        browser.findElement(By.cssSelector("#question-1 input[value='1']")).click();
        browser.findElement(By.cssSelector("#question-2 input[value='0']")).click();
        browser.findElement(By.id("submit-assessment")).click();
        assertThat(browser.findElement(By.id("outcome")).getText()).contains("you earned the badge Shop safety");
        browser.findElement(By.id("credential-link")).click();
        noErrorPage();
        assertThat(browser.getPageSource()).contains("safety");

        Run solar = production.runs().stream().filter(r -> r.designSlug().equals("solar-panel") && r.status() == RunStatus.OPEN)
                .findFirst().orElseThrow();
        String page = url("/production/runs/" + solar.id());
        browser.get(page);
        assertFitsWidth(width);
        submit("join-trainee");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("You have a trainee seat");
        assertThat(browser.findElement(By.id("my-day")).getText()).contains("My tasks");
        submit("withdraw");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("You left the run");
        submit("join-trainee");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("You have a trainee seat");
        noErrorPage();
        assertFitsWidth(width);

        browser.get(url("/production/my-tasks"));
        noErrorPage();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My tasks");

        Run tractor = production.runs().stream().filter(r -> r.designSlug().equals("lifetrac")).findFirst().orElseThrow();
        browser.get(url("/production/runs/" + tractor.id()));
        assertFitsWidth(width);
        WebElement gantt = browser.findElement(By.id("gantt-bay"));
        assertThat(gantt.findElements(By.cssSelector("text.day-label"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(gantt.findElements(By.cssSelector("text.hour-label"))).isNotEmpty();
        assertThat(gantt.findElements(By.cssSelector("text.bar-label"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#gantt-bay-legend li"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.findElement(By.id("gantt-bay-legend")).getText()).contains("unit 1").contains("critical chain");
    }

    /** Clicks a form's button and waits for the page it leads to (never reading the old page's notice). */
    private void submit(String buttonId) {
        WebElement old = browser.findElement(By.tagName("html"));
        browser.findElement(By.id(buttonId)).click();
        waitUntilGone(old);
    }

    private void noErrorPage() {
        assertThat(browser.getPageSource()).doesNotContain("500 · ").doesNotContain("Something went wrong on our side");
    }


    private void fill(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }
}
