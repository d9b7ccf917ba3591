package io.brokergate.core.capability;

/**
 * How a broker reports positions, as TradingView distinguishes them: one position per instrument
 * (stock brokers such as LongPort), or position netting, where an instrument has a net position
 * made of individual positions (TradingView's {@code supportPositionNetting}: the
 * {@code netPositions} and {@code individualPositions} endpoints replace {@code positions}).
 */
public enum PositionView {
    /** One position per instrument ({@code /positions}). */
    INSTRUMENT,
    /** Net position per instrument with its long and short quantities ({@code /netPositions}). */
    NET,
    /** The individual positions a net position is made of ({@code /individualPositions}). */
    INDIVIDUAL
}
