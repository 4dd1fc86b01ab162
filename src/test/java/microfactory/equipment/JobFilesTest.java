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

/** A booking carries its G-code job: timed, drawn, and refused naming the line that leaves the machine's envelope. */
@DatabaseTest
class JobFilesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired MemberService members;
    @Autowired MeritService merit;

    @Test
    void aJobIsTimedDrawnAndCheckedAgainstTheEnvelope() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Member m = members.signUp(new SignUp("printer-" + id + "@example.org", "Printer " + id, "layer by layer", "", null));
        merit.issue(m.id(), "3d-printing", 1, "test");
        Http http = new Http(port).as("printer-" + id + "@example.org", "layer by layer");
        Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(9).atTime(4, 0).toInstant(ZoneOffset.UTC);
        HttpResponse<String> booked = http.json("POST", "/api/v1/equipment/machines/printer-farm/bookings",
                "{\"start\": \"" + start + "\", \"end\": \"" + start.plusSeconds(3600) + "\"}");
        long booking = JSON.readTree(booked.body()).path("id").asLong();

        HttpResponse<String> job = http.send("POST", "/api/v1/equipment/bookings/" + booking + "/job?name=square.gcode", "text/plain",
                BookingsDemo.SQUARE);
        assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
        JsonNode summary = JSON.readTree(job.body());
        assertThat(summary.path("moves").asInt()).isGreaterThan(10);
        assertThat(summary.path("estimatedMinutes").asInt()).isPositive();
        assertThat(summary.path("fitsBooking").asBoolean()).isTrue();
        var svg = new Http(port).get(summary.path("previewUrl").asString());
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<polyline");

        HttpResponse<String> outside = http.send("POST", "/api/v1/equipment/bookings/" + booking + "/job", "text/plain",
                "G21\nG1 X100 Y100 F1200\nG1 X260 Y100\n");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("line 3").contains("X=260.00").contains("work envelope");
        HttpResponse<String> garbage = http.send("POST", "/api/v1/equipment/bookings/" + booking + "/job", "text/plain", "G1 X10\n{}\n");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("line 2");
        HttpResponse<String> huge = http.send("POST", "/api/v1/equipment/bookings/" + booking + "/job", "text/plain",
                "G1 X1\n".repeat(1_000_000));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(new Http(port).as("member@demo.local", "demo-member")
            .send("POST", "/api/v1/equipment/bookings/" + booking + "/job", "text/plain", "G1 X10\n").statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(http.get("/api/v1/equipment/bookings/" + booking + "/job").body()).path("fileName").asString())
            .isEqualTo("square.gcode");
    }
}
