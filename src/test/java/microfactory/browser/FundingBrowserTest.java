package microfactory.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** A member finds the open campaign, pledges on a phone, and sees the pledge held under their pseudonym. */
class FundingBrowserTest extends BrowserTest {

    @Test
    void aMemberPledgesToTheOpenCampaignOnAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/funding"));
        assertFitsWidth(390);
        assertThat(browser.findElements(By.cssSelector("svg.funding-bar"))).isNotEmpty();

        logIn("member@demo.local", "demo-member");
        browser.get(url("/funding"));
        browser.findElement(By.partialLinkText("plasma cutter")).click();
        assertFitsWidth(390);
        String before = browser.findElement(By.cssSelector(".funding-figures")).getText();
        browser.findElement(By.id("amount")).sendKeys("120");
        browser.findElement(By.id("pledge-submit")).click();
        assertThat(browser.findElement(By.id("notice")).getText()).contains("your pledge of $120.00 USD is held on the ledger");
        assertThat(browser.findElement(By.cssSelector(".funding-figures")).getText()).isNotEqualTo(before);
        assertThat(browser.findElement(By.id("backers")).getText()).contains("$120.00").contains("held");
        assertThat(browser.findElement(By.id("withdraw")).isDisplayed()).isTrue();
        assertFitsWidth(390);
    }

    /** The economics page and a member's statement read on a phone: the payback curve drawn, no sideways scrolling. */
    @Test
    void theEconomicsAndAMembersStatementReadOnAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/funding"));
        browser.findElement(By.id("economics-link")).click();
        assertThat(browser.findElement(By.id("payback-curve")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("capital")).getText()).contains("$5,000,000.00");
        assertFitsWidth(390);

        logIn("member@demo.local", "demo-member");
        browser.get(url("/profile"));
        browser.findElement(By.linkText("Your statement")).click();
        assertThat(browser.findElement(By.id("balance")).getText()).contains("You owe nothing");
        assertThat(browser.findElements(By.cssSelector("#invoices tr.invoice.paid"))).isNotEmpty();
        assertFitsWidth(390);
    }

    /** The steward's billing desk and the showroom read on a phone too. */
    @Test
    void theBillingDeskAndTheShowroomFitAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/production/showroom"));
        assertFitsWidth(390);
        logIn("steward@demo.local", "demo-steward");
        browser.get(url("/billing"));
        assertThat(browser.findElement(By.id("unpaid")).getText()).contains("MF-");
        assertFitsWidth(390);
    }
}
