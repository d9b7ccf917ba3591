package io.brokergate.sim.longport;

import io.brokergate.longport.proto.Sub;
import io.brokergate.longport.proto.SubResponse;
import io.brokergate.longport.proto.Unsub;
import io.brokergate.longport.proto.UnsubResponse;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.Packets;
import io.brokergate.longport.wire.QuoteErrorCodes;
import io.brokergate.longport.wire.ResponseStatus;
import io.brokergate.longport.wire.TradeCommand;

/** The trade socket's commands (longport.md §4): topic "private" only. Event loop only. */
final class TradeCommands {

    private TradeCommands() {
    }

    /** @throws io.brokergate.longport.wire.MalformedPacketException for a body that is not Sub/Unsub */
    static Packet.Response handle(SocketConnection c, Packet.Request req) {
        return switch (req.cmd()) {
            case TradeCommand.SUBSCRIBE -> subscribe(c, req);
            case TradeCommand.UNSUBSCRIBE -> unsubscribe(c, req);
            default -> Packets.error(req, ResponseStatus.BAD_REQUEST, QuoteErrorCodes.INVALID_REQUEST,
                    "command " + req.cmd() + " is not a trade socket command (16 Sub, 17 Unsub)");
        };
    }

    private static Packet.Response subscribe(SocketConnection c, Packet.Request req) {
        Sub sub = Packets.parseBody(Sub.parser(), req);
        SubResponse.Builder b = SubResponse.newBuilder();
        for (String topic : sub.getTopicsList()) {
            if (TradeCommand.TOPIC_PRIVATE.equals(topic)) {
                c.privateTopic(true);
                b.addSuccess(topic);
            } else {
                b.addFail(SubResponse.Fail.newBuilder().setTopic(topic).setReason("unknown topic"));
            }
        }
        if (c.privateTopic()) {
            b.addCurrent(TradeCommand.TOPIC_PRIVATE);
        }
        return Packets.ok(req, b.build());
    }

    private static Packet.Response unsubscribe(SocketConnection c, Packet.Request req) {
        Unsub unsub = Packets.parseBody(Unsub.parser(), req);
        if (unsub.getTopicsList().contains(TradeCommand.TOPIC_PRIVATE)) {
            c.privateTopic(false);
        }
        UnsubResponse.Builder b = UnsubResponse.newBuilder();
        if (c.privateTopic()) {
            b.addCurrent(TradeCommand.TOPIC_PRIVATE);
        }
        return Packets.ok(req, b.build());
    }
}
