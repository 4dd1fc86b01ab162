package microfactory.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import microfactory.common.ChapterSettings;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.production.SignupRole;
import microfactory.production.ProductionService;
import microfactory.production.Run;
import microfactory.production.RunRequest;
import microfactory.production.RunTask;
import microfactory.support.TestClock;

/** The whole loop: a member signs up, the steward schedules, the member does their tasks, the unit gets its serial. */
class SwarmBuildBrowserTest extends BrowserTest {

    @Autowired ProductionService production;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired ChapterSettings chapter;

    @AfterEach
    void backToTheSystemsTime() {
        TestClock.reset();
    }

    @Test
    void aMemberJoinsTheStewardSchedulesTheMemberBuildsAndTheUnitAppears() {
        Run run = production.create(new RunRequest("wall-module-4x8", 1, LocalDate.now().plusDays(7), 1, 480, 1020, 2, 0));
        Member builder = members.signUp(new SignUp("builder-browser@example.org", "Bea Builder", "frame the walls", "", null));
        Member helper = members.signUp(new SignUp("helper-browser@example.org", "Hal Helper", "sheathe the walls", "", null));
        for (Member m : new Member[] {builder, helper}) {
            merit.issue(m.id(), "woodworking", 1, "browser test");
            merit.issue(m.id(), "assembly", 1, "browser test");
        }
        production.signUp(run.id(), helper.id(), SignupRole.CREW);
        String page = "/production/runs/" + run.id();

        logIn("builder-browser@example.org", "frame the walls");
        browser.get(url(page));
        browser.findElement(By.id("join-crew")).click();
        assertThat(browser.findElement(By.id("notice")).getText()).contains("You are on the crew");
        logOut();

        logIn("steward@demo.local", "demo-steward");
        browser.get(url(page));
        browser.findElement(By.id("schedule")).click();
        // the solver works in the background; the page shows its progress and reloads itself when it is done
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(By.id("notice")).stream()
                .anyMatch(n -> n.getText().startsWith("Scheduled")));
        assertThat(browser.findElement(By.id("by-person")).getText()).contains("Schedule by person");
        logOut();

        logIn("builder-browser@example.org", "frame the walls");
        TestClock.at(run.starts(chapter.zone()).plusSeconds(60)); // the day of the build, its first working hour
        for (RunTask t : production.schedule(run.id())) {
            if (t.people().contains(builder.publicId())) {
                browser.get(url(page));
                WebElement card = browser.findElement(By.id("task-" + t.key()));
                card.findElement(By.cssSelector("button.start")).click();
                waitUntilGone(card); // the page reloads
                card = browser.findElement(By.id("task-" + t.key()));
                for (WebElement pass : card.findElements(By.cssSelector("input[value='pass']"))) {
                    pass.click();
                }
                card.findElement(By.cssSelector("button.done")).click();
                waitUntilGone(card);
                assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Done");
            } else {
                production.startTask(run.id(), t.key(), helper.publicId());
                Map<String, Boolean> checks = new HashMap<>();
                t.checklist().forEach(item -> checks.put(item, true));
                production.finishTask(run.id(), t.key(), helper.publicId(), helper.id(), checks, "");
            }
        }
        browser.get(url(page));
        assertThat(browser.findElement(By.cssSelector("#units .serial")).getText()).isEqualTo("WALLMODULE4X8-" + run.id() + "-01");
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("completed");
    }
}
