package io.brokergate.trade.tradingview;

import io.brokergate.trade.preview.Amounts;
import io.brokergate.trade.preview.Fee;
import io.brokergate.trade.preview.OrderPreview;
import io.brokergate.trade.preview.PreviewWarning;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order preview as TradingView shows it: the PreviewOrder sections of the order ticket's
 * preview, and the rows of its Order Info section (1.4.27). Blocking warnings become
 * {@code errors}, the others {@code warnings}. TradingView itself shows symbol, side, type,
 * quantity, prices and currency; these add what only the broker knows.
 */
final class PreviewRows {

    private PreviewRows() {
    }

    /** PreviewOrder: estimate, fees, account; {@code confirmId} only when nothing blocks the order. */
    static Map<String, Object> preview(OrderPreview p, String confirmId) {
        List<Map<String, Object>> sections = new ArrayList<>();
        sections.add(section("Estimate", estimate(p)));
        if (!p.fees().isEmpty()) {
            List<Map<String, String>> fees = new ArrayList<>();
            for (Fee f : p.fees()) {
                fees.add(row(f.label(), money(f.amount(), p.currency())));
            }
            fees.add(row("Total fees", money(p.totalFees(), p.currency())));
            sections.add(section("Fees (estimated)", fees));
        }
        sections.add(section("Account", account(p)));
        Map<String, Object> d = new LinkedHashMap<>();
        if (confirmId != null && !p.blocked()) {
            d.put("confirmId", confirmId);
        }
        d.put("sections", sections);
        messages(p, d);
        return d;
    }

    /** OrderInfo: the same figures in one list of rows. */
    static Map<String, Object> info(OrderPreview p) {
        List<Map<String, String>> rows = new ArrayList<>(estimate(p));
        if (p.totalFees() != null) {
            rows.add(row("Fees (estimated)", money(p.totalFees(), p.currency())));
        }
        rows.addAll(account(p));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rows", rows);
        messages(p, d);
        return d;
    }

    private static List<Map<String, String>> estimate(OrderPreview p) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (p.price() != null) {
            rows.add(row("Price used", p.price().stripTrailingZeros().toPlainString() + " (" + p.priceSource() + ")"));
            rows.add(row("Estimated value", money(p.estimatedCost(), p.currency())));
            rows.add(row("Estimated total", money(p.estimatedTotal(), p.currency())));
        }
        return rows;
    }

    private static List<Map<String, String>> account(OrderPreview p) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (p.buyingPower() != null) {
            rows.add(row("Buying power", money(p.buyingPower(), p.buyingPowerCurrency())));
        }
        if (p.maxQuantity() != null) {
            rows.add(row("Max quantity (broker estimate)", Amounts.of(p.maxQuantity())));
        }
        return rows;
    }

    private static void messages(OrderPreview p, Map<String, Object> d) {
        List<String> warnings = p.warnings().stream().filter(w -> !w.blocking()).map(PreviewWarning::message).toList();
        List<String> errors = p.warnings().stream().filter(PreviewWarning::blocking).map(PreviewWarning::message).toList();
        if (!warnings.isEmpty()) {
            d.put("warnings", warnings);
        }
        if (!errors.isEmpty()) {
            d.put("errors", errors);
        }
    }

    private static Map<String, Object> section(String header, List<Map<String, String>> rows) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("header", header);
        s.put("rows", rows);
        return s;
    }

    private static Map<String, String> row(String title, String value) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("title", title);
        r.put("value", value);
        return r;
    }

    private static String money(BigDecimal amount, String currency) {
        return Amounts.money(amount) + " " + currency;
    }
}
