package dev.tandem.sql.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;

import dev.tandem.sql.Catalog;
import dev.tandem.sql.ColumnMapping;
import dev.tandem.sql.Dialect;
import dev.tandem.sql.Migration;
import dev.tandem.sql.Side;
import dev.tandem.sql.TableName;
import dev.tandem.sql.TableReference;

/**
 * Walks a parsed statement the way name resolution does (FROM before the select list, CTE names
 * shadowing tables, subqueries seeing the scopes around them), collecting every reference to a
 * migrated table and, when asked to serve a read from the other side, the text edits that do it.
 * The tree is only read: edits are spans of the original text and what to put there.
 */
final class Walker {

    /** Thrown to stop at the first construct that cannot be translated exactly. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Replace {@code [start, end)} of the original text with {@code text}. */
    record Edit(int start, int end, String text) {
    }

    /** A table, CTE or derived table in a FROM clause, under the name the statement uses for it. */
    private static final class Relation {
        final String name; // canonical alias, or the table's canonical name
        String qualifier; // how to qualify its columns in the statement, as written
        /**
         * The other table's name, when a translated write's table is written without an alias and is
         * renamed in place (INSERT and MariaDB's DELETE take no alias): its qualified columns take it too.
         */
        String renamedQualifier;
        final Migration migration; // null when not a migrated table
        final Side side;
        final TableName table; // null for CTEs and derived tables
        final String schema;
        List<String> columns; // canonical, null when unknown
        boolean columnsLooked;

        Relation(String name, String qualifier, Migration migration, Side side, TableName table, String schema,
                List<String> columns) {
            this.name = name;
            this.qualifier = qualifier;
            this.migration = migration;
            this.side = side;
            this.table = table;
            this.schema = schema;
            this.columns = columns;
            this.columnsLooked = columns != null || table == null;
        }
    }

    private static final class Scope {
        final Scope parent;
        final List<Relation> relations = new ArrayList<>();
        final Set<String> ctes = new HashSet<>();
        final Set<String> aliases = new HashSet<>();
        boolean coalescingJoin;
        /** The columns USING and NATURAL joins merged into one: a column in two tables, named once. */
        final Set<String> merged = new HashSet<>();

        Scope(Scope parent) {
            this.parent = parent;
        }

        boolean isCte(String canonical) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.ctes.contains(canonical)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String sql;
    private final Parsing.Offsets offsets;
    private final Dialect dialect;
    private final String currentSchema;
    private final List<Migration> migrations;
    private final Catalog catalog;
    private final List<Masked.Carve> distinctOns;
    private final String maskedText;
    /** The query whose rows an INSERT being translated writes: its select items' labels mean nothing. */
    private SqlNode insertQuery;
    /** The table a write translated to the other side changes, once found. */
    private Relation writtenRelation;
    /** Values an INSERT being translated gives to columns the other table lacks: dropped, so never walked. */
    private final Set<SqlNode> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** The query of the EXISTS being walked, whose select list means nothing. */
    private SqlNode existsQuery;
    /** The SELECT whose unnamed items the application sees labels of. */
    private SqlNode labelled;
    /** Whether the walk is inside a row value ({@code (a, b) IN (…)}). */
    private boolean inRow;
    private final Side servedFrom; // null: analysis only
    private final Expressions expressions;

    final List<TableReference> references = new ArrayList<>();
    final List<Edit> edits = new ArrayList<>();
    /**
     * PostgreSQL's UPDATE … FROM and DELETE … USING lists, carved out of the statement and parsed apart,
     * by where they start: each joins the scope of the UPDATE or DELETE it follows.
     */
    final java.util.TreeMap<Integer, SqlNode> fromLists = new java.util.TreeMap<>();

    Walker(String sql, Masked masked, Dialect dialect, String currentSchema, List<Migration> migrations,
            Catalog catalog, Side servedFrom, Expressions expressions) {
        this.sql = sql;
        this.distinctOns = masked.carved().stream().filter(c -> c.kind() == Masked.Kind.DISTINCT_ON).toList();
        this.maskedText = masked.text();
        this.offsets = new Parsing.Offsets(sql);
        this.dialect = dialect;
        this.currentSchema = currentSchema;
        this.migrations = migrations;
        this.catalog = catalog;
        this.servedFrom = servedFrom;
        this.expressions = expressions;
    }

    void statement(SqlNode node) {
        labelled = outputSelect(node);
        query(node, null);
    }

    /** The SELECT whose select list gives the statement's result its labels: the first of a set operation. */
    private static SqlNode outputSelect(SqlNode node) {
        while (true) {
            if (node instanceof SqlOrderBy orderBy) {
                node = orderBy.query;
            } else if (node instanceof SqlWith with) {
                node = with.body;
            } else if (node instanceof SqlCall call && isSetOperation(call)) {
                node = call.operand(0);
            } else {
                return node;
            }
        }
    }

    // ------------------------------------------------------------------ queries and DML

