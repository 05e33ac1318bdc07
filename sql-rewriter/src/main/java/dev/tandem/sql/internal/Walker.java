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
        final String qualifier; // how to qualify its columns in the statement, as written
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
            table((SqlIdentifier) insert.getTargetTable(), null, new Scope(outer));
            query(insert.getSource(), outer);
            return null;
        }
        if (node instanceof SqlUpdate update) {
            Scope scope = new Scope(outer);
            table((SqlIdentifier) update.getTargetTable(), update.getAlias(), scope);
            fromList(update.getTargetTable(), scope, outer);
            expression(update.getSourceExpressionList(), scope);
            expression(update.getCondition(), scope);
            return null;
        }
        if (node instanceof SqlDelete delete) {
            Scope scope = new Scope(outer);
            table((SqlIdentifier) delete.getTargetTable(), delete.getAlias(), scope);
            fromList(delete.getTargetTable(), scope, outer);
            expression(delete.getCondition(), scope);
            return null;
        }
        if (node instanceof SqlMerge merge) {
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
            if (columnsUnused && item instanceof SqlIdentifier id && id.isStar()) {
                continue; // EXISTS (SELECT * …) never looks at the columns
            }
            selectItem(item, scope, labels);
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
        int parts = id.names.size();
        String written = text(id.getComponent(parts - 1));
        String writtenSchema = parts > 1 ? text(id.getComponent(parts - 2)) : null;
        String name = dialect.canonicalTable(alias != null ? text(alias) : written);
        String qualifier = alias != null ? text(alias) : written;
        if (parts == 1 && scope.isCte(dialect.canonicalTable(written))) {
            scope.relations.add(new Relation(name, qualifier, null, null, null, null, null));
            return;
        }
        for (Migration migration : migrations) {
            for (Side side : Side.values()) {
                if (migration.table(side).isNamedBy(dialect, writtenSchema, written, currentSchema)) {
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
                        // keep the old name as an alias, so that columns qualified with it still resolve
                        edits.add(new Edit(start, end, alias != null ? replacement : replacement + " " + written));
                    }
                    return;
                }
            }
        }
        scope.relations.add(new Relation(name, qualifier, null, null, new TableName(writtenSchema, written),
                writtenSchema, null));
    }

    // ------------------------------------------------------------------ select list and expressions

    private void selectItem(SqlNode item, Scope scope, boolean labels) {
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
            if (relation != null && translates(relation)
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
        if (node == null) {
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
