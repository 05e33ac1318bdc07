package dev.tandem.sql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;

import dev.tandem.sql.Catalog;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.Side;
import dev.tandem.sql.WriteShape;
import dev.tandem.sql.WriteShape.Upsert;
import dev.tandem.sql.WriteShape.Verb;

/**
 * What mirroring a MariaDB multi-table UPDATE or DELETE needs: the one table it writes, and the text that
 * selects, over the same table references and condition, the rows of it that the statement will change.
 */
final class MultiTableWrites {

    /**
     * A table (or derived table) of the statement's table references, under the name the statement uses for it.
     *
     * @param name      the alias, or the table's name, as the database compares them
     * @param qualifier how the statement qualifies its columns: the alias or the table, as written
     * @param schema    the table's schema as written, or null
     * @param table     the table's name as written; null for a derived table
     */
    private record Relation(String name, String qualifier, String schema, String table) {
    }

    private MultiTableWrites() {
    }

    static WriteShape shape(String sql, Masked masked, MultiTable multi, Dialect dialect, String currentSchema,
            List<Migration> migrations, Catalog catalog) {
        if (!masked.carved().isEmpty()) {
            return WriteShape.refused("it is a MariaDB multi-table " + multi.verb() + " with "
                    + masked.carved().get(0).in(sql).trim() + ", which MariaDB does not take in one and Tandem does not"
                    + " mirror");
        }
        SqlSelect select;
        try {
            select = (SqlSelect) Parsing.parse(multi.maskedQuery(), dialect).get(0);
        } catch (SqlParseException | ClassCastException e) {
            return WriteShape.refused("its table references, SET list or WHERE clause cannot be parsed: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("").trim());
        }
        Parsing.Offsets offsets = new Parsing.Offsets(multi.query());
        List<Relation> relations = new ArrayList<>();
        relations(select.getFrom(), multi.query(), offsets, dialect, relations);

        // the tables it writes, and for an UPDATE which of them each assignment writes
        List<Relation> written = new ArrayList<>();
        List<Relation> assigned = new ArrayList<>();
        if (multi.verb() == Verb.UPDATE) {
            for (int[] assignment : multi.assignments()) {
                List<String> parts = parts(sql, assignment[0], assignment[1], dialect);
                Relation relation;
                if (parts.size() == 1) {
                    relation = owner(parts.get(0), relations, dialect, currentSchema, catalog);
                    if (relation == null) {
                        return WriteShape.refused("Tandem cannot tell which table the column " + parts.get(0) + " its SET"
                                + " assigns belongs to; qualify it with its table or alias (" + qualifiers(relations) + ")");
                    }
                } else {
                    relation = named(parts.get(parts.size() - 2), relations, dialect);
                    if (relation == null) {
                        return WriteShape.refused("its SET assigns " + sql.substring(assignment[0], assignment[1])
                                + ", whose table is none of its table references");
                    }
                }
                assigned.add(relation);
                if (!written.contains(relation)) {
                    written.add(relation);
                }
            }
        } else {
            for (List<int[]> name : multi.deleted()) {
                String last = MultiTable.text(sql, name.get(name.size() - 1));
                Relation relation = named(last, relations, dialect);
                if (relation == null) {
                    return WriteShape.refused("it deletes from " + last + ", which is none of its table references");
                }
                if (!written.contains(relation)) {
                    written.add(relation);
                }
            }
        }
        Relation migrated = null;
        Migration migration = null;
        Side side = null;
        for (Relation relation : written) {
            for (Migration m : migrations) {
                for (Side s : Side.values()) {
                    if (relation.table() != null && m.table(s).isNamedBy(dialect, relation.schema(), relation.table(),
                            currentSchema) && migrated != relation) {
                        if (migrated != null) {
                            return WriteShape.refused(twoTables(multi, written, m));
                        }
                        migrated = relation;
                        migration = m;
                        side = s;
                    }
                }
            }
        }
        if (migrated == null) {
            return WriteShape.unmigrated(multi.end());
        }
        if (written.size() > 1) {
            return WriteShape.refused(twoTables(multi, written, migration));
        }
        List<String> keys = migration.key(dialect, side);
        if (keys.stream().anyMatch(Objects::isNull)) {
            return WriteShape.refused("the key of migration " + migration.id() + " is computed in the target, so a row"
                    + " cannot be found there by it");
        }
        for (int a = 0; a < assigned.size(); a++) {
            int[] assignment = multi.assignments().get(a);
            List<String> parts = parts(sql, assignment[0], assignment[1], dialect);
            String column = dialect.canonical(parts.get(parts.size() - 1));
            for (String key : keys) {
                if (dialect.canonical(key).equals(column)) {
                    return WriteShape.refused("it changes the key column " + key + " of migration " + migration.id()
                            + ", and rows are mirrored by key; delete the row and insert it with its new key");
                }
            }
        }
        int[] references = multi.references();
        StringBuilder from = new StringBuilder("FROM ").append(sql, references[0], references[1]);
        List<Integer> parameters = new ArrayList<>();
        for (int p : Writes.parameters(sql, masked, references[0], references[1])) {
            parameters.add(p);
        }
        if (multi.conditionStart() >= 0) {
            from.append(" WHERE").append(sql, multi.conditionStart(), multi.end());
            for (int p : Writes.parameters(sql, masked, multi.conditionStart(), multi.end())) {
                parameters.add(p);
            }
        }
        int parametersBefore = Writes.parameters(sql, masked, 0, multi.end()).length;
        return new WriteShape(migration, side, multi.verb(), Upsert.NONE, null, false, multi.end(), from.toString(),
                migrated.qualifier(), parameters.stream().mapToInt(Integer::intValue).toArray(), null,
                multi.conditionStart(), multi.end(), parametersBefore, MultiTable.text(sql, references), null);
    }

    private static String twoTables(MultiTable multi, List<Relation> written, Migration migration) {
        List<String> names = new ArrayList<>();
        for (Relation relation : written) {
            names.add(relation.qualifier());
        }
        return "it is a MariaDB multi-table " + multi.verb() + " that writes more than one table at once ("
                + String.join(", ", names) + "), one of them a table of migration " + migration.id() + ", and Tandem"
                + " mirrors such a statement only when the migrated table is the one table it writes; send one"
                + " statement per table";
    }

    /** The tables and derived tables of a FROM clause, with the names the statement uses for them. */
    private static void relations(SqlNode node, String query, Parsing.Offsets offsets, Dialect dialect,
            List<Relation> into) {
        if (node instanceof SqlIdentifier id) {
            into.add(table(id, null, query, offsets, dialect));
        } else if (node instanceof SqlJoin join) {
            relations(join.getLeft(), query, offsets, dialect, into);
            relations(join.getRight(), query, offsets, dialect, into);
        } else if (node instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            SqlIdentifier alias = call.operand(1);
            if (call.operand(0) instanceof SqlIdentifier id) {
                into.add(table(id, alias, query, offsets, dialect));
            } else {
                String written = text(query, offsets, alias);
                into.add(new Relation(dialect.canonicalTable(written), written, null, null));
            }
        }
    }

    private static Relation table(SqlIdentifier id, SqlIdentifier alias, String query, Parsing.Offsets offsets,
            Dialect dialect) {
        int parts = id.names.size();
        String table = text(query, offsets, id.getComponent(parts - 1));
        String schema = parts > 1 ? text(query, offsets, id.getComponent(parts - 2)) : null;
        if (alias != null) {
            String written = text(query, offsets, alias);
            return new Relation(dialect.canonicalTable(written), written, schema, table);
        }
        String qualifier = query.substring(offsets.start(id.getComponentParserPosition(0)),
                offsets.end(id.getComponentParserPosition(parts - 1)));
        return new Relation(dialect.canonicalTable(table), qualifier, schema, table);
    }

    private static String text(String query, Parsing.Offsets offsets, SqlNode node) {
        return query.substring(offsets.start(node.getParserPosition()), offsets.end(node.getParserPosition()));
    }

    /** The relation the statement names {@code written} (an alias, or an unaliased table's name), or null. */
    private static Relation named(String written, List<Relation> relations, Dialect dialect) {
        String name = dialect.canonicalTable(written);
        for (Relation relation : relations) {
            if (relation.name().equals(name)) {
                return relation;
            }
        }
        return null;
    }

    /**
     * The one table of {@code relations} that has the unqualified column {@code column}, as the catalog says;
     * null when the catalog does not know every table, or not exactly one has it. Derived tables are left out:
     * MariaDB writes none, and finds a column they share with a table ambiguous.
     */
    private static Relation owner(String column, List<Relation> relations, Dialect dialect, String currentSchema,
            Catalog catalog) {
        String wanted = dialect.canonical(column);
        Relation found = null;
        for (Relation relation : relations) {
            if (relation.table() == null) {
                continue;
            }
            String schema = relation.schema() != null ? dialect.canonicalTable(relation.schema()) : currentSchema;
            List<String> columns = catalog.columns(schema, dialect.canonicalTable(relation.table()));
            if (columns == null) {
                return null;
            }
            for (String known : columns) {
                if (dialect.canonical(known).equals(wanted)) {
                    if (found != null) {
                        return null;
                    }
                    found = relation;
                }
            }
        }
        return found;
    }

    private static String qualifiers(List<Relation> relations) {
        List<String> names = new ArrayList<>();
        for (Relation relation : relations) {
            names.add(relation.qualifier());
        }
        return String.join(", ", names);
    }

    /** The parts of the name at {@code [start, end)}, split at its dots, as written. */
    private static List<String> parts(String sql, int start, int end, Dialect dialect) {
        MaskLexer lexer = new MaskLexer(sql, dialect);
        List<String> parts = new ArrayList<>();
        for (int i = start; i < end; i = lexer.end) {
            MaskLexer.Tok token = lexer.lex(i);
            if (token == MaskLexer.Tok.WORD || token == MaskLexer.Tok.QUOTED) {
                parts.add(sql.substring(i, lexer.end));
            } else if (token == MaskLexer.Tok.END) {
                break;
            }
        }
        return parts;
    }
}
