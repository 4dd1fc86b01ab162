package microfactory.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import microfactory.ledger.verify.LedgerVerifier;
import microfactory.ledger.verify.LogSource;
import microfactory.ledger.verify.VerifyResult;
import microfactory.support.Http;
import microfactory.support.TestDatabase;

/**
 * The server process is killed with SIGKILL while four clients append; after a restart every transfer
 * it acknowledged is there and the log verifies. Runs the real app in a child JVM, on H2 files or PostgreSQL.
 */
@Tag("db")
class LedgerCrashTest {

    @TempDir Path dir;

    @Test
    void aKilledServerLosesNoAcknowledgedEntry() throws Exception {
        String url = TestDatabase.onPostgres() ? TestDatabase.freshPostgresUrl()
                : "jdbc:h2:file:" + dir.resolve("crash") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        String user = TestDatabase.onPostgres() ? "postgres" : "sa";
        int port = freePort();

        Process app = start(port, url, user, "first");
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                Http http = new Http(port).as("steward@demo.local", "demo-steward");
                for (int i = 0; !killed.get(); i++) {
                    String id = "crash-" + writer + "-" + i;
                    try {
                        HttpResponse<String> r = http.json("POST", "/api/v1/ledger/transfers", """
                                {"transfers":[{"id":"%s","code":"workshop","postings":[
                                 {"account":"bank","side":"DEBIT","amount":%d,"currency":"USD"},
                                 {"account":"workshop-income","side":"CREDIT","amount":%d,"currency":"USD"}]}]}"""
                                .formatted(id, 100 + i, 100 + i));
                        if (r.statusCode() == 201) {
                            acknowledged.add(id);
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
            t.start();
            writers.add(t);
        }
        while (acknowledged.size() < 60) {
            Thread.sleep(20);
        }
        app.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        app.waitFor();
        killed.set(true);
        for (Thread t : writers) {
            t.join(10_000);
        }

        Process again = start(port, url, user, "second");
        try {
            Http http = new Http(port);
            for (String id : acknowledged) {
                assertThat(http.get("/api/v1/ledger/transfers/" + id).statusCode()).as(id).isEqualTo(200);
            }
            VerifyResult r = LedgerVerifier.verify(LogSource.of("http://localhost:" + port + "/ledger"), null, null);
            assertThat(r.ok()).as(r.problem()).isTrue();
        } finally {
            again.destroyForcibly().waitFor();
        }
    }

    private Process start(int port, String url, String user, String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "microfactory.Microfactory",
                "--server.port=" + port, "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=", "--microfactory.ledger.expiry-check=1h",
                "--microfactory.demo.background=false", "--microfactory.key-file=" + dir.resolve("key-encryption.key"))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        Http http = new Http(port);
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (http.get("/actuator/health").statusCode() == 200) {
                    return p;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the app did not start; see " + dir.resolve(name + ".log"));
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the app was not healthy within 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
