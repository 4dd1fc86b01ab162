package microfactory.kit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where an operator's kit comes from: a file, or a chapter's address ({@code https://chapter.example}, its {@code /kit}
 * taken when the path does not name it). The operator names the address, so plain http (a chapter on this machine)
 * is allowed; the size is capped as the archive's reader caps what it unpacks.
 */
public final class KitSource {

    static final long MAX_DOWNLOAD = KitArchive.MAX_TOTAL;

    private KitSource() {
    }

    public static boolean isUrl(String source) {
        return source.startsWith("https://") || source.startsWith("http://");
    }

    /** The kit's bytes; a problem in words for the operator. */
    public static byte[] read(String source) {
        if (!isUrl(source)) {
            Path file = Path.of(source);
            if (!Files.isRegularFile(file)) {
                throw new KitException("no such file: " + source);
            }
            try {
                if (Files.size(file) > MAX_DOWNLOAD) {
                    throw new KitException(source + " is larger than " + (MAX_DOWNLOAD >> 20) + " MB: not a kit");
                }
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new KitException(source + " cannot be read: " + e.getMessage());
            }
        }
        URI uri;
        try {
            String base = source.replaceAll("/+$", "");
            uri = URI.create(base.endsWith("/kit") ? base : base + "/kit");
        } catch (IllegalArgumentException e) {
            throw new KitException("not an address: " + source);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "application/zip").timeout(Duration.ofMinutes(5)).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new KitException(uri + " answered " + response.statusCode() + ", not a kit");
                }
                byte[] bytes = in.readNBytes((int) MAX_DOWNLOAD + 1);
                if (bytes.length > MAX_DOWNLOAD) {
                    throw new KitException(uri + " sent more than " + (MAX_DOWNLOAD >> 20) + " MB: not a kit");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new KitException(uri + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KitException("interrupted while fetching " + uri);
        }
    }
}
