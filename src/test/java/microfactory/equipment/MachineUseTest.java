package microfactory.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.ledger.LedgerService;
import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A booking's real use is started and finished by its booker; members without the usufruct right pay the hourly rate. */
@DatabaseTest
class MachineUseTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired LedgerService ledger;

    String slotFromNow() {
        Instant start = Instant.now().plusSeconds(300);
        return "{\"start\": \"" + start + "\", \"end\": \"" + start.plusSeconds(3600) + "\"}";
    }

    long book(Http http, String machine) {
        HttpResponse<String> r = http.json("POST", "/api/v1/equipment/machines/" + machine + "/bookings", slotFromNow());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asLong();
    }

    @Test
    void aMemberWithoutTheUsufructRightPaysTheRateAndAMemberWithItDoesNot() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Member visitor = members.signUp(new SignUp("user-" + id + "@example.org", "User " + id, "paint it red", "", null));
        merit.issue(visitor.id(), "safety", 1, "test");
        Http http = new Http(port).as("user-" + id + "@example.org", "paint it red");
        long booking = book(http, "paint-booth");
        assertThat(new Http(port).as("member@demo.local", "demo-member").json("POST", "/api/v1/equipment/bookings/" + booking + "/start", null)
            .statusCode()).isEqualTo(403);
        assertThat(http.json("POST", "/api/v1/equipment/bookings/" + booking + "/finish", null).statusCode()).isEqualTo(409);
        assertThat(http.json("POST", "/api/v1/equipment/bookings/" + booking + "/start", null).statusCode()).isEqualTo(200);
        HttpResponse<String> finished = http.json("POST", "/api/v1/equipment/bookings/" + booking + "/finish", null);
        assertThat(finished.statusCode()).isEqualTo(200);
        JsonNode b = JSON.readTree(finished.body());
        assertThat(b.path("chargeTransfer").asString()).isEqualTo("machine-use-" + booking);
        var charge = ledger.transferById("machine-use-" + booking);
        assertThat(charge.member()).isEqualTo(visitor.publicId());
        assertThat(charge.postings()).anySatisfy(p -> assertThat(p.amount()).isEqualTo(42)); // $25 an hour, one minute, rounded up
        assertThat(http.json("POST", "/api/v1/equipment/bookings/" + booking + "/finish", null).statusCode()).isEqualTo(409);

        Member mia = members.findByEmail("member@demo.local").orElseThrow();
        merit.issue(mia.id(), "safety", 1, "test");
        Http miaHttp = new Http(port).as("member@demo.local", "demo-member");
        long hers = book(miaHttp, "laminator");
        miaHttp.json("POST", "/api/v1/equipment/bookings/" + hers + "/start", null);
        JsonNode free = JSON.readTree(miaHttp.json("POST", "/api/v1/equipment/bookings/" + hers + "/finish", null).body());
        assertThat(free.path("finishedAt").asString()).isNotBlank();
        assertThat(free.path("chargeTransfer").isNull()).isTrue();

        JsonNode usage = JSON.readTree(new Http(port).get("/api/v1/equipment/usage").body());
        assertThat(usage.path("minutesByMachine").has("paint-booth")).isTrue();
        assertThat(usage.path("minutesByMember").has(visitor.publicId())).isTrue();
    }
}