    /** Walks a query or DML statement; returns the scope of its outermost SELECT, if it has one. */
    private Scope query(SqlNode node, Scope outer) {
        if (node instanceof SqlSelect select) {
            return select(select, outer);
        }
        if (node instanceof SqlOrderBy orderBy) {
            Scope inner = query(orderBy.query, outer);
            if (!(orderBy.query instanceof SqlCall call && isSetOperation(call))) {
                orderList(orderBy.orderList, inner != null ? inner : outer);
            } // ORDER BY after UNION names output columns, whose labels the translation keeps
            return inner;
        }
        if (node instanceof SqlWith with) {
            Scope scope = new Scope(outer);
            for (SqlNode item : with.withList) {
                SqlWithItem withItem = (SqlWithItem) item;
                String name = dialect.canonicalTable(text(withItem.name));
                if (dialect == Dialect.H2 && namesMigratedTable(text(withItem.name))) {
                    throw new Refusal("H2 resolves a common table expression named like a table (" + text(withItem.name)
                            + ") to the table in some places; name it differently");
                }
                boolean recursive = withItem.recursive != null && withItem.recursive.booleanValue();
                if (recursive) {
                    scope.ctes.add(name);
                }
                // a CTE that is not recursive does not see itself: its own name inside is the table
                query(withItem.query, scope);
                scope.ctes.add(name);
            }
            return query(with.body, scope);
        }
        if (node instanceof SqlInsert insert) {
            Scope scope = new Scope(outer);
            table((SqlIdentifier) insert.getTargetTable(), null, scope, true);
            if (translates(scope.relations.get(0))) {
                writtenRelation = scope.relations.get(0);
                insert(insert, scope.relations.get(0), outer);
            } else {
                query(insert.getSource(), outer);
            }
            return null;
        }
        if (node instanceof SqlUpdate update) {
            Scope scope = new Scope(outer);
            table((SqlIdentifier) update.getTargetTable(), update.getAlias(), scope, true);
            fromList(update.getTargetTable(), scope, outer);
            expression(update.getSourceExpressionList(), scope);
            expression(update.getCondition(), scope);
            if (translates(scope.relations.get(0))) {
                writtenRelation = scope.relations.get(0);
                set(update, writtenRelation);
            }
            return null;
        }
        if (node instanceof SqlDelete delete) {
            Scope scope = new Scope(outer);
            table((SqlIdentifier) delete.getTargetTable(), delete.getAlias(), scope, true);
            if (translates(scope.relations.get(0))) {
                writtenRelation = scope.relations.get(0);
            }
            fromList(delete.getTargetTable(), scope, outer);
            expression(delete.getCondition(), scope);
            return null;
        }
        if (node instanceof SqlMerge merge) {
            if (servedFrom != null) {
                throw new Refusal("MERGE is not translated to the other table");
            }
            Scope scope = new Scope(outer);
            table((SqlIdentifier) merge.getTargetTable(), merge.getAlias(), scope);
            from(merge.getSourceTableRef(), scope, outer);
            expression(merge.getCondition(), scope);
            if (merge.getUpdateCall() != null) {
                expression(merge.getUpdateCall().getSourceExpressionList(), scope);
            }
            if (merge.getInsertCall() != null) {
                query(merge.getInsertCall().getSource(), scope);
            }
            return null;
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.VALUES) {
            expression(call, outer);
            return null;
        }
        if (node instanceof SqlCall call && call.getKind() == SqlKind.EXPLICIT_TABLE
                && call.operand(0) instanceof SqlIdentifier id) {
            Scope scope = new Scope(outer);
            table(id, null, scope);
            if (translates(scope.relations.get(0))) {
                throw new Refusal("TABLE " + text(id) + " reads every column, and the columns differ in "
                        + scope.relations.get(0).migration.table(scope.relations.get(0).side.other())
                        + "; name the columns with SELECT");
            }
            return scope;
        }
        if (node instanceof SqlCall call && isSetOperation(call)) {
            Scope first = null;
            for (SqlNode operand : call.getOperandList()) {
                Scope s = query(operand, outer);
                first = first == null ? s : first;
            }
            return first;
        }
        if (node != null) {
            expression(node, outer);
        }
        return null;
    }

    /** Walks the FROM (USING) list that follows the table an UPDATE (DELETE) writes, if it has one, into its scope. */
    private void fromList(SqlNode written, Scope scope, Scope outer) {
        var list = fromLists.higherEntry(offsets.start(written.getParserPosition()));
        if (list != null) {
            fromLists.remove(list.getKey());
            from(list.getValue(), scope, outer);
        }
    }

    private static boolean isSetOperation(SqlCall call) {
        return call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
                || call.getKind() == SqlKind.EXCEPT;
    }

    private Scope select(SqlSelect select, Scope outer) {
        boolean columnsUnused = select == existsQuery;
        boolean labels = select == labelled;
        boolean values = select == insertQuery;
        Scope scope = new Scope(outer);
        if (select.getFrom() != null) {
            from(select.getFrom(), scope, outer);
        }
        for (SqlNode item : select.getSelectList()) {
            if (item instanceof SqlCall call && call.getKind() == SqlKind.AS) {
                scope.aliases.add(dialect.canonical(text(call.operand(1))));
            }
        }
        distinctOn(select, scope);
        for (SqlNode item : select.getSelectList()) {
            if (dropped.contains(item)) {
                continue;
            }
            if (columnsUnused && item instanceof SqlIdentifier id && id.isStar()) {
                continue; // EXISTS (SELECT * …) never looks at the columns
            }
            selectItem(item, scope, labels, !values);
        }
        expression(select.getWhere(), scope);
        expression(select.getGroup(), scope);
        expression(select.getHaving(), scope);
        expression(select.getWindowList(), scope);
        expression(select.getQualify(), scope);
        if (select.getOrderList() != null) {
            orderList(select.getOrderList(), scope);
        }
        return scope;
    }

    private void orderList(SqlNodeList orderList, Scope scope) {
        for (SqlNode item : orderList) {
            SqlNode key = item;
            while (key instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING
                    || call.getKind() == SqlKind.NULLS_FIRST || call.getKind() == SqlKind.NULLS_LAST)) {
                key = call.operand(0);
            }
            // ORDER BY takes an output column's name before an input column's
            if (key instanceof SqlIdentifier id && id.names.size() == 1
                    && scope.aliases.contains(dialect.canonical(text(id)))) {
                continue;
            }
            expression(item, scope);
        }
    }

