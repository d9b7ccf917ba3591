package io.brokergate.trade.preview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as people read them in previews: grouped thousands, two decimals at most ({@code 32,020.5}). */
public final class Amounts {

    private Amounts() {
    }

    public static String of(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(amount);
    }

    /** Money with two decimals always ({@code 32,020.50}). */
    public static String money(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(amount);
    }
}
