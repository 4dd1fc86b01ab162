package microfactory.support;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small HTTP client for tests against the running server: JSON with HTTP Basic, and forms the way
 * a browser sends them (session cookie and the CSRF token from the last page).
 */
public final class Http {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String basic;
    private String csrf;

    public Http(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private final Map<String, String> headers = new LinkedHashMap<>();

    /** Sends this header with every request from now on. */
    public Http withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Http as(String email, String password) {
        basic = "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public HttpResponse<String> get(String path) {
        return rememberCsrf(send(request(path).GET()));
    }

    private HttpResponse<String> rememberCsrf(HttpResponse<String> response) {
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** A page as a browser asks for it (Accept: text/html first). */
    public HttpResponse<String> page(String path) {
        return rememberCsrf(send(request(path).setHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET()));
    }

    /** Sends a body of any content type. */
    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends bytes as they are (a zip, an image). */
    public HttpResponse<String> sendBytes(String method, String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> json(String method, String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form with the CSRF token of the last page fetched, as a browser would. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> response = send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** Posts multipart/form-data (fields and files) with the CSRF token of the last page, as a browser's upload. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files) {
        String boundary = "mfBoundary" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        all.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n"
                + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((name, bytes) -> {
            String field = name.contains("=") ? name.substring(0, name.indexOf('=')) : "files";
            String fileName = name.contains("=") ? name.substring(name.indexOf('=') + 1) : name;
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** Logs in through the form, as a person does. */
    public HttpResponse<String> login(String email, String password) {
        get("/login");
        return postForm("/login", Map.of("username", email, "password", password));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "*/*");
        if (basic != null) {
            b.header("Authorization", basic);
        }
        headers.forEach(b::header);
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
