package microfactory.web;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * {@code bench pages [URL]}: how many requests a second each main page serves to visitors, as a ratio to
 * {@code /actuator/health} measured in the same run against the same server (the machines are shared and noisy, so
 * only the ratio means something). Goal: at least 0.5 for every page.
 */
@Command(name = "pages", description = "Throughput of the main pages against /actuator/health on a running server (goal: ratio >= 0.5).")
public final class PagesBench implements Callable<Integer> {

    static final List<String> PAGES = List.of("/", "/equipment", "/production", "/ledger", "/learn", "/designs", "/plans", "/badges");

    @Parameters(index = "0", defaultValue = "http://localhost:8080", description = "the running chapter (default ${DEFAULT-VALUE})")
    String base;
    @Option(names = "--seconds", description = "seconds per page (default ${DEFAULT-VALUE})") double seconds = 3;
    @Option(names = "--clients", description = "concurrent clients (default ${DEFAULT-VALUE})") int clients = 8;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String root = base.replaceAll("/+$", "");
        rate(http, root + "/actuator/health", 1); // warm up
        PAGES.forEach(p -> rate(http, root + p, 1));
        double health = rate(http, root + "/actuator/health", seconds);
        out.printf("%-14s %10s %8s%n", "page", "req/s", "ratio");
        out.printf("%-14s %10.0f %8s%n", "/actuator/health", health, "1.00");
        boolean allMet = true;
        for (String page : PAGES) {
            double r = rate(http, root + page, seconds);
            allMet &= r / health >= 0.5;
            out.printf("%-14s %10.0f %8.2f%s%n", page, r, r / health, r / health >= 0.5 ? "" : "  (goal >= 0.5)");
        }
        out.println(allMet ? "Every page meets the goal (>= 0.5 of /actuator/health)." : "Some pages are below the goal.");
        return allMet ? 0 : 1;
    }

    /** Requests a second for one URL, from {@code clients} threads for the given time; errors do not count. */
    private double rate(HttpClient http, String url, double forSeconds) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong ok = new AtomicLong();
        long end = System.nanoTime() + (long) (forSeconds * 1e9);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", url.contains("/actuator/") ? "application/json" : "text/html").GET().build();
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            }));
        }
        running.forEach(f -> {
            try {
                f.get();
            } catch (Exception e) {
                // a client that failed has stopped counting
            }
        });
        pool.shutdown();
        return ok.get() / ((System.nanoTime() - start) / 1e9);
    }
}
