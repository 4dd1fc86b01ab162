package microfactory.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import microfactory.production.ProductionService;
import microfactory.production.Run;
import microfactory.production.RunStatus;
import microfactory.production.Unit;

/**
 * A steward on a phone reads stock and the flows diagram, records a delivery (a refused one first, with the problem
 * beside its field), and reads a unit's quality record and whole life.
 */
class MaterialsBrowserTest extends BrowserTest {

    @Autowired ProductionService production;

    @Test
    void aStewardRecordsADeliveryOnAPhoneAndReadsAUnitsWholeLife() {
        browser.manage().window().setSize(new Dimension(390, 844));
        logIn("steward@demo.local", "demo-steward");
        browser.get(url("/materials"));
        assertThat(browser.findElements(By.cssSelector("#sankey path"))).isNotEmpty();
        assertThat(browser.findElement(By.id("circularity")).getText()).contains("% of the");
        assertFitsWidth(390);

        new Select(browser.findElement(By.id("mv-material"))).selectByValue("arduino-mega");
        new Select(browser.findElement(By.id("mv-kind"))).selectByValue("receipt");
        browser.findElement(By.id("mv-quantity")).sendKeys("two");
        browser.findElement(By.id("mv-cost")).sendKeys("96.80");
        WebElement form = browser.findElement(By.id("move-form"));
        form.submit();
        waitUntilGone(form);
        assertThat(browser.findElement(By.id("mv-quantity-error")).getText()).contains("a number");
        assertThat(browser.findElement(By.id("mv-cost")).getAttribute("value")).isEqualTo("96.80"); // what was typed is kept
        assertFitsWidth(390);
        WebElement quantity = browser.findElement(By.id("mv-quantity"));
        quantity.clear();
        quantity.sendKeys("2");
        form = browser.findElement(By.id("move-form"));
        form.submit();
        waitUntilGone(form);
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Recorded: receipt of 2 pcs arduino-mega")
                .contains("the purchase is on the ledger");

        Run printers = production.runs().stream().filter(r -> r.designSlug().equals("3d-printer") && r.status() == RunStatus.COMPLETED)
                .min(Comparator.comparingLong(Run::id)).orElseThrow();
        Unit recycled = production.units(printers.id()).get(2);
        browser.get(url("/production/units/" + recycled.serial()));
        assertThat(browser.findElement(By.id("lifetime")).getText()).contains("Built");
        assertThat(browser.findElement(By.id("ended")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("qc-status")).getText()).isNotBlank();
        assertFitsWidth(390);
        browser.get(url("/lifetime"));
        assertFitsWidth(390);
    }
}
