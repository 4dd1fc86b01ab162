package microfactory.web;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench api [URL]}: an API client's requests a second with HTTP Basic (a password hash checked on every request)
 * and with a personal access token (Bearer), against the same endpoint of a running chapter in the same run.
 */
@Command(name = "api", description = "Requests a second to /api/v1/members/me with HTTP Basic and with a Bearer token, on a running server.")
public final class ApiBench implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "http://localhost:8080", description = "the running chapter (default ${DEFAULT-VALUE})")
    String base;
    @Option(names = "--user", defaultValue = "steward@demo.local", description = "an account (default ${DEFAULT-VALUE})") String user;
    @Option(names = "--password", defaultValue = "demo-steward", description = "its password (default ${DEFAULT-VALUE})") String password;
    @Option(names = "--seconds", description = "seconds each (default ${DEFAULT-VALUE})") double seconds = 3;
    @Option(names = "--clients", description = "concurrent clients (default ${DEFAULT-VALUE})") int clients = 4;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String root = base.replaceAll("/+$", "");
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(root + "/api/v1/members/me/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench api\",\"scope\":\"READ\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (made.statusCode() != 201) {
            spec.commandLine().getErr().println("Could not make a token (" + made.statusCode() + "): " + made.body());
            return 1;
        }
        var json = JsonMapper.builder().build().readTree(made.body());
        String bearer = "Bearer " + json.get("token").asString();
        String me = root + "/api/v1/members/me";
        rate(http, me, basic, 1);
        rate(http, me, bearer, 1);
        double withBasic = rate(http, me, basic, seconds);
        double withToken = rate(http, me, bearer, seconds);
        out.printf("GET /api/v1/members/me: HTTP Basic %.0f req/s; Bearer token %.0f req/s; ratio %.1f%n",
                withBasic, withToken, withToken / withBasic);
        http.send(HttpRequest.newBuilder(URI.create(root + "/api/v1/members/me/tokens/" + json.get("details").get("id").asLong()))
                .header("Authorization", basic).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        return 0;
    }

    private double rate(HttpClient http, String url, String authorization, double forSeconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong ok = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (forSeconds * 1e9);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        ok.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return ok.get() / ((System.nanoTime() - start) / 1e9);
    }
}
