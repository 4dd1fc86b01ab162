package microfactory.network;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Requests to the chapters a steward followed, and only there: every path is put under the followed address (a
 * description naming another host is not followed), http or https (a steward may follow a chapter on the same network),
 * no redirects, 10 s to connect, 20 s to answer, 1 MB at most.
 */
@Component
class PeerClient {

    static final int MAX_BYTES = 1 << 20;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** An answer: its status and its text. */
    record Answer(int status, String body) {
    }

    String get(String base, String path) throws PeerException {
        Answer a = send(HttpRequest.newBuilder(uri(base, path)).GET(), base + path);
        if (a.status() != 200) {
            throw new PeerException(base + path + " answered " + a.status());
        }
        return a.body();
    }

    Answer post(String base, String path, String body) throws PeerException {
        return send(HttpRequest.newBuilder(uri(base, path)).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), base + path);
    }

    private Answer send(HttpRequest.Builder request, String where) throws PeerException {
        try {
            HttpResponse<InputStream> r = http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new PeerException(where + " sent more than 1 MB");
                }
                return new Answer(r.statusCode(), new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new PeerException(where + " did not answer (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException("interrupted while asking " + where);
        }
    }

    private static URI uri(String base, String path) throws PeerException {
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new PeerException("not an address: " + base + path);
        }
    }

    /** The followed address as it is kept: http(s), a host, no query, no trailing slash. */
    static String normalise(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("give the chapter's address, e.g. https://lagos.microfactory.org");
        }
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url.strip() + "' is not an address");
        }
        if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http")) || u.getHost() == null
                || u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("an address reads https://host[:port][/path], without a query: '" + url.strip() + "'");
        }
        return url.strip().replaceAll("/+$", "");
    }
}