    private boolean namesMigratedTable(String written) {
        for (Migration migration : migrations) {
            for (Side side : Side.values()) {
                if (migration.table(side).isNamedBy(dialect, null, written, null)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ FROM

    private void from(SqlNode node, Scope scope, Scope outer) {
        if (node instanceof SqlIdentifier id) {
            table(id, null, scope);
        } else if (node instanceof SqlJoin join) {
            int before = scope.relations.size();
            from(join.getLeft(), scope, outer);
            int middle = scope.relations.size();
            from(join.getRight(), scope, outer);
            if (join.isNatural()) {
                scope.coalescingJoin = true;
                naturalJoin(join, scope.relations.subList(before, middle),
                        scope.relations.subList(middle, scope.relations.size()), scope);
            } else if (join.getConditionType() == JoinConditionType.USING) {
                scope.coalescingJoin = true;
                usingJoin(join, scope);
            } else {
                expression(join.getCondition(), scope);
            }
        } else if (node instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            SqlNode inner = call.operand(0);
            SqlIdentifier alias = call.operand(1);
            if (inner instanceof SqlIdentifier id) {
                table(id, alias, scope);
            } else {
                Scope derived = query(inner, isLateral(inner) ? scope : outer);
                List<String> columns = call.operandCount() > 2 ? names(call.getOperandList().subList(2,
                        call.operandCount())) : outputColumns(inner, derived);
                scope.relations.add(new Relation(dialect.canonicalTable(text(alias)), text(alias), null, null, null,
                        null, columns));
            }
        } else if (node instanceof SqlCall call && call.getKind() == SqlKind.LATERAL) {
            query(call.operand(0), scope);
        } else if (node instanceof SqlCall call && call.getKind() == SqlKind.TABLESAMPLE) {
            from(call.operand(0), scope, outer);
        } else if (node != null) {
            query(node, outer);
        }
    }

    private static boolean isLateral(SqlNode node) {
        return node instanceof SqlCall call && call.getKind() == SqlKind.LATERAL;
    }

    private void usingJoin(SqlJoin join, Scope scope) {
        if (scope.relations.stream().noneMatch(this::translates)) {
            for (SqlNode column : (SqlNodeList) join.getCondition()) {
                scope.merged.add(dialect.canonical(text(column)));
            }
            return;
        }
        for (SqlNode column : (SqlNodeList) join.getCondition()) {
            scope.merged.add(dialect.canonical(text(column)));
            usingColumn(text(column), scope.relations);
        }
    }

    /** A column a USING or NATURAL join matches on must keep its name on the side served from. */
    private void usingColumn(String name, List<Relation> relations) {
        for (Relation relation : relations) {
            if (translates(relation) && !translatedName(relation, name).equals(dialect.canonical(name))) {
                throw new Refusal("the join matches on " + name + ", which is named differently in "
                        + relation.migration.table(relation.side.other()) + "; write the join with ON");
            }
        }
    }

    /**
     * A NATURAL join matches on whichever columns its two sides share, and a migrated table's columns
     * change with the side it is served from; so it is written out as the USING join it means today,
     * with the columns the catalog gives for the tables as the statement names them.
     */
    private void naturalJoin(SqlJoin join, List<Relation> left, List<Relation> right, Scope scope) {
        if (left.stream().noneMatch(this::translates) && right.stream().noneMatch(this::translates)) {
            return;
        }
        if (left.size() != 1 || right.size() != 1) {
            throw new Refusal("a NATURAL JOIN of a migrated table with another join cannot be written out;"
                    + " write the join with ON or USING");
        }
        List<String> leftColumns = columns(left.get(0));
        List<String> rightColumns = columns(right.get(0));
        if (leftColumns == null || rightColumns == null) {
            throw new Refusal("a NATURAL JOIN with a migrated table needs the columns of both tables, and the"
                    + " catalog does not know them; write the join with ON or USING");
        }
        List<String> shared = new ArrayList<>();
        for (String column : leftColumns) {
            if (contains(rightColumns, dialect.canonical(column))) {
                shared.add(dialect.identifier(column));
            }
        }
        if (shared.isEmpty()) {
            throw new Refusal("a NATURAL JOIN of tables that share no column is a cross join; write it as one");
        }
        for (String column : shared) {
            scope.merged.add(dialect.canonical(column));
            usingColumn(column, scope.relations);
        }
        int natural = offsets.start(join.isNaturalNode().getParserPosition());
        int after = natural + "NATURAL".length();
        while (after < sql.length() && Character.isWhitespace(sql.charAt(after))) {
            after++;
        }
        edits.add(new Edit(natural, after, ""));
        int end = offsets.end(join.getRight().getParserPosition());
        edits.add(new Edit(end, end, " USING (" + String.join(", ", shared) + ")"));
    }

    private void table(SqlIdentifier id, SqlIdentifier alias, Scope scope) {
        table(id, alias, scope, false);
    }

    /** @param written whether the table is the one a write changes, so renamed in place when it has no alias */
    private void table(SqlIdentifier id, SqlIdentifier alias, Scope scope, boolean written) {
        int parts = id.names.size();
        String writtenName = text(id.getComponent(parts - 1));
        String writtenSchema = parts > 1 ? text(id.getComponent(parts - 2)) : null;
        String name = dialect.canonicalTable(alias != null ? text(alias) : writtenName);
        String qualifier = alias != null ? text(alias) : writtenName;
        if (parts == 1 && scope.isCte(dialect.canonicalTable(writtenName))) {
            scope.relations.add(new Relation(name, qualifier, null, null, null, null, null));
            return;
        }
        for (Migration migration : migrations) {
            for (Side side : Side.values()) {
                if (migration.table(side).isNamedBy(dialect, writtenSchema, writtenName, currentSchema)) {
                    int start = offsets.start(id.getComponentParserPosition(0));
                    int end = offsets.end(id.getComponentParserPosition(parts - 1));
                    references.add(new TableReference(migration, side, start, end));
                    Relation relation = new Relation(name, qualifier, migration, side, migration.table(side),
                            writtenSchema, null);
                    scope.relations.add(relation);
                    if (translates(relation)) {
                        TableName other = migration.table(side.other());
                        String replacement = other.schema() != null ? other.toString()
                                : writtenSchema != null ? writtenSchema + "." + other.name() : other.name();
                        if (written && alias == null) {
                            edits.add(new Edit(start, end, replacement));
                            relation.qualifier = replacement;
                            relation.renamedQualifier = replacement;
                        } else {
                            // keep the old name as an alias, so that columns qualified with it still resolve
                            edits.add(new Edit(start, end, alias != null ? replacement : replacement + " " + writtenName));
                        }
                    }
                    return;
                }
            }
        }
        scope.relations.add(new Relation(name, qualifier, null, null, new TableName(writtenSchema, writtenName),
                writtenSchema, null));
    }

    // ------------------------------------------------------------------ select list and expressions

    /**
     * @param labels    whether the application sees the labels of the items (the statement's own select list)
     * @param keepNames whether a column the translation renames keeps its name ({@code AS}): not in the
     *                  rows an INSERT writes, which go by position
     */
    private void selectItem(SqlNode item, Scope scope, boolean labels, boolean keepNames) {
        if (item instanceof SqlIdentifier id && id.isStar()) {
            star(id, scope);
            return;
        }
        if (item instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            expression(call.operand(0), scope);
            return;
        }
        if (item instanceof SqlIdentifier id) {
            Relation relation = column(id, scope);
            String label = text(id.getComponent(id.names.size() - 1));
            if (keepNames && relation != null && translates(relation)
                    && !translatedName(relation, label).equals(dialect.canonical(label))) {
                // the result keeps the label the application asked for
                int end = spanWithParentheses(id)[1];
                edits.add(new Edit(end, end, " AS " + label));
            }
            return;
        }
        int before = edits.size();
        expression(item, scope);
        if (edits.size() == before || !labels) {
            return; // an unnamed item of a subquery has a name nothing can rely on
        }
        // the item now reads another column or an expression: keep the label the database gave it
        int[] span = spanWithParentheses(item);
        SqlNode named = item;
        while (named instanceof SqlCall call && call.getKind() == SqlKind.CAST && dialect == Dialect.POSTGRESQL) {
            named = call.operand(0); // PostgreSQL names a cast after what it casts
        }
        if (named instanceof SqlIdentifier id) {
            String label = text(id.getComponent(id.names.size() - 1));
            edits.add(new Edit(span[1], span[1], " AS " + label));
        } else if (dialect.mariadb()) {
            String label = sql.substring(span[0], span[1]);
            if (label.indexOf('?') >= 0 || label.length() > 256) {
                // with a ? the label holds the value bound to it (the driver substitutes it before sending)
                throw new Refusal("the unnamed select item " + label + " is labelled with its own text, which"
                        + " the translation changes; name it with AS");
            }
            edits.add(new Edit(span[1], span[1], " AS `" + label.replace("`", "``") + "`"));
        } else if (dialect == Dialect.H2) {
            throw new Refusal("H2 labels the unnamed select item " + sql.substring(span[0], span[1])
                    + " with its own rendering of it, which the translation changes; name it with AS");
        }
        // PostgreSQL labels any other expression after its function or operator, which stays
    }

    /** The span of a select item, with parentheses that enclose it alone. */
    private int[] spanWithParentheses(SqlNode node) {
        int start = offsets.start(node.getParserPosition());
        int end = offsets.end(node.getParserPosition());
        while (true) {
            int before = start - 1;
            while (before >= 0 && Character.isWhitespace(sql.charAt(before))) {
                before--;
            }
            int after = end;
            while (after < sql.length() && Character.isWhitespace(sql.charAt(after))) {
                after++;
            }
            if (before < 0 || after >= sql.length() || sql.charAt(before) != '(' || sql.charAt(after) != ')') {
                return new int[] {start, end};
            }
            start = before;
            end = after + 1;
        }
    }

    /**
     * PostgreSQL's {@code DISTINCT ON (…)}, which the masker blanks because Calcite cannot read it:
     * its expressions are parsed on their own, at their own offsets, and resolved like ORDER BY.
     */
    private void distinctOn(SqlSelect select, Scope scope) {
        if (distinctOns.isEmpty() || select.getSelectList().isEmpty()) {
            return;
        }
        int from = offsets.start(select.getParserPosition());
        int to = offsets.start(select.getSelectList().get(0).getParserPosition());
        for (Masked.Carve carve : distinctOns) {
            if (carve.start() <= from || carve.start() >= to) {
                continue;
            }
            int open = sql.indexOf('(', carve.start());
            char[] probe = new char[sql.length()];
            for (int i = 0; i < probe.length; i++) {
                char c = sql.charAt(i);
                probe[i] = c == '\n' || c == '\r' ? c : ' ';
            }
            "SELECT".getChars(0, 6, probe, 0);
            sql.getChars(open + 1, carve.end() - 1, probe, open + 1);
            SqlNodeList parsed;
            try {
                parsed = Parsing.parse(Masker.mask(new String(probe), dialect).text(), dialect);
            } catch (org.apache.calcite.sql.parser.SqlParseException e) {
                throw new Refusal("cannot read DISTINCT ON " + carve.in(sql));
            }
            orderList(((SqlSelect) parsed.get(0)).getSelectList(), scope);
        }
    }

    private void star(SqlIdentifier id, Scope scope) {
        List<Relation> expanded = new ArrayList<>();
        if (id.names.size() == 1) {
            expanded.addAll(scope.relations);
        } else {
            Relation relation = qualified(id, scope);
            if (relation == null) {
                return;
            }
            expanded.add(relation);
        }
        if (expanded.stream().noneMatch(this::translates)) {
            return;
        }
        if (scope.coalescingJoin && id.names.size() == 1) {
            throw new Refusal("SELECT * over a NATURAL or USING join with a migrated table; name the columns");
        }
        StringBuilder list = new StringBuilder();
        for (Relation relation : expanded) {
            list.append(list.length() == 0 ? "" : ", ");
            if (!translates(relation)) {
                list.append(relation.qualifier).append(".*");
                continue;
            }
            List<String> columns = columns(relation);
            if (columns == null) {
                throw new Refusal("cannot expand * without the columns of " + relation.table
                        + "; the catalog does not know it");
            }
            for (int i = 0; i < columns.size(); i++) {
                String column = dialect.identifier(columns.get(i));
                list.append(i == 0 ? "" : ", ").append(translatedColumn(relation, relation.qualifier, column));
                if (!translatedName(relation, column).equals(dialect.canonical(column))) {
                    list.append(" AS ").append(column);
                }
            }
        }
        edits.add(new Edit(offsets.start(id.getParserPosition()), offsets.end(id.getParserPosition()),
                list.toString()));
    }

    private void expression(SqlNode node, Scope scope) {
        if (node == null || dropped.contains(node)) {
            return;
        }
        if (node instanceof SqlIdentifier id) {
            column(id, scope);
        } else if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                expression(item, scope);
            }
        } else if (node instanceof SqlSelect || node instanceof SqlOrderBy || node instanceof SqlWith) {
            query(node, scope);
        } else if (node instanceof SqlCall call && (isSetOperation(call) || call.getKind() == SqlKind.VALUES
                && call.getOperandList().stream().anyMatch(o -> o instanceof SqlSelect))) {
            query(node, scope);
        } else if (node instanceof SqlCall call && call.getKind() == SqlKind.AS) {
            expression(call.operand(0), scope);
        } else if (node instanceof SqlCall call && call.getKind() == SqlKind.EXISTS) {
            SqlNode query = call.operand(0);
            existsQuery = query instanceof SqlOrderBy orderBy ? orderBy.query : query;
            query(query, scope);
        } else if (node instanceof SqlCall call && call.getKind() == SqlKind.ROW && !inRow) {
            inRow = true;
            try {
                for (SqlNode operand : call.getOperandList()) {
                    expression(operand, scope);
                }
            } finally {
                inRow = false;
            }
        } else if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                expression(operand, scope);
            }
        }
    }

