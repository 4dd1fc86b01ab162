package microfactory.chapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** Production's first start: no demo data and no demo logins, a chapter named by its settings. */
@DatabaseTest
@TestPropertySource(properties = {"microfactory.demo.enabled=false", "microfactory.chapter.name=Lagos Microfactory",
        "microfactory.chapter.currency=NGN"})
class BareChapterTest {

    @Autowired ChapterService chapters;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void startsEmptyUnderItsOwnName() {
        assertThat(chapters.chapter().name()).isEqualTo("Lagos Microfactory");
        assertThat(chapters.chapter().currency()).isEqualTo("NGN");
        assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from bay").query(Long.class).single()).isZero();
        assertThat(new Http(port).as("steward@demo.local", "demo-steward").get("/api/v1/members/me").statusCode()).isEqualTo(401);
        assertThat(new Http(port).get("/").body()).contains("Lagos Microfactory").contains("No memberships yet");
    }
}
