package microfactory.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import microfactory.common.ChapterSettings;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;

/** A member with the machine's badge books it on a phone, finds it among their bookings and cancels it. */
class BookingBrowserTest extends BrowserTest {

    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired ChapterSettings chapter;

    private void set(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    @Test
    void aMemberBooksTheTableSawOnAPhoneAndCancelsIt() {
        Member m = members.signUp(new SignUp("saw-browser@example.org", "Sam Sawyer", "cut it straight", "", null));
        merit.issue(m.id(), "safety", 1, "browser test");
        browser.manage().window().setSize(new Dimension(390, 844));
        logIn("saw-browser@example.org", "cut it straight");
        browser.get(url("/equipment/machines/table-saw"));
        String day = LocalDate.now(chapter.zone()).plusDays(2).toString();
        set(browser.findElement(By.id("book-day")), day);
        set(browser.findElement(By.id("book-from")), "05:00");
        set(browser.findElement(By.id("book-to")), "06:30");
        WebElement submit = browser.findElement(By.id("book-submit"));
        submit.click();
        waitUntilGone(submit); // the machine page has a notice of its own (the gate): read the next page's
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).startsWith("Booked: " + day + " 05:00 to 06:30");
        assertThat(browser.findElement(By.id("booking-list")).getText()).contains(m.publicId());
        // the week grid draws the booking at its time; the grid scrolls sideways inside the page, the page does not
        assertThat(browser.findElements(By.cssSelector("#machine-week rect.booking"))).isNotEmpty();
        assertFitsWidth(390);

        browser.get(url("/equipment/my-bookings"));
        WebElement booking = browser.findElement(By.cssSelector(".booking.booked"));
        assertThat(booking.getText()).contains("table-saw");
        assertFitsWidth(390);
        booking.findElement(By.cssSelector("button.danger")).click();
        waitUntilGone(booking);
        assertThat(browser.findElement(By.id("notice")).getText()).contains("cancelled");
        assertThat(browser.findElements(By.cssSelector(".booking.booked"))).isEmpty();
    }
}