    /** Resolves a column reference, adds its translation, and returns the relation it belongs to. */
    private Relation column(SqlIdentifier id, Scope scope) {
        if (id.isStar()) {
            return null; // COUNT(*)
        }
        int parts = id.names.size();
        String column = text(id.getComponent(parts - 1));
        Relation relation = parts == 1 ? unqualified(column, scope) : qualified(id, scope);
        if (relation == null && parts == 1) {
            wholeRow(column, scope);
        }
        if (relation == null || !translates(relation)) {
            return relation;
        }
        // the components' own spans: the identifier's may take in parentheses around it
        int start = offsets.start(id.getComponentParserPosition(0));
        int end = offsets.end(id.getComponentParserPosition(parts - 1));
        ColumnMapping mapping = mapping(relation, column);
        if (relation.renamedQualifier != null && parts > 1) {
            int nameStart = offsets.start(id.getComponentParserPosition(parts - 1));
            if (mapping instanceof ColumnMapping.Computed) {
                edits.add(new Edit(start, end, translatedColumn(relation, relation.qualifier, column)));
            } else {
                edits.add(new Edit(start, nameStart, relation.renamedQualifier + "."));
                edits.add(new Edit(nameStart, end, translatedColumn(relation, null, column)));
            }
            return relation;
        }
        if (mapping instanceof ColumnMapping.Computed) {
            if (inRow && dialect == Dialect.H2) {
                // H2 2.3 fails with a ClassCastException on (a, CAST(b AS …)) IN (…)
                throw new Refusal("H2 cannot compare a row value holding the expression that computes " + column);
            }
            String qualifier = parts == 1 ? relation.qualifier : text(id.getComponent(parts - 2));
            edits.add(new Edit(start, end, translatedColumn(relation, qualifier, column)));
            return relation; // the whole name is replaced, its schema with it
        }
        if (mapping != null) {
            int nameStart = offsets.start(id.getComponentParserPosition(parts - 1));
            edits.add(new Edit(nameStart, end, translatedColumn(relation, null, column)));
        }
        if (parts > 2) {
            // schema.table.column: the table is now aliased by its old name, so drop the schema
            edits.add(new Edit(start, offsets.start(id.getComponentParserPosition(parts - 2)), ""));
        }
        return relation;
    }

