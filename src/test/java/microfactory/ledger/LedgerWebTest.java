package microfactory.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.ledger.tlog.Checkpoint;
import microfactory.ledger.tlog.NoteKeys;
import microfactory.ledger.tlog.SignedNote;
import microfactory.ledger.verify.LedgerExport;
import microfactory.ledger.verify.LedgerVerifier;
import microfactory.ledger.verify.LogSource;
import microfactory.ledger.verify.VerifyResult;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DatabaseTest
class LedgerWebTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired LedgerService ledger;

    Http steward() {
        return new Http(port).as("steward@demo.local", "demo-steward");
    }

    String base() {
        return "http://localhost:" + port + "/ledger";
    }

    @Test
    void theDemoHistoryIsPublishedSignedAndVerifiesOfflineAfterExport(@TempDir Path mirror) throws Exception {
        String note = new Http(port).get("/ledger/checkpoint").body();
        String vkey = new Http(port).get("/ledger/key").body();
        assertThat(SignedNote.parse(note).verifiedBy(NoteKeys.parseVkey(vkey))).isTrue();
        Checkpoint c = Checkpoint.parse(SignedNote.parse(note).text());
        assertThat(c.origin()).isEqualTo("maysville.microfactory.example/ledger");
        assertThat(c.size()).isGreaterThan(60); // accounts, 1,000 pledges in batches, purchases, dues

        VerifyResult live = LedgerVerifier.verify(LogSource.of(base()), null, null);
        assertThat(live.ok()).as(live.problem()).isTrue();
        assertThat(String.join(" ", live.facts())).contains("USD: debits").contains(" = credits");

        LedgerExport.export(LogSource.of(base()), mirror, null);
        ledger.record("test.after-export", Map.of("n", 1));
        VerifyResult offline = LedgerVerifier.verify(LogSource.of(mirror.toString()), null, null);
        assertThat(offline.ok()).as(offline.problem()).isTrue();
        // The live log grew since the mirror: it must extend the checkpoint the auditor trusted.
        String trusted = Files.readString(mirror.resolve("checkpoint"));
        VerifyResult grown = LedgerVerifier.verify(LogSource.of(base()), trusted, null);
        assertThat(grown.ok()).as(grown.problem()).isTrue();
        assertThat(String.join(" ", grown.facts())).contains("extends the trusted checkpoint");
    }

    @Test
    void tilesAreServedByTheirSpecPathsAndCachedForever() {
        HttpResponse<String> tile = new Http(port).get("/ledger/tile/0/000.p/3");
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        assertThat(new Http(port).get("/ledger/tile/0/999").statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/ledger/tile/0/1").statusCode()).isEqualTo(404);
    }

    @Test
    void theApiRecordsTransfersAndAnswersBadOnesWithProblems() {
        String body = """
                {"transfers":[{"id":"%s","code":"workshop","memo":"Weekend printer build","postings":[
                  {"account":"bank","side":"DEBIT","amount":150000,"currency":"USD"},
                  {"account":"workshop-income","side":"CREDIT","amount":150000,"currency":"USD"}]}]}""";
        String id = "api-" + UUID.randomUUID();
        HttpResponse<String> created = steward().json("POST", "/api/v1/ledger/transfers", body.formatted(id));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long index = JSON.readTree(created.body()).get("entryIndex").asLong();
        HttpResponse<String> replay = steward().json("POST", "/api/v1/ledger/transfers", body.formatted(id));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).get("replayed").asBoolean()).isTrue();

        JsonNode entry = JSON.readTree(new Http(port).get("/api/v1/ledger/entries/" + index).body());
        assertThat(entry.get("entry").get("transfers").get(0).get("memo").asString()).isEqualTo("Weekend printer build");

        HttpResponse<String> unbalanced = steward().json("POST", "/api/v1/ledger/transfers", """
                {"transfers":[{"id":"u1","code":"x","postings":[{"account":"bank","side":"DEBIT","amount":5,"currency":"USD"},
                 {"account":"dues-income","side":"CREDIT","amount":4,"currency":"USD"}]}]}""");
        assertThat(unbalanced.statusCode()).isEqualTo(400);
        assertThat(unbalanced.body()).contains("unbalanced in USD").contains("transfers[0].postings");

        HttpResponse<String> overdraft = steward().json("POST", "/api/v1/ledger/transfers", """
                {"transfers":[{"id":"o1","code":"x","postings":[{"account":"bank","side":"CREDIT","amount":900000000000,"currency":"USD"},
                 {"account":"site-expense","side":"DEBIT","amount":900000000000,"currency":"USD"}]}]}""");
        assertThat(overdraft.statusCode()).isEqualTo(409);
        assertThat(overdraft.body()).contains("'bank' would go below zero");

        HttpResponse<String> reused = steward().json("POST", "/api/v1/ledger/transfers", body.formatted(id).replace("150000", "150001"));
        assertThat(reused.statusCode()).isEqualTo(409);

        assertThat(new Http(port).json("POST", "/api/v1/ledger/transfers", body.formatted("anon")).statusCode()).isEqualTo(401);
        assertThat(new Http(port).as("member@demo.local", "demo-member").json("POST", "/api/v1/ledger/transfers",
                body.formatted("member")).statusCode()).isEqualTo(403);
        assertThat(new Http(port).get("/api/v1/ledger/entries/99999999").statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/api/v1/ledger/proofs/inclusion?index=5&size=99999999").statusCode()).isEqualTo(400);
    }

    @Test
    void thePagesShowBalancesTheCheckpointAndEachEntrysProof() {
        String page = new Http(port).get("/ledger").body();
        assertThat(page).contains("Latest checkpoint").contains("Start-up capital").contains("balanced")
                .contains("ledger verify");
        String entry = new Http(port).get("/ledger/entries/0").body();
        assertThat(entry).contains("account.opened").contains("Inclusion proof");
        assertThat(new Http(port).get("/ledger/accounts/bank").body()).contains("Community bank account").contains("can never go below zero");
        assertThat(new Http(port).get("/ledger?kind=transfers").body()).contains("transfers");
    }
}
