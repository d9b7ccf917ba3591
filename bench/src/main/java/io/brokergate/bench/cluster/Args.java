package io.brokergate.bench.cluster;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options over defaults; an unknown name is an error. */
final class Args {

    private Args() {
    }

    static Map<String, String> parse(String[] args, Map<String, String> defaults) {
        Map<String, String> out = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            if (!defaults.containsKey(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i] + "; options: " + defaults.keySet());
            }
            out.put(args[i], args[i + 1]);
        }
        return out;
    }
}
