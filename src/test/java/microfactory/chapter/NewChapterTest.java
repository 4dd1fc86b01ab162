package microfactory.chapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import microfactory.common.SignUpMode;
import microfactory.ledger.LedgerService;
import microfactory.signing.SigningKeys;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/**
 * A real chapter's first start: no demo, every page leads to /setup, the API says it is not set up; the set-up page
 * needs the token from the log, then founds the chapter (its own name, currency, zone, ledger origin, first admin,
 * chart of accounts, starter curriculum) and is gone.
 */
@DatabaseTest
@TestPropertySource(properties = "microfactory.demo.enabled=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewChapterTest {

    @Autowired ChapterService chapters;
    @Autowired SetupToken token;
    @Autowired LedgerService ledger;
    @Autowired SigningKeys keys;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    @Order(1)
    void beforeSetUpEveryPageLeadsToTheSetUpPage() {
        Http http = new Http(port);
        for (String page : new String[] {"/", "/members", "/ledger", "/plans", "/nowhere"}) {
            HttpResponse<String> r = http.page(page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/setup");
        }
        HttpResponse<String> api = http.get("/api/v1/chapter");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.body()).contains("not set up yet").contains("/problems/chapter-not-set-up");
        // The problem's type opens before set-up too: it says what to do.
        assertThat(http.page("/problems/chapter-not-set-up").statusCode()).isEqualTo(200);
        assertThat(http.page("/setup").body()).contains("Set up your chapter").contains("Set-up token");
        assertThat(http.as("steward@demo.local", "demo-steward").get("/api/v1/members/me").statusCode()).isEqualTo(503);
        assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isZero();
    }

    @Test
    @Order(2)
    void aWrongTokenOrBadFactsCreateNothing() {
        Http http = new Http(port);
        http.page("/setup");
        Map<String, String> form = founding("not-the-token");
        HttpResponse<String> wrongToken = http.postForm("/setup", form);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.body()).contains("id=\"token-error\"").doesNotContain("we build tractors");

        form = founding(token.current());
        form.put("currency", "XYZ");
        form.put("timeZone", "Mars/Olympus");
        form.put("publicUrl", "lagos.example");
        form.put("adminPassword", "short");
        HttpResponse<String> bad = http.postForm("/setup", form);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"currency-error\"").contains("id=\"timeZone-error\"")
                .contains("id=\"publicUrl-error\"").contains("id=\"adminPassword-error\"");
        assertThat(chapters.exists()).isFalse();
        assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from signing_key").query(Long.class).single()).isZero();
    }

    @Test
    @Order(3)
    void theTokenFromTheLogFoundsTheChapterOnce() {
        Http http = new Http(port);
        http.page("/setup");
        HttpResponse<String> done = http.postForm("/setup", founding(token.current()));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).contains("/login?founded");

        Chapter c = chapters.chapter();
        assertThat(c.name()).isEqualTo("Lagos Microfactory");
        assertThat(c.currency()).isEqualTo("NGN");
        assertThat(c.timeZone()).isEqualTo("Africa/Lagos");
        assertThat(c.publicUrl()).isEqualTo("https://lagos.microfactory.example");
        // A real chapter does not tell strangers who its members are: newcomers join by e-mailed link unless an admin
        // chooses otherwise; its sign-up form asks only for an address.
        assertThat(c.signUpMode()).isEqualTo(SignUpMode.EMAIL_LINK);
        assertThat(new Http(port).get("/signup").body()).contains("E-mail me a link").doesNotContain("name=\"password\"");
        assertThat(ledger.origin()).isEqualTo("lagos.microfactory.example/ledger");
        assertThat(ledger.accounts()).extracting(a -> a.code()).contains("bank", "cash", "dues-income", "sales-income",
                "pledges-receivable", "materials", "equipment");
        assertThat(ledger.accounts()).allMatch(a -> a.currency().equals("NGN"));
        assertThat(jdbc.sql("select count(*) from bay").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from design").query(Long.class).single()).isZero();
        // Its first members can earn the quality badge that signs final inspections: no unit waits for a module nobody wrote.
        assertThat(new Http(port).get("/api/v1/learning/modules").body()).contains("\"shop-safety\"").contains("\"quality-checks\"")
                .contains("\"final-inspection\"");
        assertThat(token.current()).isNull();
        // The private key at rest is sealed: a dump of the table does not hold it.
        byte[] stored = jdbc.sql("select private_key from signing_key").query(byte[].class).single();
        byte[] raw = keys.chapterKey().privateKey().getEncoded();
        byte[] seed = Arrays.copyOfRange(raw, raw.length - 32, raw.length);
        assertThat(HexFormat.of().formatHex(stored)).doesNotContain(HexFormat.of().formatHex(seed));

        // The set-up page is gone; the admin logs in; the chapter is itself, not the demo.
        assertThat(new Http(port).page("/setup").statusCode()).isEqualTo(404);
        Http admin = new Http(port).as("ada@lagos.example", "we build tractors");
        assertThat(admin.get("/api/v1/members/me").body()).contains("\"role\":\"ADMIN\"");
        String home = new Http(port).get("/").body();
        assertThat(home).contains("Lagos Microfactory").contains("targets not set yet").doesNotContain("Maysville")
                .doesNotContain("250");
        // The README's transfer example works in a new chapter: there is a bank account.
        HttpResponse<String> transfer = admin.json("POST", "/api/v1/ledger/transfers", """
                {"transfers":[{"id":"workshop-1","code":"workshop","memo":"Weekend 3D-printer build",
                  "postings":[{"account":"bank","side":"DEBIT","amount":150000,"currency":"NGN"},
                              {"account":"workshop-income","side":"CREDIT","amount":150000,"currency":"NGN"}]}]}""");
        assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(201);
    }

    @Test
    @Order(4)
    void adminsChangeTheSettingsAndTheCurrencyStaysOnceTheBooksUseIt() {
        Http admin = new Http(port).as("ada@lagos.example", "we build tractors");
        HttpResponse<String> changed = admin.json("PUT", "/api/v1/chapter", """
                {"site": "Plot 4, Yaba", "startUpCapitalMinor": 500000000, "productionPerDayMinor": 2000000,
                 "buildsPerBayPerYear": 12, "hourlyValueMinor": 250000}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"site\":\"Plot 4, Yaba\"").contains("\"paybackDays\":250").contains("\"hourlyValueMinor\":250000")
                .contains("\"timeZone\":\"Africa/Lagos\"");

        HttpResponse<String> currency = admin.json("PUT", "/api/v1/chapter", "{\"currency\": \"USD\"}");
        assertThat(currency.statusCode()).isEqualTo(400);
        assertThat(currency.body()).contains("\"field\":\"currency\"").contains("cannot change");
        HttpResponse<String> zone = admin.json("PUT", "/api/v1/chapter", "{\"timeZone\": \"+01:00\"}");
        assertThat(zone.statusCode()).isEqualTo(400);
        assertThat(zone.body()).contains("\"field\":\"timeZone\"");
        assertThat(chapters.chapter().timeZone()).isEqualTo("Africa/Lagos");

        assertThat(new Http(port).json("PUT", "/api/v1/chapter", "{\"name\": \"Taken over\"}").statusCode()).isEqualTo(401);
        assertThat(admin.get("/api/v1/admin/audit").body()).contains("CHAPTER_SETTINGS_CHANGED").contains("CHAPTER_FOUNDED")
                .contains("ada@lagos.example");
    }

    private static Map<String, String> founding(String token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("name", "Lagos Microfactory");
        form.put("currency", "NGN");
        form.put("timeZone", "Africa/Lagos");
        form.put("publicUrl", "https://lagos.microfactory.example/");
        form.put("site", "Yaba, Lagos");
        form.put("region", "Lagos, Nigeria");
        form.put("adminEmail", "ada@lagos.example");
        form.put("adminName", "Ada Obi");
        form.put("adminPassword", "we build tractors");
        return form;
    }
}
