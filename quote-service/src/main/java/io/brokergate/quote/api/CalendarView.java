package io.brokergate.quote.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /v1/calendar/{market}}: trading days, half days (early close) as the broker lists them, and sessions. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CalendarView(String market, String timezone, LocalDate from, LocalDate to, List<LocalDate> tradingDays,
                           List<LocalDate> halfDays, List<SessionView> sessions) {
}
