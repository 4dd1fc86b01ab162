package microfactory.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.members.Member;
import microfactory.members.MemberService;
import microfactory.members.SignUp;
import microfactory.merit.MeritService;
import microfactory.support.DatabaseTest;
import microfactory.support.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A blocking fault stops a machine at once and cancels its bookings; a steward's resolution brings it back. */
@DatabaseTest
class FaultsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired MemberService members;
    @Autowired MeritService merit;
    @Autowired MachineBookings bookings;

    Http person(String[] pseudonym) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String email = "reporter-" + id + "@example.org";
        Member m = members.signUp(new SignUp(email, "Reporter " + id, "smells like smoke", "", null));
        merit.issue(m.id(), "safety", 1, "test");
        pseudonym[0] = m.publicId();
        return new Http(port).as(email, "smells like smoke");
    }

    @Test
    void aBlockingFaultTakesTheMachineOffCancelsItsBookingsAndAStewardBringsItBack() {
        String[] booker = new String[1];
        Http bookerHttp = person(booker);
        Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(3).atTime(7, 0).toInstant(ZoneOffset.UTC);
        String slot = "{\"start\": \"" + start + "\", \"end\": \"" + start.plusSeconds(3600) + "\"}";
        assertThat(bookerHttp.json("POST", "/api/v1/equipment/machines/paint-booth/bookings", slot).statusCode()).isEqualTo(201);

        String[] reporter = new String[1];
        Http reporterHttp = person(reporter);
        assertThat(reporterHttp.json("POST", "/api/v1/equipment/machines/paint-booth/faults", "{\"summary\": \" \"}").statusCode())
            .isEqualTo(400);
        HttpResponse<String> minor = reporterHttp.json("POST", "/api/v1/equipment/machines/paint-booth/faults",
                "{\"summary\": \"Filter light flickers\", \"blocking\": false}");
        assertThat(minor.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(new Http(port).get("/api/v1/equipment/machines/paint-booth").body()).path("inService").asBoolean()).isTrue();

        HttpResponse<String> fault = reporterHttp.json("POST", "/api/v1/equipment/machines/paint-booth/faults",
                "{\"summary\": \"Extraction fan stopped\", \"blocking\": true}");
        assertThat(fault.statusCode()).isEqualTo(201);
        long id = JSON.readTree(fault.body()).path("id").asLong();
        JsonNode machine = JSON.readTree(new Http(port).get("/api/v1/equipment/machines/paint-booth").body());
        assertThat(machine.path("inService").asBoolean()).isFalse();
        assertThat(machine.path("statusReason").asString()).contains("Extraction fan stopped");
        assertThat(bookerHttp.get("/api/v1/equipment/bookings/mine").body()).contains("out of service");
        assertThat(bookerHttp.json("POST", "/api/v1/equipment/machines/paint-booth/bookings", slot).statusCode()).isEqualTo(409);

        assertThat(reporterHttp.json("POST", "/api/v1/equipment/faults/" + id + "/resolve", "{\"note\": \"fixed\"}").statusCode())
            .isEqualTo(403);
        Http steward = new Http(port).as("steward@demo.local", "demo-steward");
        assertThat(steward.json("POST", "/api/v1/equipment/faults/" + id + "/resolve", "{\"note\": \"\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> resolved = steward.json("POST", "/api/v1/equipment/faults/" + id + "/resolve",
                "{\"note\": \"Fan motor replaced\"}");
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(steward.json("POST", "/api/v1/equipment/faults/" + id + "/resolve", "{\"note\": \"again\"}").statusCode()).isEqualTo(409);
        JsonNode history = JSON.readTree(new Http(port).get("/api/v1/equipment/machines/paint-booth/history").body());
        assertThat(history.path("inService").asBoolean()).isTrue();
        assertThat(history.path("events").size()).isEqualTo(2);
        assertThat(history.path("faults").toString()).contains("Fan motor replaced").contains(reporter[0]);
        assertThat(history.path("uptime30dPercent").asDouble()).isBetween(99.0, 100.0);
        assertThat(bookerHttp.json("POST", "/api/v1/equipment/machines/paint-booth/bookings", slot).statusCode()).isEqualTo(201);
    }
}