    /** A name that is no column but a translated table's: PostgreSQL's whole-row reference, which differs per side. */
    private void wholeRow(String name, Scope scope) {
        String canonical = dialect.canonicalTable(name);
        for (Scope s = scope; s != null; s = s.parent) {
            for (Relation relation : s.relations) {
                if (relation.name.equals(canonical) && translates(relation)) {
                    throw new Refusal(name + " stands for a whole row of " + relation.table
                            + ", whose columns differ in " + relation.migration.table(relation.side.other()));
                }
            }
        }
    }

    private Relation qualified(SqlIdentifier id, Scope scope) {
        int parts = id.names.size();
        String qualifier = dialect.canonicalTable(text(id.getComponent(parts - 2)));
        for (Scope s = scope; s != null; s = s.parent) {
            for (Relation relation : s.relations) {
                if (relation.name.equals(qualifier)) {
                    return relation;
                }
            }
        }
        return null;
    }

    private Relation unqualified(String column, Scope scope) {
        String wanted = dialect.canonical(column);
        for (Scope s = scope; s != null; s = s.parent) {
            if (s.relations.size() == 1) {
                Relation only = s.relations.get(0);
                List<String> columns = columns(only);
                if (columns == null || contains(columns, wanted)) {
                    return only;
                }
                continue;
            }
            Relation found = null;
            boolean unsure = false;
            for (Relation relation : s.relations) {
                List<String> columns = columns(relation);
                if (columns == null) {
                    unsure |= relation.migration != null;
                } else if (contains(columns, wanted)) {
                    if (found != null && s.merged.contains(wanted)) {
                        continue; // the one column a USING join made of both; its name is the same on either side
                    }
                    if (found != null) {
                        throw new Refusal("column " + column + " could belong to more than one table in FROM");
                    }
                    found = relation;
                }
            }
            if (unsure && (found == null || found.migration == null)) {
                throw new Refusal("cannot tell which table column " + column
                        + " belongs to; qualify it, or let the catalog know every table in FROM");
            }
            if (found != null) {
                return found;
            }
            if (s.aliases.contains(wanted)) {
                return null; // an output column's name (GROUP BY and HAVING in MySQL)
            }
        }
        return null;
    }

    private boolean contains(List<String> columns, String canonical) {
        for (String column : columns) {
            if (dialect.canonical(column).equals(canonical)) {
                return true;
            }
        }
        return false;
    }

    private List<String> columns(Relation relation) {
        if (!relation.columnsLooked) {
            relation.columnsLooked = true;
            String schema = relation.schema != null ? dialect.canonicalTable(relation.schema)
                    : relation.table.schema() != null ? dialect.canonicalTable(relation.table.schema()) : currentSchema;
            relation.columns = catalog.columns(schema, dialect.canonicalTable(relation.table.name()));
        }
        return relation.columns;
    }

    // ------------------------------------------------------------------ translation of one column

    private boolean translates(Relation relation) {
        return servedFrom != null && relation.migration != null && relation.side != servedFrom;
    }

    private ColumnMapping mapping(Relation relation, String column) {
        Migration migration = relation.migration;
        if (relation.side == Side.SOURCE) {
            ColumnMapping mapping = migration.bySource(dialect, column);
            if (mapping instanceof ColumnMapping.SourceOnly) {
                throw new Refusal("column " + column + " of " + migration.source() + " is not in "
                        + migration.target());
            }
            return mapping;
        }
        ColumnMapping mapping = migration.byTarget(dialect, column);
        if (mapping == null && migration.bySource(dialect, column) != null) {
            throw new Refusal("column " + column + " of " + migration.target() + " is not in "
                    + migration.source());
        }
        if (mapping == null) {
            List<String> sourceColumns = catalog.columns(migration.source().schema() != null
                    ? dialect.canonicalTable(migration.source().schema()) : currentSchema,
                    dialect.canonicalTable(migration.source().name()));
            if (sourceColumns != null && !contains(sourceColumns, dialect.canonical(column))) {
                throw new Refusal("column " + column + " of " + migration.target() + " is not in "
                        + migration.source());
            }
        }
        return mapping;
    }

    /** The canonical name the column has on the side the read is served from. */
    private String translatedName(Relation relation, String column) {
        ColumnMapping mapping = mapping(relation, column);
        if (mapping == null) {
            return dialect.canonical(column);
        }
        if (mapping instanceof ColumnMapping.Computed) {
            return "";
        }
        return dialect.canonical(relation.side == Side.SOURCE ? mapping.target() : mapping.source());
    }

    /** The column, or the expression that computes it, on the side the read is served from. */
    private String translatedColumn(Relation relation, String qualifier, String column) {
        ColumnMapping mapping = mapping(relation, column);
        String prefix = qualifier == null ? "" : qualifier + ".";
        if (mapping == null) {
            return prefix + column;
        }
        if (mapping instanceof ColumnMapping.Computed computed) {
            String expression = relation.side == Side.SOURCE ? computed.toSource() : computed.toTarget();
            return "(" + expressions.qualified(expression, dialect, qualifier != null ? qualifier
                    : relation.qualifier) + ")";
        }
        return prefix + (relation.side == Side.SOURCE ? mapping.target() : mapping.source());
    }

