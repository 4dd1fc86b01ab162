package microfactory.chapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import microfactory.members.PlanCount;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

@DatabaseTest
class DemoChapterTest {

    @Autowired JdbcClient jdbc;
    @Autowired ChapterDashboard dashboard;
    @LocalServerPort int port;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theFirstStartLoadsARealisticChapter() {
        Dashboard d = dashboard.now();
        assertThat(d.chapter().name()).isEqualTo("Maysville Microfactory");
        assertThat(d.bays()).isEqualTo(12);
        assertThat(count("select count(*) from member")).isBetween(28L, 40L);
        assertThat(count("select count(*) from member where role = 'STEWARD'")).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from member where role = 'ADMIN'")).isEqualTo(1);
        assertThat(count("select count(*) from plan")).isEqualTo(3);
        assertThat(d.activeMembers()).isEqualTo(count("select count(*) from member where active"));
        assertThat(d.membersPerPlan()).hasSize(3);
        // Every active demo member is on a plan today: flat-dues members have renewed each year.
        assertThat(d.membersPerPlan().stream().mapToLong(PlanCount::members).sum())
                .isEqualTo(d.activeMembers());
    }

    @Test
    void theDocumentedDemoLoginsWork() {
        assertThat(new Http(port).as("steward@demo.local", "demo-steward").get("/api/v1/members").statusCode()).isEqualTo(200);
        assertThat(new Http(port).as("member@demo.local", "demo-member").get("/api/v1/members/me").statusCode()).isEqualTo(200);
    }

    @Test
    void theDashboardShowsTheChapterAndTheSourceEconomics() {
        String home = new Http(port).get("/").body();
        assertThat(home).contains("Maysville Microfactory").contains("id=\"bay-count\">12<")
                .contains("250 days").contains("$5,000,000.00").contains("<svg");
        assertThat(new Http(port).get("/api/v1/chapter").body()).contains("\"bays\":12");
    }
}
