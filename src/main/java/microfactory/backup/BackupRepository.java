package microfactory.backup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Every table of the chapter, read and written generically from the database's own description of itself (like
 * pg_dump): the one place that touches all features' tables, and only to copy them whole. Works the same on H2 and
 * PostgreSQL. Values travel as JSON: numbers, booleans, text, bytes as base64, instants and dates as ISO-8601.
 */
@Repository
class BackupRepository {

    /** Not copied row by row: Flyway's own history (the restore migrates instead), the key (sealed anew on restore). */
    static final Set<String> SKIPPED = Set.of("flyway_schema_history", "signing_key");

    private final DataSource dataSource;

    BackupRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The application's tables in an order that inserts parents before children, with their shapes. */
    List<TableShape> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = schema(c);
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!SKIPPED.contains(name)) {
                    names.add(name);
                }
            }
        }
        Map<String, List<String[]>> references = new HashMap<>(); // table -> [column, parent table, nullable]
        Map<String, TableShape> shapes = new LinkedHashMap<>();
        for (String name : names) {
            List<TableShape.Column> columns = new ArrayList<>();
            Map<String, Boolean> nullable = new HashMap<>();
            String identity = null;
            try (ResultSet rs = meta.getColumns(null, schema, tableName(meta, name), "%")) {
                while (rs.next()) {
                    String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    columns.add(new TableShape.Column(column, rs.getInt("DATA_TYPE")));
                    nullable.put(column, rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls);
                    if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                        identity = column;
                    }
                }
            }
            List<String> key = new ArrayList<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, tableName(meta, name))) {
                Map<Integer, String> ordered = new TreeMap<>();
                while (rs.next()) {
                    ordered.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
                key.addAll(ordered.values());
            }
            List<String[]> refs = new ArrayList<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, tableName(meta, name))) {
                while (rs.next()) {
                    String column = rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                    refs.add(new String[] {column, rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
                            Boolean.toString(nullable.getOrDefault(column, false))});
                }
            }
            references.put(name, refs);
            shapes.put(name, new TableShape(name, columns, key, identity, List.of()));
        }
        return ordered(shapes, references);
    }

    /**
     * Parents first (Kahn's algorithm). Where the references go round in a cycle (or a table names itself), a
     * nullable reference is written in a second pass, which breaks the cycle.
     */
    private static List<TableShape> ordered(Map<String, TableShape> shapes, Map<String, List<String[]>> references) {
        Map<String, Set<String>> waitingFor = new HashMap<>();
        Map<String, Set<String>> deferred = new HashMap<>();
        for (String table : shapes.keySet()) {
            Set<String> parents = new LinkedHashSet<>();
            for (String[] ref : references.get(table)) {
                if (!shapes.containsKey(ref[1])) {
                    continue;
                }
                if (ref[1].equals(table) && Boolean.parseBoolean(ref[2])) {
                    deferred.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(ref[0]);
                } else {
                    parents.add(ref[1]);
                }
            }
            waitingFor.put(table, parents);
        }
        List<String> order = new ArrayList<>();
        Set<String> left = new TreeSet<>(shapes.keySet());
        while (!left.isEmpty()) {
            String ready = left.stream().filter(t -> order.containsAll(waitingFor.get(t))).findFirst().orElse(null);
            if (ready == null) { // a cycle: defer one nullable reference of a waiting table
                String[] cut = null;
                String owner = null;
                for (String t : left) {
                    for (String[] ref : references.get(t)) {
                        if (left.contains(ref[1]) && Boolean.parseBoolean(ref[2])) {
                            cut = ref;
                            owner = t;
                            break;
                        }
                    }
                    if (cut != null) {
                        break;
                    }
                }
                if (cut == null) {
                    throw new IllegalStateException("The tables " + left + " reference each other with no nullable column");
                }
                deferred.computeIfAbsent(owner, t -> new LinkedHashSet<>()).add(cut[0]);
                String parent = cut[1];
                String child = owner;
                boolean stillNeeded = references.get(child).stream()
                        .anyMatch(r -> r[1].equals(parent) && !deferred.get(child).contains(r[0]));
                if (!stillNeeded) {
                    waitingFor.get(child).remove(parent);
                }
                continue;
            }
            order.add(ready);
            left.remove(ready);
        }
        List<TableShape> result = new ArrayList<>();
        for (String t : order) {
            TableShape s = shapes.get(t);
            result.add(new TableShape(s.name(), s.columns(), s.primaryKey(), s.identity(),
                    List.copyOf(deferred.getOrDefault(t, Set.of()))));
        }
        return result;
    }

    /** Streams a table's rows, ordered by primary key, each as a JSON array of its columns' values. */
    void read(Connection c, TableShape table, Consumer<ArrayNode> row) throws SQLException {
        String order = table.primaryKey().isEmpty() ? "" : " order by " + String.join(", ", table.primaryKey());
        try (PreparedStatement ps = c.prepareStatement("select " + String.join(", ", table.columnNames()) + " from "
                + table.name() + order); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                ArrayNode values = JsonNodeFactory.instance.arrayNode();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.add(value(rs, i, table.columns().get(i - 1).jdbcType()));
                }
                row.accept(values);
            }
        }
    }

    /** The number of rows in every application table; a database to restore into must have none. */
    long rows(Connection c) throws SQLException {
        long total = 0;
        for (TableShape t : tables(c)) {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from " + t.name()); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total += rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select count(*) from signing_key"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            total += rs.getLong(1);
        }
        return total;
    }

    /** Inserts rows (deferred columns as null, set by {@link #setDeferred}) in batches. */
    void insert(Connection c, TableShape table, List<String> columns, Iterable<JsonNode> rows) throws SQLException {
        Map<String, Integer> types = new HashMap<>();
        table.columns().forEach(col -> types.put(col.name(), col.jdbcType()));
        for (String column : columns) {
            if (!types.containsKey(column)) {
                throw new BackupException("the backup has a column " + table.name() + "." + column + " this schema does not have");
            }
        }
        String sql = "insert into " + table.name() + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int batch = 0;
            for (JsonNode row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    bind(ps, i + 1, table.deferred().contains(column) ? null : row.get(i), types.get(column));
                }
                ps.addBatch();
                if (++batch % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The second pass: sets the deferred references of the rows that have them. */
    void setDeferred(Connection c, TableShape table, List<String> columns, Iterable<JsonNode> rows) throws SQLException {
        Map<String, Integer> types = new HashMap<>();
        table.columns().forEach(col -> types.put(col.name(), col.jdbcType()));
        for (String column : table.deferred()) {
            int at = columns.indexOf(column);
            String where = String.join(" and ", table.primaryKey().stream().map(k -> k + " = ?").toList());
            try (PreparedStatement ps = c.prepareStatement("update " + table.name() + " set " + column + " = ? where " + where)) {
                for (JsonNode row : rows) {
                    if (row.get(at).isNull()) {
                        continue;
                    }
                    bind(ps, 1, row.get(at), types.get(column));
                    for (int k = 0; k < table.primaryKey().size(); k++) {
                        String key = table.primaryKey().get(k);
                        bind(ps, k + 2, row.get(columns.indexOf(key)), types.get(key));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Identity columns continue after the largest restored value, so new rows do not collide. */
    void restartIdentity(Connection c, TableShape table) throws SQLException {
        if (table.identity() == null) {
            return;
        }
        long next;
        try (PreparedStatement ps = c.prepareStatement("select coalesce(max(" + table.identity() + "), 0) + 1 from " + table.name());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            next = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("alter table " + table.name() + " alter column " + table.identity()
                + " restart with " + next)) {
            ps.execute();
        }
    }

    /** A connection bound to the current Spring transaction (or a new one outside any). */
    Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }

    void release(Connection c) {
        DataSourceUtils.releaseConnection(c, dataSource);
    }

    DataSource dataSource() {
        return dataSource;
    }

    static boolean isH2(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    }

    private static String schema(Connection c) throws SQLException {
        String s = c.getSchema();
        return s == null ? (isH2(c) ? "PUBLIC" : "public") : s;
    }

    /** H2 in PostgreSQL mode with DATABASE_TO_LOWER stores lower-case names, as PostgreSQL does. */
    private static String tableName(DatabaseMetaData meta, String name) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static JsonNode value(ResultSet rs, int i, int type) throws SQLException {
        JsonNodeFactory json = JsonNodeFactory.instance;
        switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                long v = rs.getLong(i);
                return rs.wasNull() ? json.nullNode() : json.numberNode(v);
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? json.nullNode() : json.booleanNode(v);
            }
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                BigDecimal v = rs.getBigDecimal(i);
                return v == null ? json.nullNode() : json.stringNode(v.toPlainString());
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] v = rs.getBytes(i);
                return v == null ? json.nullNode() : json.stringNode(Base64.getEncoder().encodeToString(v));
            }
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                return v == null ? json.nullNode() : json.stringNode(v.toInstant().toString());
            }
            case Types.DATE -> {
                LocalDate v = rs.getObject(i, LocalDate.class);
                return v == null ? json.nullNode() : json.stringNode(v.toString());
            }
            default -> {
                String v = rs.getString(i);
                return v == null ? json.nullNode() : json.stringNode(v);
            }
        }
    }

    private static void bind(PreparedStatement ps, int i, JsonNode v, int type) throws SQLException {
        if (v == null || v.isNull()) {
            ps.setNull(i, type);
            return;
        }
        try {
            switch (type) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ps.setLong(i, v.asLong());
                case Types.BOOLEAN, Types.BIT -> ps.setBoolean(i, v.asBoolean());
                case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> ps.setBigDecimal(i, new BigDecimal(v.asString()));
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ps.setBytes(i, Base64.getDecoder().decode(v.asString()));
                case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> ps.setObject(i, OffsetDateTime.parse(v.asString()));
                case Types.DATE -> ps.setObject(i, LocalDate.parse(v.asString()));
                default -> ps.setString(i, v.asString());
            }
        } catch (RuntimeException e) {
            throw new BackupException("a value of type " + JDBCType.valueOf(type) + " cannot be read: " + v);
        }
    }
}
