package microfactory.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.designs.BuildTask;
import microfactory.designs.DesignContent;
import microfactory.designs.DesignService;
import microfactory.designs.SkillNeed;
import microfactory.designs.bom.BomLine;
import microfactory.designs.bom.PartKind;
import microfactory.designs.bom.Unit;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.production.ProductionService;
import microfactory.production.Run;
import microfactory.production.RunRequest;
import microfactory.production.RunStatus;
import microfactory.production.SignupRole;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stock, moves and what builds take: purchases on the ledger, no stock below zero, shortages named and cleared. */
@DatabaseTest
class MaterialsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired ProductionService production;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired DesignService designs;

    Http steward() {
        return new Http(port).as("steward@demo.local", "demo-steward");
    }

    String material(String klass, String unit) {
        String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> made = steward().json("POST", "/api/v1/materials", "{\"code\": \"" + code + "\", \"name\": \"Test " + code
                + "\", \"materialClass\": \"" + klass + "\", \"unit\": \"" + unit + "\", \"reorderPoint\": 5}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return code;
    }

    HttpResponse<String> move(String body) {
        return steward().json("POST", "/api/v1/materials/moves", body);
    }

    JsonNode stock(String code) {
        return JSON.readTree(new Http(port).get("/api/v1/materials/" + code).body());
    }

    @Test
    void aReceiptWithACostIsAPurchaseOnThePublicLedgerAndStockShowsOnHandReservedAndAvailable() {
        String code = material("steel", "kg");
        HttpResponse<String> receipt = move("{\"material\": \"" + code + "\", \"kind\": \"receipt\", \"quantity\": 500, \"costMinor\": 55000,"
                + " \"location\": \"yard\", \"note\": \"tube\"}");
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(201);
        String transfer = JSON.readTree(receipt.body()).path("ledgerTransfer").asString();
        assertThat(transfer).startsWith("material-receipt-");
        String onLedger = new Http(port).get("/api/v1/ledger/transfers/" + transfer).body();
        assertThat(onLedger).contains("\"materials\"").contains("55000");
        // pounds into a kilogram material are converted: 100 lb = 45.3592 kg
        assertThat(move("{\"material\": \"" + code + "\", \"kind\": \"receipt\", \"quantity\": 100, \"unit\": \"lb\"}").statusCode()).isEqualTo(201);
        JsonNode s = stock(code);
        assertThat(s.path("onHand").decimalValue()).isEqualByComparingTo("545.3592");
        assertThat(s.path("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(s.path("available").decimalValue()).isEqualByComparingTo("545.3592");
        assertThat(s.path("locations").path("yard").decimalValue()).isEqualByComparingTo("500");
        assertThat(new Http(port).get("/api/v1/materials/moves?material=" + code).body()).contains("\"kind\":\"receipt\"").contains("yard");
    }

    @Test
    void badMovesAreRefusedNamingWhyAndLeaveStockAsItWas() {
        String code = material("lumber", "pcs");
        move("{\"material\": \"" + code + "\", \"kind\": \"receipt\", \"quantity\": 10}");
        HttpResponse<String> negative = move("{\"material\": \"" + code + "\", \"kind\": \"issue\", \"quantity\": -3}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("\"field\":\"quantity\"");
        assertThat(move("{\"material\": \"" + code + "\", \"kind\": \"issue\", \"quantity\": \"three\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> wrongUnit = move("{\"material\": \"" + code + "\", \"kind\": \"issue\", \"quantity\": 2, \"unit\": \"kg\"}");
        assertThat(wrongUnit.statusCode()).isEqualTo(400);
        assertThat(wrongUnit.body()).contains("counted in pcs");
        HttpResponse<String> tooMuch = move("{\"material\": \"" + code + "\", \"kind\": \"issue\", \"quantity\": 11}");
        assertThat(tooMuch.statusCode()).isEqualTo(409);
        assertThat(tooMuch.body()).contains("Only 10 pcs");
        assertThat(move("{\"material\": \"no-such-stuff\", \"kind\": \"issue\", \"quantity\": 1}").statusCode()).isEqualTo(404);
        assertThat(move("{\"material\": \"" + code + "\", \"kind\": \"borrow\", \"quantity\": 1}").body()).contains("\"field\":\"kind\"");
        assertThat(new Http(port).as("member@demo.local", "demo-member").json("POST", "/api/v1/materials/moves",
                "{\"material\": \"" + code + "\", \"kind\": \"issue\", \"quantity\": 1}").statusCode()).isEqualTo(403);
        assertThat(stock(code).path("onHand").decimalValue()).isEqualByComparingTo("10");
        // a count sets what is there
        move("{\"material\": \"" + code + "\", \"kind\": \"count\", \"quantity\": 8}");
        assertThat(stock(code).path("onHand").decimalValue()).isEqualByComparingTo("8");
    }

    @Test
    void twoIssuesRacingForTheLastStockGiveOneMoveAndOneRefusal() throws Exception {
        String code = material("electronics", "pcs");
        move("{\"material\": \"" + code + "\", \"kind\": \"receipt\", \"quantity\": 1}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                racers.add(() -> move("{\"material\": \"" + code + "\", \"kind\": \"issue\", \"quantity\": 1}").statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(racers)) {
                codes.add(f.get());
            }
            assertThat(codes).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(stock(code).path("onHand").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void theScheduledTractorBuildIsShortOfHoseUntilAReceiptClearsIt() {
        Run tractors = production.runs().stream().filter(r -> r.designSlug().equals("lifetrac") && !r.status().ended()).findFirst().orElseThrow();
        JsonNode before = JSON.readTree(new Http(port).get("/api/v1/runs/" + tractors.id() + "/materials").body());
        JsonNode hose = need(before, "hose-half-inch");
        assertThat(hose.path("needed").decimalValue()).isEqualByComparingTo("180");
        assertThat(hose.path("reserved").decimalValue()).isEqualByComparingTo("180");
        assertThat(hose.path("shortBy").decimalValue()).isPositive();
        assertThat(need(before, "steel").path("shortBy").decimalValue()).isEqualByComparingTo("0");
        assertThat(new Http(port).page("/production/runs/" + tractors.id()).body()).contains("id=\"materials-short\"");

        move("{\"material\": \"hose-half-inch\", \"kind\": \"receipt\", \"quantity\": 200, \"costMinor\": 84000}");
        JsonNode after = JSON.readTree(new Http(port).get("/api/v1/runs/" + tractors.id() + "/materials").body());
        assertThat(need(after, "hose-half-inch").path("shortBy").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aNewBuildNamesItsShortageAsItIsPlannedAndAsItOpens() {
        // A design of its own, so that the demo's tractor build stays the only lifetrac build other tests look for.
        String brass = material("other", "kg");
        assertThat(move("{\"material\": \"" + brass + "\", \"kind\": \"receipt\", \"quantity\": 1}").statusCode()).isEqualTo(201);
        String slug = "bushing-" + brass;
        BomLine bushing = new BomLine(1, null, "bushing", BigDecimal.ONE, Unit.of("pcs").orElseThrow(), PartKind.MADE, null, null, null,
                "other", new BigDecimal("2"), Unit.of("kg").orElseThrow(), null, null, brass);
        BuildTask turn = new BuildTask("T1", "turn the bushing", 30, null, List.of(new SkillNeed("assembly", 1, 1)), Map.of(), List.of(), List.of());
        designs.create(slug, new DesignContent("Bushing " + brass, "a bushing", "CERN-OHL-S-2.0", "test", "", "1.0", List.of(bushing),
                List.of(turn)), null);
        Run draft = production.create(new RunRequest(slug, 3, LocalDate.now().plusDays(90), 5, 480, 1020, 6, 0).asDraft());
        JsonNode json = JSON.readTree(steward().get("/api/v1/runs/" + draft.id()).body());
        assertThat(json.path("shortages").toString()).contains("(" + brass + "): 5 kg short");
        Http http = new Http(port);
        http.login("steward@demo.local", "demo-steward");
        http.page("/production/runs/" + draft.id());
        http.postForm("/production/runs/" + draft.id() + "/open", Map.of());
        assertThat(http.page("/production/runs/" + draft.id()).body()).contains("Open for sign-up.")
                .contains("Stock is short for this build").contains("(" + brass + ")");
        production.cancel(draft.id(), "only a test");
        assertThat(JSON.readTree(steward().get("/api/v1/runs/" + draft.id()).body()).path("shortages")).isEmpty();
    }

    @Test
    void builtUnitsConsumedTheirMaterialsRecycledFirstAndACancelledRunReleasesItsHold() {
        Run printers = production.runs().stream().filter(r -> r.designSlug().equals("3d-printer") && r.status() == RunStatus.COMPLETED)
                .min(Comparator.comparingLong(Run::id)).orElseThrow();
        String moves = new Http(port).get("/api/v1/materials/moves?from=2000-01-01T00:00:00Z").body();
        assertThat(moves).contains("\"kind\":\"issue\"").contains("\"unitSerial\":\"3DPRINTER-" + printers.id() + "-01\"")
                .contains("\"material\":\"recycled-filament\"");
        JsonNode built = JSON.readTree(new Http(port).get("/api/v1/runs/" + printers.id() + "/materials").body());
        assertThat(built.path("needs")).isEmpty();
        assertThat(built.path("consumed").path("recycled-filament").decimalValue()).isEqualByComparingTo("2.4"); // all the recycled stock
        assertThat(built.path("consumed").path("pla-filament").decimalValue()).isPositive();

        Run wall = production.create(new RunRequest("wall-module-4x8", 3, LocalDate.now().plusDays(70), 1, 480, 1020, 3, 0));
        for (int k = 0; k < 3; k++) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            Member m = members.signUp(new SignUp("stock-" + id + "@example.org", "Framer " + id, "stud by stud", "", null));
            merit.issue(m.id(), "woodworking", 1, "test");
            merit.issue(m.id(), "assembly", 1, "test");
            production.signUp(wall.id(), m.id(), SignupRole.CREW);
        }
        production.schedule(wall.id(), 300);
        JsonNode studs = need(JSON.readTree(new Http(port).get("/api/v1/runs/" + wall.id() + "/materials").body()), "stud-2x6-8ft");
        assertThat(studs.path("reserved").decimalValue()).isEqualByComparingTo("21");
        BigDecimal held = stock("stud-2x6-8ft").path("reserved").decimalValue();
        assertThat(held).isGreaterThanOrEqualTo(new BigDecimal("21"));
        production.cancel(wall.id(), "the site is not ready");
        assertThat(stock("stud-2x6-8ft").path("reserved").decimalValue()).isEqualByComparingTo(held.subtract(new BigDecimal("21")));
    }

    @Test
    void theMaterialsPageShowsStockAndStewardsRecordMovesThere() {
        assertThat(new Http(port).page("/materials").body()).contains("id=\"stock\"").contains("Mild steel").doesNotContain("move-form");
        Http http = new Http(port);
        http.login("steward@demo.local", "demo-steward");
        http.page("/materials");
        HttpResponse<String> refused = http.postForm("/materials/moves", Map.of("material", "concrete-mix", "kind", "issue", "quantity", "many",
                "note", "for the footing"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Not recorded").contains("id=\"mv-quantity-error\"").contains("a number such as 12.5")
                .contains("value=\"for the footing\"").contains("value=\"concrete-mix\" selected");
        HttpResponse<String> tooMuch = http.postForm("/materials/moves", Map.of("material", "concrete-mix", "kind", "issue", "quantity", "100000"));
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("id=\"mv-quantity-error\"");
        HttpResponse<String> badMaterial = http.postForm("/materials/new", Map.of("code", "not a code!", "name", "", "materialClass", "steel", "unit", "furlong"));
        assertThat(badMaterial.statusCode()).isEqualTo(422);
        assertThat(badMaterial.body()).contains("id=\"m-code-error\"").contains("id=\"m-name-error\"").contains("id=\"m-unit-error\"")
                .contains("value=\"furlong\"");
        http.postForm("/materials/moves", Map.of("material", "concrete-mix", "kind", "receipt", "quantity", "10", "cost", "62.50"));
        assertThat(http.page("/materials").body()).contains("Recorded: receipt of 10 pcs concrete-mix").contains("the purchase is on the ledger");
        assertThat(http.page("/materials/concrete-mix").body()).contains("purchase on the ledger");
    }

    @Test
    void flowsRunFromWhereMaterialCameToWhereItWentAndCircularityIsTheRecycledShareOfWhatBuildsUsed() {
        JsonNode flows = JSON.readTree(new Http(port).get("/api/v1/materials/flows").body());
        List<String> links = new ArrayList<>();
        flows.path("links").forEach(l -> links.add(l.path("source").asString() + " > " + l.path("target").asString()));
        Run printers = production.runs().stream().filter(r -> r.designSlug().equals("3d-printer") && r.status() == RunStatus.COMPLETED)
                .min(Comparator.comparingLong(Run::id)).orElseThrow();
        assertThat(links).contains("bought > steel", "steel > scrap", "recycled > steel-scrap", "produced in builds > steel-recycled",
                "recycled > recycled-filament",
                "recycled-filament > build #" + printers.id(), "pla-filament > build #" + printers.id());
        JsonNode plastic = null;
        for (JsonNode c : flows.path("circularity")) {
            if (c.path("materialClass").asString().equals("plastic")) {
                plastic = c;
            }
        }
        assertThat(plastic).isNotNull();
        assertThat(plastic.path("unit").asString()).isEqualTo("kg");
        BigDecimal expected = plastic.path("fromRecycled").decimalValue().multiply(BigDecimal.valueOf(100))
                .divide(plastic.path("consumed").decimalValue(), 1, RoundingMode.HALF_EVEN);
        assertThat(plastic.path("percent").decimalValue()).isEqualByComparingTo(expected).isPositive();
        assertThat(new Http(port).page("/materials").body()).contains("id=\"sankey\"").contains("class=\"loop\"")
                .contains("of the");
        assertThat(new Http(port).get("/api/v1/materials/flows?from=2000-01-01T00:00:00Z&to=2000-02-01T00:00:00Z").body())
                .contains("\"links\":[]");
    }

    @Test
    void aMaterialsProductionBuildPutsItsLotIntoStockWithItsYield() {
        Run mill = production.runs().stream().filter(r -> r.designSlug().equals("bar-mill-batch") && r.status() == RunStatus.COMPLETED)
                .findFirst().orElseThrow();
        String lot = production.units(mill.id()).get(0).serial();
        assertThat(lot).startsWith("LOT-BARMILLBATCH-");
        JsonNode produced = null;
        for (JsonNode m : JSON.readTree(new Http(port).get("/api/v1/materials/moves?material=steel-recycled&from=2000-01-01T00:00:00Z").body())) {
            if (m.path("kind").asString().equals("produce")) {
                produced = m;
            }
        }
        assertThat(produced).isNotNull();
        assertThat(produced.path("unitSerial").asString()).isEqualTo(lot);
        assertThat(produced.path("quantity").decimalValue()).isEqualByComparingTo("92");
        assertThat(produced.path("inputMaterial").asString()).isEqualTo("steel-scrap");
        assertThat(produced.path("yield").decimalValue()).isEqualByComparingTo("0.92");
        String record = new Http(port).get("/api/v1/units/" + lot).body();
        assertThat(record).contains("92 kg of steel-recycled into stock, a yield of 92 %");
        assertThat(new Http(port).get("/api/v1/ledger/entries/" + production.units(mill.id()).get(0).ledgerIndex()).body())
                .contains("lot.produced").contains("steel-recycled");
    }

    static JsonNode need(JsonNode needs, String material) {
        for (JsonNode n : needs.path("needs")) {
            if (n.path("material").asString().equals(material)) {
                return n;
            }
        }
        throw new AssertionError("no need for " + material + " in " + needs);
    }
}
