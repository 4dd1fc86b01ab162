package microfactory.backup;

import java.util.List;

/**
 * A table as a backup sees it: its columns (name and JDBC type), primary key, identity column (if any), and the
 * nullable foreign-key columns written in a second pass because they point back along a cycle (a design forked from a
 * version of another design, a transfer settling a pending one).
 */
record TableShape(String name, List<Column> columns, List<String> primaryKey, String identity, List<String> deferred) {

    record Column(String name, int jdbcType) {
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