    // ------------------------------------------------------------------ writes translated to the other table

    /**
     * An INSERT into a table translated to the other one: the column list through the mapping, and each
     * row's values with it. A column only in the written table loses its value; a computed column takes
     * its expression over the values the row gives. The rows are the statement's own (VALUES, or a
     * SELECT with its items), so that each value is still evaluated once per row, where it was written.
     */
    private void insert(SqlInsert insert, Relation relation, Scope outer) {
        SqlNode query = insert.getSource();
        SqlNode body = query instanceof SqlOrderBy orderBy ? orderBy.query : query;
        insertQuery = body;
        List<String> written = new ArrayList<>();
        SqlNodeList list = insert.getTargetColumnList();
        if (list != null && !list.isEmpty()) {
            for (SqlNode column : list) {
                SqlIdentifier id = (SqlIdentifier) column;
                written.add(text(id.getComponent(id.names.size() - 1)));
            }
        } else {
            List<String> columns = columns(relation);
            if (columns == null) {
                throw new Refusal("it names no columns, and the catalog does not know those of " + relation.table
                        + "; name them");
            }
            columns.forEach(c -> written.add(dialect.identifier(c)));
        }
        for (int i = 0; i < written.size(); i++) {
            if (written(relation.migration, relation.side, written.get(i)) instanceof ColumnMapping.SourceOnly) {
                if (body instanceof SqlSelect select && select.getSelectList().size() == written.size()) {
                    dropped.add(select.getSelectList().get(i));
                } else if (body instanceof SqlCall call && call.getKind() == SqlKind.VALUES) {
                    for (SqlNode row : call.getOperandList()) {
                        if (row instanceof SqlCall r && r.getKind() == SqlKind.ROW && r.operandCount() == written.size()) {
                            dropped.add(r.operand(i));
                        }
                    }
                }
            }
        }
        query(query, outer);
        Migration migration = relation.migration;
        boolean reshaped = false;
        List<String> names = new ArrayList<>();
        for (String column : written) {
            ColumnMapping mapping = written(migration, relation.side, column);
            reshaped |= mapping instanceof ColumnMapping.SourceOnly || mapping instanceof ColumnMapping.Computed
                    || dependents(migration, relation.side, column);
        }
        List<List<int[]>> rows = new ArrayList<>();
        if (reshaped) {
            if (body instanceof SqlCall call && call.getKind() == SqlKind.VALUES) {
                for (SqlNode row : call.getOperandList()) {
                    int start = offsets.start(row.getParserPosition());
                    int end = offsets.end(row.getParserPosition());
                    if (!(row instanceof SqlCall r && r.getKind() == SqlKind.ROW) || sql.charAt(start) != '('
                            || sql.charAt(end - 1) != ')') {
                        throw new Refusal("Tandem could not find the values of a row of its VALUES");
                    }
                    rows.add(pieces(maskedText, start + 1, end - 1));
                }
            } else if (body instanceof SqlSelect select && !select.isDistinct()
                    && select.getSelectList().stream().noneMatch(i -> i instanceof SqlIdentifier id && id.isStar())) {
                int start = offsets.start(select.getParserPosition());
                if (!sql.regionMatches(true, start, "SELECT", 0, 6)) {
                    throw new Refusal("Tandem could not find the select list of the rows it inserts");
                }
                int from = start + 6;
                rows.add(pieces(maskedText, from, listEnd(maskedText, from)));
            } else {
                throw new Refusal("its rows come from a query whose columns Tandem cannot reshape for "
                        + migration.table(relation.side.other()) + "; insert from a SELECT that names its columns");
            }
        }
        for (List<int[]> row : rows) {
            if (row.size() != written.size()) {
                throw new Refusal("it gives " + row.size() + " values for " + written.size() + " columns");
            }
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                values.put(dialect.canonical(written.get(i)), value(row.get(i), body, i));
            }
            List<String> out = new ArrayList<>();
            names.clear();
            assignments(relation, written, values, names, out, false);
            edits.add(new Edit(row.get(0)[0], row.get(row.size() - 1)[1], String.join(", ", out)));
        }
        if (!reshaped) {
            assignments(relation, written, null, names, null, false);
        }
        if (names.isEmpty()) {
            throw new Refusal("every column it gives is only in " + relation.table);
        }
        String columns = String.join(", ", names);
        if (list != null && !list.isEmpty()) {
            edits.add(new Edit(offsets.start(list.get(0).getParserPosition()),
                    offsets.end(list.get(list.size() - 1).getParserPosition()), columns));
        } else {
            int end = offsets.end(insert.getTargetTable().getParserPosition());
            edits.add(new Edit(end, end, " (" + columns + ")"));
        }
    }

    /**
     * The clauses the masker carved out of a write translated to the other table, which the parser did
     * not read: a RETURNING list of columns is translated like a select list; an ORDER BY closing an
     * UPDATE or a DELETE stays as written when it names no column the mapping changes; an upsert clause
     * is refused.
     */
    void carved(List<Masked.Carve> carves) {
        Relation relation = writtenRelation;
        if (relation == null) {
            return;
        }
        Migration migration = relation.migration;
        for (Masked.Carve carve : carves) {
            switch (carve.kind()) {
                case ON_CONFLICT, ON_DUPLICATE_KEY -> throw new Refusal("its upsert clause is not translated to "
                        + migration.table(relation.side.other()) + " yet");
                case FROM_LIST -> throw new Refusal("UPDATE … FROM and DELETE … USING are not translated to "
                        + migration.table(relation.side.other()) + " yet");
                case RETURNING -> returning(carve, relation);
                case OTHER -> {
                    MaskLexer lexer = new MaskLexer(sql.substring(0, carve.end()), dialect);
                    for (int i = carve.start(); ; i = lexer.end) {
                        MaskLexer.Tok token = lexer.lex(i);
                        if (token == MaskLexer.Tok.END) {
                            break;
                        }
                        if ((token == MaskLexer.Tok.WORD || token == MaskLexer.Tok.QUOTED)
                                && written(migration, relation.side, sql.substring(i, lexer.end)) != null) {
                            throw new Refusal("its " + carve.in(sql).trim() + " names " + sql.substring(i, lexer.end)
                                    + ", which differs in " + migration.table(relation.side.other()));
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    /** A RETURNING list of columns, each translated and keeping its label. */
    private void returning(Masked.Carve carve, Relation relation) {
        int from = keyword(sql.substring(0, carve.end()), carve.start(), "RETURNING");
        List<String> items = new ArrayList<>();
        for (int[] piece : pieces(sql, from, carve.end())) {
            MaskLexer lexer = new MaskLexer(sql.substring(0, piece[1]), dialect);
            List<String> words = new ArrayList<>();
            for (int i = piece[0]; ; i = lexer.end) {
                MaskLexer.Tok token = lexer.lex(i);
                if (token == MaskLexer.Tok.END) {
                    break;
                }
                if (token == MaskLexer.Tok.WORD || token == MaskLexer.Tok.QUOTED || token == MaskLexer.Tok.DOT) {
                    words.add(token == MaskLexer.Tok.DOT ? "." : sql.substring(i, lexer.end));
                } else if (token != MaskLexer.Tok.SPACE && token != MaskLexer.Tok.COMMENT) {
                    throw new Refusal("its RETURNING item " + sql.substring(piece[0], piece[1]) + " is not a column; only"
                            + " columns are translated to " + relation.migration.table(relation.side.other()));
                }
            }
            int at = words.size() >= 3 && words.get(1).equals(".") ? 2 : 0;
            String column = words.isEmpty() ? "" : words.get(at);
            List<String> rest = words.subList(Math.min(at + 1, words.size()), words.size());
            String label = rest.isEmpty() ? null : rest.size() == 1 ? rest.get(0)
                    : rest.size() == 2 && rest.get(0).equalsIgnoreCase("AS") ? rest.get(1) : "";
            if (column.isEmpty() || column.equals(".") || "".equals(label)) {
                throw new Refusal("its RETURNING item " + sql.substring(piece[0], piece[1]) + " is not a column; only"
                        + " columns are translated to " + relation.migration.table(relation.side.other()));
            }
            String translated = translatedColumn(relation, null, column);
            boolean renamed = !translatedName(relation, column).equals(dialect.canonical(column));
            items.add(translated + (label != null ? " AS " + label : renamed ? " AS " + column : ""));
        }
        edits.add(new Edit(from, carve.end(), " " + String.join(", ", items)));
    }

    /** The value a piece of a row gives: its text translated, without the alias of a select item. */
    private String value(int[] piece, SqlNode body, int index) {
        int end = piece[1];
        if (body instanceof SqlSelect select && select.getSelectList().get(index) instanceof SqlCall call
                && call.getKind() == SqlKind.AS) {
            end = offsets.start(call.operand(1).getParserPosition());
            while (end > piece[0] && Character.isWhitespace(sql.charAt(end - 1))) {
                end--;
            }
            if (end - 2 > piece[0] && sql.regionMatches(true, end - 2, "AS", 0, 2)
                    && Character.isWhitespace(sql.charAt(end - 3))) {
                end -= 2;
            }
        }
        return subSplice(piece[0], end).trim();
    }

    /**
     * The SET list of an UPDATE of a table translated to the other one, through the mapping: a column
     * only in the written table is no longer set; a computed column is set to its expression over the
     * row as the update leaves it (the values set, the other columns as they are); and a computed column
     * whose expression reads a column set is set again, so that it follows.
     */
    private void set(SqlUpdate update, Relation relation) {
        SqlNode after = update.getAlias() != null ? update.getAlias() : update.getTargetTable();
        int set = keyword(maskedText, offsets.end(after.getParserPosition()), "SET");
        if (set < 0) {
            throw new Refusal("Tandem could not find its SET list");
        }
        List<int[]> pieces = pieces(maskedText, set, listEnd(maskedText, set));
        SqlNodeList columns = update.getTargetColumnList();
        if (pieces.size() != columns.size()) {
            throw new Refusal("Tandem could not find each assignment of its SET list");
        }
        List<String> written = new ArrayList<>();
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            SqlIdentifier id = (SqlIdentifier) columns.get(i);
            String name = text(id.getComponent(id.names.size() - 1));
            int equals = sql.indexOf('=', offsets.end(id.getParserPosition()));
            if (equals < 0 || equals >= pieces.get(i)[1]) {
                throw new Refusal("Tandem could not find the value set to " + name);
            }
            written.add(name);
            values.put(dialect.canonical(name), subSplice(equals + 1, pieces.get(i)[1]).trim());
        }
        List<String> names = new ArrayList<>();
        List<String> out = new ArrayList<>();
        assignments(relation, written, values, names, out, true);
        List<String> assigned = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            assigned.add(names.get(i) + " = " + out.get(i));
        }
        if (assigned.isEmpty()) {
            // it sets only columns the other table lacks: it still finds its rows, and counts them
            String key = relation.migration.key(dialect, relation.side.other()).get(0);
            assigned.add(key + " = " + key);
        }
        edits.add(new Edit(pieces.get(0)[0], pieces.get(pieces.size() - 1)[1], String.join(", ", assigned)));
    }

    /**
     * The columns of the other table that a write giving {@code written} (with {@code values}, when
     * known) sets, into {@code names}, and their values into {@code out}.
     *
     * @param update whether the row exists: a computed column's expression reads the columns not given
     *               from it; for an INSERT they have no value yet
     */
    private void assignments(Relation relation, List<String> written, java.util.Map<String, String> values,
            List<String> names, List<String> out, boolean update) {
        Migration migration = relation.migration;
        Side side = relation.side;
        for (String column : written) {
            ColumnMapping mapping = written(migration, side, column);
            if (mapping instanceof ColumnMapping.SourceOnly) {
                continue;
            }
            String value = values == null ? null : values.get(dialect.canonical(column));
            if (mapping instanceof ColumnMapping.Computed computed) {
                names.add(side == Side.SOURCE ? computed.target() : computed.source());
                if (out != null) {
                    out.add(computed(relation, computed, values, update));
                }
            } else {
                names.add(mapping == null ? column : side == Side.SOURCE ? mapping.target() : mapping.source());
                if (out != null) {
                    out.add(value);
                }
            }
        }
        for (ColumnMapping mapping : migration.columns()) {
            String own = side == Side.SOURCE ? mapping.source() : mapping.target();
            if (mapping instanceof ColumnMapping.Computed computed && !contains(written, dialect.canonical(own))
                    && reads(expression(computed, side), written)) {
                if (!update) {
                    continue; // not given, so the other table's column takes its default, as the written one would
                }
                names.add(side == Side.SOURCE ? computed.target() : computed.source());
                if (out != null) {
                    out.add(computed(relation, computed, values, true));
                }
            }
        }
    }

    /** The mapping of a column of the table a write names, on its side. */
    private ColumnMapping written(Migration migration, Side side, String column) {
        return side == Side.SOURCE ? migration.bySource(dialect, column) : migration.byTarget(dialect, column);
    }

    /** Whether giving {@code column} a value changes a computed column of the other table it does not name. */
    private boolean dependents(Migration migration, Side side, String column) {
        for (ColumnMapping mapping : migration.columns()) {
            if (mapping instanceof ColumnMapping.Computed computed && reads(expression(computed, side), List.of(column))) {
                return true;
            }
        }
        return false;
    }

    /** The expression that computes the other side's column from the written side's columns. */
    private static String expression(ColumnMapping.Computed computed, Side written) {
        return written == Side.SOURCE ? computed.toTarget() : computed.toSource();
    }

    private boolean reads(String expression, List<String> columns) {
        for (String read : expressions.columns(expression, dialect)) {
            if (contains(columns, dialect.canonical(read))) {
                return true;
            }
        }
        return false;
    }

    /** A computed column's value over the row the write leaves: the values given, else the row's own. */
    private String computed(Relation relation, ColumnMapping.Computed computed, java.util.Map<String, String> values,
            boolean update) {
        String expression = expression(computed, relation.side);
        return "(" + expressions.substituted(expression, dialect, name -> {
            String value = values.get(dialect.canonical(name));
            if (value != null) {
                return "(" + value + ")";
            }
            if (!update) {
                throw new Refusal(relation.migration.table(relation.side.other()) + "."
                        + (relation.side == Side.SOURCE ? computed.target() : computed.source())
                        + " is computed from " + name + ", which the INSERT does not give; give it");
            }
            return translatedColumn(relation, relation.qualifier, name);
        }) + ")";
    }

    /**
     * The text of {@code [start, end)} with the translations recorded inside it, which are then no
     * longer recorded on their own: the caller puts the text somewhere as a whole.
     */
    private String subSplice(int start, int end) {
        List<Edit> inside = new ArrayList<>();
        for (java.util.Iterator<Edit> it = edits.iterator(); it.hasNext(); ) {
            Edit edit = it.next();
            if (edit.start() >= start && edit.end() <= end) {
                inside.add(new Edit(edit.start() - start, edit.end() - start, edit.text()));
                it.remove();
            }
        }
        return Statements.splice(sql.substring(start, end), inside);
    }

    /** Just past the first {@code word} outside parentheses from {@code from}, or -1. */
    private int keyword(String text, int from, String word) {
        MaskLexer lexer = new MaskLexer(text, dialect);
        int depth = 0;
        for (int i = from; ; i = lexer.end) {
            MaskLexer.Tok token = lexer.lex(i);
            if (token == MaskLexer.Tok.END) {
                return -1;
            } else if (token == MaskLexer.Tok.OPEN) {
                depth++;
            } else if (token == MaskLexer.Tok.CLOSE) {
                depth--;
            } else if (token == MaskLexer.Tok.WORD && depth == 0 && text.substring(i, lexer.end).equalsIgnoreCase(word)) {
                return lexer.end;
            }
        }
    }

    private static final Set<String> LIST_ENDS = Set.of("FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "QUALIFY",
            "ORDER", "LIMIT", "OFFSET", "FETCH", "UNION", "INTERSECT", "EXCEPT", "MINUS", "RETURNING", "INTO");

    /** Where a comma-separated list starting at {@code from} ends: at a clause keyword or a parenthesis closing outside it. */
    private int listEnd(String text, int from) {
        MaskLexer lexer = new MaskLexer(text, dialect);
        int depth = 0;
        for (int i = from; ; i = lexer.end) {
            MaskLexer.Tok token = lexer.lex(i);
            if (token == MaskLexer.Tok.END || token == MaskLexer.Tok.SEMI) {
                return i;
            } else if (token == MaskLexer.Tok.OPEN) {
                depth++;
            } else if (token == MaskLexer.Tok.CLOSE && depth-- == 0) {
                return i;
            } else if (token == MaskLexer.Tok.WORD && depth == 0
                    && LIST_ENDS.contains(text.substring(i, lexer.end).toUpperCase(java.util.Locale.ROOT))) {
                return i;
            }
        }
    }

    /** The items of a comma-separated list in {@code [from, to)}, each without the space and comments around it. */
    private List<int[]> pieces(String text, int from, int to) {
        MaskLexer lexer = new MaskLexer(text.substring(0, to), dialect);
        List<int[]> pieces = new ArrayList<>();
        int depth = 0;
        int start = -1;
        int last = -1;
        for (int i = from; ; i = lexer.end) {
            MaskLexer.Tok token = lexer.lex(i);
            if (token == MaskLexer.Tok.END || depth == 0 && text.charAt(i) == ',' && token == MaskLexer.Tok.OTHER) {
                if (start < 0) {
                    throw new Refusal("Tandem could not read a list of its values");
                }
                pieces.add(new int[] {start, last});
                if (token == MaskLexer.Tok.END) {
                    return pieces;
                }
                start = -1;
                continue;
            }
            if (token == MaskLexer.Tok.OPEN) {
                depth++;
            } else if (token == MaskLexer.Tok.CLOSE) {
                depth--;
            }
            if (token != MaskLexer.Tok.SPACE && token != MaskLexer.Tok.COMMENT) {
                start = start < 0 ? i : start;
                last = lexer.end;
            }
        }
    }

    // ------------------------------------------------------------------ text

    private String text(SqlNode node) {
        return sql.substring(offsets.start(node.getParserPosition()), offsets.end(node.getParserPosition()));
    }

    private List<String> names(List<SqlNode> nodes) {
        List<String> names = new ArrayList<>();
        for (SqlNode node : nodes) {
            names.add(text(node));
        }
        return names;
    }

    /** The output column names of a derived table, when its select list gives them all. */
    private List<String> outputColumns(SqlNode query, Scope scope) {
        SqlNode node = query instanceof SqlOrderBy orderBy ? orderBy.query : query;
        if (!(node instanceof SqlSelect select)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (SqlNode item : select.getSelectList()) {
            if (item instanceof SqlCall call && call.getKind() == SqlKind.AS) {
                names.add(text(call.operand(1)));
            } else if (item instanceof SqlIdentifier id && !id.isStar()) {
                names.add(text(id.getComponent(id.names.size() - 1)));
            } else {
                return null;
            }
        }
        return names;
    }

}
