package microfactory.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One owner per table: docs/ARCHITECTURE.md names each feature's tables, every table the migrations create is named
 * there once, and a feature's SQL names only its own tables (another feature's facts come through its service).
 */
class TableOwnershipTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java/microfactory");
    private static final Pattern FEATURE_ROW = Pattern.compile("^\\| `([a-z/]+)/` \\|");
    private static final Pattern CREATE_TABLE = Pattern.compile("create table (?:if not exists )?([a-z_]+)",
            Pattern.CASE_INSENSITIVE);
    /** Backup copies every table as rows, whatever it holds; it owns none and reads all through JDBC metadata. */
    private static final Set<String> READS_EVERY_TABLE = Set.of("backup");

    /** merit's badge table was made by learning's first migration; an applied migration is never edited. */
    private static final Set<String> CREATED_BEFORE_THE_RULE = Set.of("badge");

    private static Map<String, String> ownerOfTable;
    private static Map<String, String> creatorOfTable;
    private static Set<String> createdTables;

    @BeforeAll
    static void read() throws IOException {
        ownerOfTable = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/ARCHITECTURE.md"))) {
            Matcher row = FEATURE_ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            String[] cells = line.split("\\|");
            String feature = row.group(1).split("/")[0];
            Matcher table = Pattern.compile("`([a-z_]+)`").matcher(cells[3]);
            while (table.find()) {
                String previous = ownerOfTable.put(table.group(1), feature);
                assertThat(previous).as("table %s is listed for two features", table.group(1)).isNull();
            }
        }
        createdTables = new TreeSet<>();
        creatorOfTable = new HashMap<>();
        for (Path f : migrations()) {
            Matcher m = CREATE_TABLE.matcher(Files.readString(f));
            while (m.find()) {
                String table = m.group(1).toLowerCase();
                createdTables.add(table);
                creatorOfTable.put(table, f.getParent().getFileName().toString());
            }
        }
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    @Test
    void eachFeatureKeepsItsMigrationsInItsOwnFolder() throws IOException {
        List<Path> all = migrations();
        assertThat(all).isNotEmpty();
        assertThat(all).as("migrations named V<timestamp>__<feature>_<change>.sql in db/migration/<feature>/")
                .allSatisfy(f -> assertThat(f.getFileName().toString())
                        .startsWith("V").contains("__" + f.getParent().getFileName() + "_"));
        assertThat(all).as("no migration outside a feature folder")
                .allMatch(f -> f.getParent().getParent().equals(MIGRATIONS));
    }

    @Test
    void flywayReadsEveryFeatureFolder() throws IOException {
        Properties settings = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            settings.load(in);
        }
        Set<String> locations = new TreeSet<>();
        for (String location : settings.getProperty("spring.flyway.locations").split(",")) {
            locations.add(location.trim());
        }
        Set<String> folders = new TreeSet<>();
        for (Path f : migrations()) {
            folders.add("classpath:db/migration/" + f.getParent().getFileName());
        }
        assertThat(locations).as("spring.flyway.locations against the folders of db/migration").isEqualTo(folders);
    }

    @Test
    void aFeatureCreatesOnlyItsOwnTables() {
        assertThat(createdTables).as("tables a feature's migrations create for another feature")
                .allMatch(t -> creatorOfTable.get(t).equals(ownerOfTable.get(t)) || CREATED_BEFORE_THE_RULE.contains(t));
    }

    @Test
    void everyTableHasAnOwnerInTheArchitecture() {
        assertThat(createdTables).isNotEmpty();
        assertThat(createdTables).as("tables the migrations create but docs/ARCHITECTURE.md gives no feature")
                .allMatch(ownerOfTable::containsKey);
    }

    @Test
    void featuresNameOnlyTheirOwnTablesInSql() throws IOException {
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                if (READS_EVERY_TABLE.contains(feature)) {
                    continue;
                }
                String source = Files.readString(file);
                for (String table : createdTables) {
                    if (namesInSql(source, table) && !feature.equals(ownerOfTable.get(table))) {
                        trespasses.add(file + " uses " + table + " of " + ownerOfTable.get(table) + "/");
                    }
                }
            }
        }
        assertThat(trespasses).as("SQL naming another feature's table").isEmpty();
    }

    @Test
    void theCheckSeesATrespass() {
        assertThat(namesInSql("\"select m.name from member m join production_signup s on s.member_id = m.id\"",
                "member")).isTrue();
        assertThat(namesInSql("members.displayName(memberId)", "member")).isFalse();
    }

    private static boolean namesInSql(String source, String table) {
        return Pattern.compile("\\b(from|join|into|update|table)\\s+" + table + "\\b", Pattern.CASE_INSENSITIVE)
                .matcher(source).find();
    }
}
