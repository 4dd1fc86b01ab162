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
import org.springframework.test.context.TestPropertySource;

import microfactory.chapter.SetupToken;

/**
 * Someone starts a real chapter without the demo, on a phone: every page leads to the set-up page, which wants the
 * token from the server's log; then the admin logs in, adds a bay and a plan, and the empty pages say what to do first.
 */
// Its own context (a second property), so it never shares the empty chapter another test founds.
@TestPropertySource(properties = {"microfactory.demo.enabled=false", "spring.application.name=setup-browser-test"})
class SetupBrowserTest extends BrowserTest {

    @Autowired SetupToken token;

    @Test
    void aNewChapterIsSetUpAndFurnishedInTheBrowser() {
        browser.manage().window().setSize(new Dimension(390, 844));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.get(url("/ledger"));
        wait.until(ExpectedConditions.urlContains("/setup"));
        assertFitsWidth(390);

        fill("token", "not-the-token");
        fill("name", "Lagos Microfactory");
        fill("currency", "NGN");
        fill("timeZone", "Africa/Lagos");
        fill("publicUrl", "https://lagos.microfactory.example");
        fill("adminEmail", "ada@lagos.example");
        fill("adminName", "Ada Obi");
        fill("adminPassword", "we build tractors");
        browser.findElement(By.id("setup-submit")).click();
        assertThat(browser.findElement(By.id("token-error")).getText()).contains("set-up token");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Lagos Microfactory");

        fill("token", token.current());
        fill("adminPassword", "we build tractors");
        browser.findElement(By.id("setup-submit")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getPageSource()).contains("The chapter is set up");

        fill("username", "ada@lagos.example");
        fill("password", "we build tractors");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("first-steps")));
        assertThat(browser.findElement(By.cssSelector(".hero h1")).getText()).isEqualTo("Lagos Microfactory");
        assertThat(browser.findElement(By.id("payback")).getText()).contains("not set yet");

        browser.get(url("/equipment/manage"));
        assertThat(browser.findElement(By.id("bays")).getText()).contains("No bays yet");
        browser.findElement(By.id("add-bay")).click();
        fill("code", "B01");
        fill("name", "Assembly bay 1");
        fill("kind", "assembly");
        fill("areaM2", "lots");
        browser.findElement(By.id("bay-submit")).click();
        assertThat(browser.findElement(By.id("areaM2-error")).getText()).contains("square metres"); // a number field sends nothing for "lots"
        fill("areaM2", "160");
        browser.findElement(By.id("bay-submit")).click();
        wait.until(ExpectedConditions.urlContains("/equipment/manage"));
        assertThat(browser.findElement(By.id("bays")).getText()).contains("Assembly bay 1");

        browser.get(url("/plans/manage/new"));
        fill("code", "founding");
        fill("name", "Founding member");
        fill("annualDues", "2500000");
        browser.findElement(By.id("plan-submit")).click();
        wait.until(ExpectedConditions.urlContains("/plans/manage"));
        assertThat(browser.findElement(By.id("plans")).getText()).contains("Founding member").contains("NGN");
        assertFitsWidth(390);

        browser.get(url("/setup"));
        assertThat(browser.getPageSource()).contains("404");
    }


    private void fill(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }
}
