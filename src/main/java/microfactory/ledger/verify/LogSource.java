package microfactory.ledger.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Where a published log is read from: a mirror folder or the chapter's URL (e.g. http://host/ledger). */
public interface LogSource {

    /** The file's bytes, or null when it is not there. */
    byte[] read(String path) throws IOException;

    String where(String path);

    static LogSource of(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return new Http(location.endsWith("/") ? location : location + "/");
        }
        return new Folder(Path.of(location));
    }

    /** A log held in memory, by path (as {@code bench ledger} publishes one). */
    static LogSource memory(Map<String, byte[]> files) {
        return new Memory(files);
    }

    record Memory(Map<String, byte[]> files) implements LogSource {
        @Override
        public byte[] read(String path) {
            return files.get(path);
        }

        @Override
        public String where(String path) {
            return "memory:" + path;
        }
    }

    record Folder(Path root) implements LogSource {
        @Override
        public byte[] read(String path) throws IOException {
            Path file = root.resolve(path);
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        }

        @Override
        public String where(String path) {
            return root.resolve(path).toString();
        }
    }

    final class Http implements LogSource {
        private final String base;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        Http(String base) {
            this.base = base;
        }

        @Override
        public byte[] read(String path) throws IOException {
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 404) {
                    return null;
                }
                if (r.statusCode() != 200) {
                    throw new IOException(base + path + " answered HTTP " + r.statusCode());
                }
                return r.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public String where(String path) {
            return base + path;
        }
    }
}
