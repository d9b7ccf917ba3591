package io.brokergate.trade.risk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When orders are accepted: on {@code days}, from {@code start} (inclusive) to {@code end}
 * (exclusive), local time of {@code zone}, so daylight-saving changes move the window with the
 * clock on the wall. When {@code end} is before {@code start} the window runs overnight into the
 * next day (22:00-02:00 on FRI covers Friday 22:00 to Saturday 02:00); an end of 00:00 means midnight.
 */
public record TradingWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

    public TradingWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a trading window needs at least one day");
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException("a trading window needs different start and end times");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    }

    public boolean contains(Instant at) {
        long local = LocalClock.localEpochSecond(zone, at);
        long day = Math.floorDiv(local, LocalClock.SECONDS_PER_DAY);
        int second = (int) Math.floorMod(local, LocalClock.SECONDS_PER_DAY);
        int from = start.toSecondOfDay();
        int to = end.toSecondOfDay();
        if (from < to) {
            return second >= from && second < to && open(day);
        }
        // overnight: the evening part belongs to the day it starts on, the morning part to the day before
        return second >= from ? open(day) : second < to && open(day - 1);
    }

    private boolean open(long epochDay) {
        return days.contains(DayOfWeek.of(LocalClock.dayOfWeekIndex(epochDay) + 1));
    }

    /** For rejections: {@code MON-FRI 09:30-16:00 Asia/Hong_Kong}. */
    public String describe() {
        return describeDays() + " " + start + "-" + end + " " + zone.getId();
    }

    private String describeDays() {
        List<String> runs = new ArrayList<>();
        DayOfWeek[] all = DayOfWeek.values();
        int i = 0;
        while (i < all.length) {
            if (!days.contains(all[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < all.length && days.contains(all[j + 1])) {
                j++;
            }
            runs.add(j - i >= 2 ? shortName(all[i]) + "-" + shortName(all[j]) : join(all, i, j));
            i = j + 1;
        }
        return String.join(",", runs);
    }

    private static String join(DayOfWeek[] all, int from, int to) {
        List<String> names = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            names.add(shortName(all[k]));
        }
        return String.join(",", names);
    }

    static String shortName(DayOfWeek d) {
        return d.name().substring(0, 3);
    }
}
