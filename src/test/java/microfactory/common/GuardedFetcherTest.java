package microfactory.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import microfactory.common.GuardedFetcher.FetchRefused;

/**
 * The fetcher every stranger-named URL goes through. A local https server stands in for the internet: a lying name
 * lookup sends "status.example" to it, and the address rule is the test's to choose.
 */
class GuardedFetcherTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static HttpsServer server;
    private static SSLContext trusting;
    private static final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void serve(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("status.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "status", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=status.example",
                "-ext", "SAN=dns:status.example", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(keys, PASSWORD);
        SSLContext serving = SSLContext.getInstance("TLS");
        serving.init(km.getKeyManagers(), null, null);
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(keys);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tm.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serving));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            byte[] body = switch (path) {
                case "/list" -> "{\"type\":[\"VerifiableCredential\"]}".getBytes(StandardCharsets.UTF_8);
                case "/big" -> new byte[4096];
                default -> new byte[0];
            };
            if (path.equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "https://status.example/list");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String url(String path) {
        return "https://status.example:" + server.getAddress().getPort() + path;
    }

    /** Answers every name with the loopback address, counting the lookups. */
    private static final class ToLoopback implements DnsResolver {
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public InetAddress[] resolve(String host) {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    @Test
    void fetchesFromAnAllowedAddressWithTheHostsCertificate() throws Exception {
        try (GuardedFetcher fetcher = new GuardedFetcher(new ToLoopback(), a -> true, trusting)) {
            byte[] body = fetcher.get(url("/list"), "application/json", 1024);
            assertThat(new String(body, StandardCharsets.UTF_8)).contains("VerifiableCredential");
        }
    }

    @Test
    void theAddressCheckedIsTheAddressConnectedTo() throws Exception {
        ToLoopback lookup = new ToLoopback();
        int before = requests.get();
        try (GuardedFetcher fetcher = new GuardedFetcher(lookup, PublicAddresses::isPublic, trusting)) {
            assertThatThrownBy(() -> fetcher.get(url("/list"), "application/json", 1024)).isInstanceOf(FetchRefused.class)
                    .hasMessageContaining("status.example is not a public address (127.0.0.1)");
        }
        assertThat(lookup.lookups).as("one lookup: the one the connection uses").hasValue(1);
        assertThat(requests.get()).as("nothing reached the server").isEqualTo(before);
    }

    @Test
    void addressLiteralsOfTheOwnNetworkAreRefusedWithTheRealLookup() throws Exception {
        try (GuardedFetcher fetcher = new GuardedFetcher()) {
            for (String url : List.of("https://127.0.0.1/list", "https://localhost:8080/badges/status/revocation",
                    "https://10.0.0.7/list", "https://100.64.1.1/list", "https://169.254.169.254/latest/meta-data",
                    "https://[::1]/list", "https://[::ffff:192.168.1.1]/list")) {
                assertThatThrownBy(() -> fetcher.get(url, "application/json", 1024)).as(url)
                        .isInstanceOf(FetchRefused.class).hasMessageContaining("is not a public address");
            }
        }
    }

    @Test
    void onlyHttpsUrls() {
        assertThatThrownBy(() -> GuardedFetcher.httpsUrl("http://example.org/list")).hasMessageContaining("must be an https URL");
        assertThatThrownBy(() -> GuardedFetcher.httpsUrl("file:///etc/passwd")).hasMessageContaining("must be an https URL");
        assertThatThrownBy(() -> GuardedFetcher.httpsUrl("not a url")).hasMessageContaining("is not a URL");
    }

    @Test
    void noRedirectsAndNoMoreThanTheCap() throws IOException {
        try (GuardedFetcher fetcher = new GuardedFetcher(new ToLoopback(), a -> true, trusting)) {
            assertThatThrownBy(() -> fetcher.get(url("/moved"), "application/json", 1024))
                    .isInstanceOf(FetchRefused.class).hasMessageContaining("answered HTTP 302");
            assertThatThrownBy(() -> fetcher.get(url("/big"), "application/json", 1024))
                    .isInstanceOf(FetchRefused.class).hasMessageContaining("is larger than 1024 bytes");
        }
    }
}
