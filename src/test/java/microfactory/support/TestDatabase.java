package microfactory.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Gives each test application context a fresh, empty database: in-memory H2 (the default run) or a
 * new database on one embedded PostgreSQL 18 server per JVM (the run with -Dmicrofactory.test.db=postgres).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    /** The key-encryption key of every test chapter: outside the checkout, made on first use, gone with the JVM's temp files. */
    public static final Path KEY_FILE = Path.of(System.getProperty("java.io.tmpdir"), "mf-test-" + ProcessHandle.current().pid(), "key-encryption.key");

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("microfactory.test.db"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = onPostgres() ? newPostgresDatabase() : "jdbc:h2:mem:mf-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Map<String, Object> settings = new HashMap<>(Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", onPostgres() ? "postgres" : "sa",
                "spring.datasource.password", "",
                "microfactory.key-file", KEY_FILE.toString(),
                "microfactory.public-url", "http://localhost:8080",
                "microfactory.demo.background", "false",
                // Tests move the shared clock; jobs acting on "now" (closing campaigns, billing) would act on a test's
                // moved time and change the demo under other tests. Tests call those jobs themselves.
                "microfactory.funding.close-check", "3650d",
                "microfactory.billing.first-check", "3650d",
                "microfactory.lifetime.first-check", "3650d"));
        // Tests follow chapters they start and stop; they check and ask for cosignatures themselves.
        settings.put("microfactory.network.first-check", "3650d");
        settings.put("microfactory.network.first-witness", "3650d");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-database", settings));
        if (context instanceof GenericApplicationContext generic) { // tests may move the application's time
            generic.registerBean("testClock", Clock.class, () -> TestClock.INSTANCE, definition -> definition.setPrimary(true));
        }
    }

    /** A fresh database on the shared embedded PostgreSQL (user "postgres"), for a child process. */
    public static String freshPostgresUrl() {
        return newPostgresDatabase();
    }

    private static synchronized String newPostgresDatabase() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is ending anyway
                    }
                }));
            }
            String name = "mf_" + DATABASES.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
    }
}
