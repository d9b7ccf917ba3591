package io.brokergate.sim.longport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokergate.longport.proto.Close;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.PacketCodec;
import io.brokergate.sim.server.QuietExchange;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that upgrades to WebSocket and then never sends anything, not even a Pong: the server
 * must drop it after the idle timeout. Raw frames, because WebSocket libraries answer Pings by themselves.
 */
class SocketTimeoutTest {

    @Test
    void silentConnectionIsDroppedAfterTheIdleTimeout() throws Exception {
        try (SimExchangeServer server = QuietExchange.server(SimServerSettings.defaults()
                .withPingInterval(Duration.ofMillis(100)).withIdleTimeout(Duration.ofMillis(500)));
             RawWebSocket ws = RawWebSocket.open(server.port(), "/quote/v2?version=1&codec=1&platform=9")) {
            long start = System.nanoTime();
            List<RawWebSocket.Frame> frames = ws.readUntilClosed();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs >= 400, "dropped too early: " + elapsedMs + " ms");
            assertTrue(frames.stream().anyMatch(f -> f.opcode() == 0x9), "no WS Ping before the drop");
            RawWebSocket.Frame closePush = frames.stream().filter(f -> f.opcode() == 0x2).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no binary Close push"));
            Packet.Push push = (Packet.Push) PacketCodec.decode(closePush.payload());
            assertEquals(0, push.cmd());
            assertEquals(Close.Code.HEARTBEAT_TIMEOUT, Close.parseFrom(push.body()).getCode());
        }
    }
}
