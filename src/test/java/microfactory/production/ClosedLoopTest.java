package microfactory.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.common.ChapterSettings;
import microfactory.designs.BuildTask;
import microfactory.designs.DesignContent;
import microfactory.designs.DesignService;
import microfactory.designs.SkillNeed;
import microfactory.designs.bom.BomLine;
import microfactory.designs.bom.PartKind;
import microfactory.designs.bom.Unit;
import microfactory.materials.MaterialService;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import microfactory.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The loop closed end to end: a build consumes virgin aluminium, its unit reaches the end of its life and its metal
 * returns as recycled stock, the next build takes the recycled stock first, and the class's circularity rises.
 */
@DatabaseTest
class ClosedLoopTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired ProductionService production;
    @Autowired DesignService designs;
    @Autowired MaterialService materials;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired ChapterSettings chapter;

    @AfterEach
    void backToTheSystemsTime() {
        TestClock.reset();
    }

    @Test
    void recyclingAUnitFeedsTheNextBuildAndRaisesCircularity() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now();
        // Aluminium is a class the demo does not stock, so this test's two materials are the whole class.
        materials.create("alu-" + id, "Aluminium sheet " + id, "aluminium", "kg", BigDecimal.ONE, 900L, false);
        materials.create("alu-recycled-" + id, "Aluminium remelted " + id, "aluminium", "kg", BigDecimal.ZERO, 300L, true);
        Http steward = new Http(port).as("steward@demo.local", "demo-steward");
        assertThat(steward.json("POST", "/api/v1/materials/moves", "{\"material\": \"alu-" + id + "\", \"kind\": \"receipt\", \"quantity\": 10}")
                .statusCode()).isEqualTo(201);
        BomLine bracket = new BomLine(1, null, "bracket", BigDecimal.ONE, Unit.of("pcs").orElseThrow(), PartKind.MADE, null, null, null,
                "aluminium", new BigDecimal("2"), Unit.of("kg").orElseThrow(), null, null, null);
        BuildTask bend = new BuildTask("B1", "bend the bracket", 30, null, List.of(new SkillNeed("assembly", 1, 1)), Map.of(), List.of(),
                List.of("angle 90° ± 1°"));
        designs.create("loop-" + id, new DesignContent("Loop bracket " + id, "a bracket", "CERN-OHL-S-2.0", "test", "", "1.0",
                List.of(bracket), List.of(bend)), null);

        Run first = build("loop-" + id, 40);
        assertThat(circularity(start)).as("the first build used virgin metal only").isEqualByComparingTo("0");

        String serial = production.units(first.id()).get(0).serial();
        HttpResponse<String> ended = steward.json("POST", "/api/v1/units/" + serial + "/events", "{\"kind\": \"end-of-life\", \"note\": "
                + "\"cut up\", \"materials\": [{\"material\": \"alu-recycled-" + id + "\", \"quantity\": 2}]}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(201);

        Run second = build("loop-" + id, 41);
        JsonNode used = JSON.readTree(new Http(port).get("/api/v1/runs/" + second.id() + "/materials").body());
        assertThat(used.path("consumed").path("alu-recycled-" + id).decimalValue()).isEqualByComparingTo("2");
        assertThat(circularity(start)).as("half of what the two builds used came back from the first").isEqualByComparingTo("50");

        List<String> links = new ArrayList<>();
        JSON.readTree(new Http(port).get("/api/v1/materials/flows?from=" + start + "&to=2100-01-01T00:00:00Z").body()).path("links")
                .forEach(l -> links.add(l.path("source").asString() + " > " + l.path("target").asString()));
        assertThat(links).contains("alu-" + id + " > build #" + first.id(), "end of life > alu-recycled-" + id,
                "alu-recycled-" + id + " > build #" + second.id());
    }

    /** One unit, built by one newcomer holding the assembly badge, {@code days} ahead. */
    private Run build(String design, int days) {
        Run run = production.create(new RunRequest(design, 1, LocalDate.now().plusDays(days), 1, 480, 1020, 1, 0));
        String id = UUID.randomUUID().toString().substring(0, 8);
        Member m = members.signUp(new SignUp("loop-" + id + "@example.org", "Looper " + id, "round and round", "", null));
        merit.issue(m.id(), "assembly", 1, "test");
        production.signUp(run.id(), m.id(), SignupRole.CREW);
        production.schedule(run.id(), 300);
        TestClock.at(run.starts(chapter.zone()).plusSeconds(60));
        for (RunTask t : production.schedule(run.id())) {
            production.startTask(run.id(), t.key(), m.publicId());
            Map<String, Boolean> checks = new HashMap<>();
            t.checklist().forEach(item -> checks.put(item, true));
            production.finishTask(run.id(), t.key(), m.publicId(), m.id(), checks, "");
        }
        assertThat(production.run(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
        return run;
    }

    private BigDecimal circularity(Instant from) {
        for (JsonNode c : JSON.readTree(new Http(port).get("/api/v1/materials/flows?from=" + from + "&to=2100-01-01T00:00:00Z").body())
                .path("circularity")) {
            if (c.path("materialClass").asString().equals("aluminium")) {
                return c.path("percent").decimalValue();
            }
        }
        throw new AssertionError("no circularity for aluminium since " + from);
    }
}
