package io.brokergate.remote.wire;

import com.fasterxml.jackson.databind.JavaType;
import io.brokergate.core.spi.BrokerSession;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * One SPI call of the owners' internal API: {@code POST /internal/v1/accounts/{accountId}/{name}}
 * with the argument as JSON; the answer is the result as JSON (200), nothing for a void call (204),
 * or a problem. Both sides use the same descriptor: the client to encode and decode, the owner to
 * decode and to {@link #invoke} its own session.
 *
 * @param <A> the argument record
 * @param <R> the result ({@code Void} for none; null stands for an empty {@code Optional})
 */
public final class OwnerCall<A, R> {

    public static final String PATH_PREFIX = "/internal/v1/accounts/";

    private final String name;
    private final JavaType argument;
    private final JavaType result;
    private final boolean placesOrder;
    private final BiFunction<BrokerSession, A, CompletionStage<R>> invoke;

    OwnerCall(String name, JavaType argument, JavaType result, boolean placesOrder,
              BiFunction<BrokerSession, A, CompletionStage<R>> invoke) {
        this.name = name;
        this.argument = argument;
        this.result = result;
        this.placesOrder = placesOrder;
        this.invoke = invoke;
    }

    /** The path below the account, e.g. {@code trading/place}. */
    public String name() {
        return name;
    }

    public JavaType argument() {
        return argument;
    }

    public JavaType result() {
        return result;
    }

    public boolean isVoid() {
        return result.getRawClass() == Void.class;
    }

    /** A place: if it may have reached the owner, its failure is an unknown outcome, and it is never resent. */
    public boolean placesOrder() {
        return placesOrder;
    }

    /** The request path for an account (its id travels URL-encoded). */
    public String path(String accountId) {
        return PATH_PREFIX + java.net.URLEncoder.encode(accountId, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + "/" + name;
    }

    public CompletionStage<R> invoke(BrokerSession session, A args) {
        return invoke.apply(session, args);
    }

    @Override
    public String toString() {
        return name;
    }
}
