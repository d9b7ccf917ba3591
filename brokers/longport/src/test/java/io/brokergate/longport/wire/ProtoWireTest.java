package io.brokergate.longport.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokergate.longport.proto.Close;
import io.brokergate.longport.proto.Error;
import io.brokergate.longport.proto.Heartbeat;
import io.brokergate.longport.proto.Notification;
import io.brokergate.longport.proto.PushQuote;
import io.brokergate.longport.proto.PushQuoteTag;
import io.brokergate.longport.proto.SubType;
import io.brokergate.longport.proto.SubscribeRequest;
import io.brokergate.longport.proto.TradeSession;
import io.brokergate.longport.proto.TradeStatus;
import io.brokergate.longport.proto.ContentType;
import io.brokergate.longport.proto.DispatchType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtoWireTest {

    @Test
    void subscribeRequestPacksSubTypeLikeTheSdk() {
        SubscribeRequest req = SubscribeRequest.newBuilder()
                .addSymbol("700.HK")
                .addSubType(SubType.SUB_TYPE_QUOTE)
                .addSubType(SubType.SUB_TYPE_TRADE)
                .setIsFirstPush(true)
                .build();
        byte[] expected = {
            0x0A, 6, '7', '0', '0', '.', 'H', 'K', // field 1, length-delimited
            0x12, 2, 1, 4,                          // field 2 packed: one length-delimited run
            0x18, 1                                 // field 3 varint true
        };
        assertArrayEquals(expected, req.toByteArray());

        Packet.Request packet = Packets.request(QuoteCommand.SUBSCRIBE, 5, Packets.DEFAULT_TIMEOUT_MS, req);
        Packet decoded = PacketCodec.decode(PacketCodec.encode(packet));
        assertEquals(req, Packets.parseBody(SubscribeRequest.parser(), decoded));
    }

    @Test
    void unpackedSubTypeIsAlsoAccepted() {
        byte[] unpacked = {0x0A, 1, 'A', 0x10, 1, 0x10, 2};
        SubscribeRequest req = Packets.parseBody(SubscribeRequest.parser(), new Packet.Request(6, 1, 0, unpacked));
        assertEquals(2, req.getSubTypeCount());
        assertEquals(SubType.SUB_TYPE_DEPTH, req.getSubType(1));
    }

    @Test
    void pushQuoteRoundTripsThroughGzip() {
        PushQuote quote = PushQuote.newBuilder()
                .setSymbol("AAPL.US").setSequence(123456789012L).setLastDone("189.35").setOpen("188")
                .setHigh("190").setLow("187.5").setTimestamp(1_700_000_000L).setVolume(5_000_000L)
                .setTurnover("946750000").setTradeStatus(TradeStatus.TRADE_STATUS_NORMAL)
                .setTradeSession(TradeSession.TRADE_SESSION_PRE).setCurrentVolume(100)
                .setCurrentTurnover("18935").setTag(PushQuoteTag.PUSH_QUOTE_TAG_EOD)
                .build();
        byte[] frame = PacketCodec.encode(Packets.push(QuoteCommand.PUSH_QUOTE, quote), true);
        Packet decoded = PacketCodec.decode(frame);
        assertEquals(QuoteCommand.PUSH_QUOTE, decoded.cmd());
        assertEquals(quote, Packets.parseBody(PushQuote.parser(), decoded));
    }

    @Test
    void errorReplyCarriesTheErrorMessage() {
        Packet.Request req = new Packet.Request(QuoteCommand.QUERY_DEPTH, 77, 30_000, new byte[0]);
        Packet.Response resp = Packets.error(req, ResponseStatus.BAD_REQUEST, QuoteErrorCodes.INVALID_REQUEST,
                "symbol not found");
        Packet.Response decoded = (Packet.Response) PacketCodec.decode(PacketCodec.encode(resp));
        assertEquals(77, decoded.requestId());
        assertEquals(QuoteCommand.QUERY_DEPTH, decoded.cmd());
        assertEquals(ResponseStatus.BAD_REQUEST.code(), decoded.status());
        Error error = Packets.errorOf(decoded);
        assertEquals(301600, error.getCode());
        assertEquals("symbol not found", error.getMsg());
    }

    @Test
    void heartbeatIsEchoed() {
        Heartbeat hb = Heartbeat.newBuilder().setTimestamp(1_700_000_000_123L).setHeartbeatId(4).build();
        Packet.Request req = Packets.request(ControlCommand.HEARTBEAT, 9, Packets.DEFAULT_TIMEOUT_MS, hb);
        Packet.Response resp = Packets.echo(req);
        assertEquals(hb, Packets.parseBody(Heartbeat.parser(), resp));
        assertEquals(9, resp.requestId());
    }

    @Test
    void closePushAndNotification() {
        Packet.Push close = Packets.close(Close.Code.UNPACK_ERROR, "bad packet");
        Close parsed = Packets.parseBody(Close.parser(), PacketCodec.decode(PacketCodec.encode(close)));
        assertEquals(ControlCommand.CLOSE, close.cmd());
        assertEquals(3, parsed.getCodeValue());

        byte[] json = "{\"event\":\"order_changed_lb\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
        Notification n = Notification.newBuilder().setTopic(TradeCommand.TOPIC_PRIVATE)
                .setContentType(ContentType.CONTENT_TYPE_JSON).setDispatchType(DispatchType.DISPATCH_TYPE_DIRECT)
                .setData(com.google.protobuf.ByteString.copyFrom(json)).build();
        Packet decoded = PacketCodec.decode(PacketCodec.encodePush(TradeCommand.NOTIFY, n));
        assertArrayEquals(json, Packets.parseBody(Notification.parser(), decoded).getData().toByteArray());
    }

    @Test
    void unparsableBodyIsMalformed() {
        Packet bad = new Packet.Request(6, 1, 0, new byte[] {0x0A, 50});
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> Packets.parseBody(SubscribeRequest.parser(), bad));
        assertEquals(MalformedPacketException.Reason.BAD_BODY, e.reason());
    }

    @Test
    void commandNamesAreSocketSpecific() {
        assertEquals("QueryParticipantBrokerIds", QuoteCommand.name(16));
        assertEquals("Sub", TradeCommand.name(16));
        assertEquals("Heartbeat", TradeCommand.name(1));
        assertEquals(io.brokergate.longport.proto.Command.COMMAND_QUERY_HISTORY_CANDLESTICK.getNumber(),
                QuoteCommand.QUERY_HISTORY_CANDLESTICK);
        assertEquals(io.brokergate.longport.proto.Command.COMMAND_PUSH_TRADE_DATA.getNumber(), QuoteCommand.PUSH_TRADE);
    }
}
