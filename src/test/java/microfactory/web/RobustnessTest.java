package microfactory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import microfactory.support.DatabaseTest;
import microfactory.support.Http;

/** Requests any client can send that once caused a server error: each is now a 4xx problem, and nothing breaks. */
@DatabaseTest
class RobustnessTest {

    @LocalServerPort int port;

    private static void problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("java.").doesNotContain("Exception");
    }

    @Test
    void whatOnceFailedOnTheServerIsAClearProblem() {
        problem(new Http(port).get("/api/v1/learning/sign-offs"), 401);
        String deep = "[".repeat(2_000) + "]".repeat(2_000);
        problem(new Http(port).json("POST", "/api/v1/badges/verify", deep), 400);
        String raw = rawGet("/api/v1/ledger/entries?limit=%"); // no HTTP client sends this; a probe does
        assertThat(raw).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("%-escape");
        assertThat(new Http(port).get("/ledger/tile/0/x999/999/999/999/999/999/999.p/1").statusCode()).isEqualTo(404);
        problem(new Http(port).as("steward@demo.local", "demo-steward").json("PUT", "/api/v1/designs/lifetrac",
                "{\"name\":\"LifeTrac\",\"licence\":\"GPL-3.0-or-later\"}"), 400);
    }

    @Test
    void whatTheContainerRefusesIsAProblemTooNotItsHtmlPage() {
        for (String path : new String[] {"/api/v1/designs/a%2Fb", "/a/%2e%2e/%2e%2e/etc", "/x%00y", "/%C0%AF"}) {
            String raw = rawGet(path);
            assertThat(raw).as(path).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"status\":400").contains("encoded '/'").doesNotContainIgnoringCase("<html");
        }
        String huge = rawGet("/", "X-Padding: " + "a".repeat(20_000));
        assertThat(huge).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("headers are too large");
    }

    /** A request written by hand on a socket, as a probe sends what a well-behaved client never would. */
    private String rawGet(String path) {
        return rawGet(path, "Accept: */*");
    }

    private String rawGet(String path, String header) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + header
                    + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aZipBombOrAZipOfThousandsOfFilesIsRefusedWhileItIsRead() throws Exception {
        Http steward = new Http(port).as("steward@demo.local", "demo-steward");
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("okh.toml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros); // 40 MB of zeros, about 40 KB packed
            }
            zip.closeEntry();
        }
        HttpResponse<String> big = steward.sendBytes("POST", "/api/v1/designs?slug=bomb", "application/zip", bomb.toByteArray());
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(big.body()).containsAnyOf("20 MB", "2 MB");

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            for (int i = 0; i < 1_200; i++) {
                zip.putNextEntry(new ZipEntry("part-" + i + ".bin"));
                zip.write(1);
                zip.closeEntry();
            }
        }
        HttpResponse<String> crowded = steward.sendBytes("POST", "/api/v1/designs?slug=crowd", "application/zip", many.toByteArray());
        assertThat(crowded.statusCode()).isEqualTo(400);
        assertThat(crowded.body()).contains("1000 entries");
    }
}
