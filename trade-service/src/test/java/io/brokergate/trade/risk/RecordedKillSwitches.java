package io.brokergate.trade.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer standing in for the order path: records every {@link KillSwitchEngaged} fired. */
@ApplicationScoped
public class RecordedKillSwitches {

    private final List<KillSwitchEngaged> events = new CopyOnWriteArrayList<>();

    void on(@Observes KillSwitchEngaged event) {
        events.add(event);
    }

    List<KillSwitchEngaged> events() {
        return List.copyOf(events);
    }

    void clear() {
        events.clear();
    }
}
