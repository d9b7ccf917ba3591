package io.brokergate.longport.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.brokergate.longport.proto.Close;
import io.brokergate.longport.proto.Error;

/**
 * Factories for the packets both sides build over and over (replies, errors, Close), and the
 * one place where a protobuf body is parsed into a message.
 */
public final class Packets {

    /** Timeout the SDK puts on auth and reconnect requests. */
    public static final int AUTH_TIMEOUT_MS = 5_000;
    /** Timeout the SDK puts on every other request. */
    public static final int DEFAULT_TIMEOUT_MS = 30_000;

    private Packets() {
    }

    public static Packet.Request request(int cmd, long requestId, int timeoutMs, MessageLite body) {
        return new Packet.Request(cmd, requestId, timeoutMs, body.toByteArray());
    }

    public static Packet.Push push(int cmd, MessageLite body) {
        return new Packet.Push(cmd, body.toByteArray());
    }

    /** Successful reply; echoes the request's cmd (the SDK matches on request_id only). */
    public static Packet.Response ok(Packet.Request request, MessageLite body) {
        return new Packet.Response(request.cmd(), request.requestId(), ResponseStatus.SUCCESS.code(),
                body.toByteArray());
    }

    /** Error reply: non-zero status with an {@code Error{code, msg}} body. */
    public static Packet.Response error(Packet.Request request, ResponseStatus status, long code, String message) {
        if (status == ResponseStatus.SUCCESS) {
            throw new IllegalArgumentException("an error reply needs a non-zero status");
        }
        Error error = Error.newBuilder().setCode(code).setMsg(message == null ? "" : message).build();
        return new Packet.Response(request.cmd(), request.requestId(), status.code(), error.toByteArray());
    }

    /** Heartbeat (cmd 1) reply: the same body, echoed. */
    public static Packet.Response echo(Packet.Request request) {
        return new Packet.Response(request.cmd(), request.requestId(), ResponseStatus.SUCCESS.code(), request.body());
    }

    /** Close push (cmd 0) the server sends right before it disconnects. */
    public static Packet.Push close(Close.Code code, String reason) {
        Close close = Close.newBuilder().setCode(code).setReason(reason == null ? "" : reason).build();
        return new Packet.Push(ControlCommand.CLOSE, close.toByteArray());
    }

    /** The {@code Error} body of a failed response; an unparsable body yields code 0 with the raw status. */
    public static Error errorOf(Packet.Response response) {
        try {
            return Error.parseFrom(response.body());
        } catch (InvalidProtocolBufferException e) {
            return Error.newBuilder().setMsg("unparsable error body, status " + response.status()).build();
        }
    }

    /**
     * Parses a packet body with a generated parser ({@code SubscribeRequest.parser()}), no
     * reflection involved.
     *
     * @throws MalformedPacketException (BAD_BODY); a server answers it with status BAD_REQUEST
     */
    public static <T extends MessageLite> T parseBody(Parser<T> parser, Packet packet) {
        try {
            return parser.parseFrom(packet.body());
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedPacketException(MalformedPacketException.Reason.BAD_BODY,
                    "cmd " + packet.cmd() + " body is not a valid message: " + e.getMessage(), e);
        }
    }
}
