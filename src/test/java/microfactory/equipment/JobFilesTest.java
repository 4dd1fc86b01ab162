package microfactory.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.equipment.jobfiles.DxfReaderTest;
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
    @Autowired MachineBookings machineBookings;
    @Autowired JobFiles jobs;

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

    @Test
    void aCuttingTableTakesDxfAndSvgOutlinesTimedByItsCuttingSpeedAndRefusesOnesLargerThanItsBed() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Member m = members.signUp(new SignUp("cutter-" + id + "@example.org", "Cutter " + id, "sparks and steel", "", null));
        merit.issue(m.id(), "cnc", 1, "test");
        Http http = new Http(port).as("cutter-" + id + "@example.org", "sparks and steel");
        Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(12).atTime(3, 0).toInstant(ZoneOffset.UTC);
        long booking = JSON.readTree(http.json("POST", "/api/v1/equipment/machines/torch-table/bookings",
                "{\"start\": \"" + start + "\", \"end\": \"" + start.plusSeconds(3600) + "\"}").body()).path("id").asLong();
        byte[] plate = DxfReaderTest.plate().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> dxf = http.sendBytes("POST", "/api/v1/equipment/bookings/" + booking + "/job?name=plate.dxf", "application/octet-stream", plate);
        assertThat(dxf.statusCode()).as(dxf.body()).isEqualTo(200);
        JsonNode summary = JSON.readTree(dxf.body());
        assertThat(summary.path("kind").asString()).isEqualTo("dxf");
        assertThat(summary.path("bounds").asString()).startsWith("X 0.0..200.0, Y 0.0..100.0");
        // about 789 mm of cut at the demo table's 2500 mm/min plus six pierces: under a minute, one minute rounded up
        assertThat(summary.path("estimatedMinutes").asInt()).isEqualTo(1);
        assertThat(new Http(port).get(summary.path("previewUrl").asString()).body()).contains("<polyline");

        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"3000mm\" height=\"100mm\" viewBox=\"0 0 3000 100\">\n"
                + "<rect x=\"0\" y=\"0\" width=\"100\" height=\"100\"/>\n<line x1=\"0\" y1=\"50\" x2=\"3000\" y2=\"50\"/>\n</svg>\n";
        HttpResponse<String> tooLong = http.send("POST", "/api/v1/equipment/bookings/" + booking + "/job?name=rail.svg", "image/svg+xml", svg);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("line 3").contains("the line reaches X=3000.0 mm").contains("1220 × 2440 mm");
        assertThat(JSON.readTree(http.get("/api/v1/equipment/bookings/" + booking + "/job").body()).path("fileName").asString())
            .as("a refused file leaves the job before it").isEqualTo("plate.dxf");
    }

    @Test
    void theDemoCarriesAGcodeJobOnAPrinterAndAnSvgOutlineOnTheTorchTable() {
        Instant now = Instant.now();
        for (String[] expected : new String[][] {{"printer-farm", "GCODE"}, {"torch-table", "SVG"}}) {
            assertThat(machineBookings.bookings(expected[0], now.minusSeconds(86_400), now.plusSeconds(30 * 86_400L)).stream()
                    .flatMap(b -> jobs.job(b.id()).stream()).map(j -> j.kind().name()).toList())
                    .as(expected[0]).contains(expected[1]);
        }
    }
}
