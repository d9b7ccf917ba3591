package io.brokergate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing table as documented (chart README, docs/operations.md), between the markers
 * {@code <!-- routes:start -->} and {@code <!-- routes:end -->}: a Markdown table of
 * {@code | example request | service | ingress path |}; service {@code none} means not exposed.
 */
final class RouteTable {

    /** One documented request, the service it must reach (null: none) and the ingress path that takes it. */
    record Row(String request, String service, String ingressPath) {
    }

    private RouteTable() {
    }

    static List<Row> read(Path markdown) {
        String text = Repository.read(markdown);
        int start = text.indexOf("<!-- routes:start -->");
        int end = text.indexOf("<!-- routes:end -->");
        assertTrue(start >= 0 && end > start, markdown + ": no routes:start/routes:end markers");
        List<Row> rows = new ArrayList<>();
        for (String line : text.substring(start, end).lines().toList()) {
            List<String> cells = cells(line);
            if (cells.size() != 3 || cells.get(0).startsWith("---") || cells.get(0).startsWith("example")) {
                continue;
            }
            String service = cells.get(1).equals("none") ? null : cells.get(1);
            String path = cells.get(2).equals("none") ? null : cells.get(2);
            rows.add(new Row(cells.get(0), service, path));
        }
        assertFalse(rows.isEmpty(), markdown + ": empty route table");
        rows.forEach(r -> assertEquals(r.service() == null, r.ingressPath() == null, markdown + ": " + r));
        return rows;
    }

    /** Cells of a Markdown table row: split on unescaped pipes, backticks and escapes removed. */
    private static List<String> cells(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("|") || !trimmed.endsWith("|")) {
            return List.of();
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < trimmed.length() - 1; i++) {
            char c = trimmed.charAt(i);
            if (c == '\\' && trimmed.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(clean(cell));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(clean(cell));
        return cells;
    }

    private static String clean(StringBuilder cell) {
        String s = cell.toString().strip();
        // The first cell may carry a note after the code span: "`/oauth/authorize` (login page)".
        if (s.startsWith("`")) {
            s = s.substring(1, s.indexOf('`', 1));
        }
        return s;
    }
}
