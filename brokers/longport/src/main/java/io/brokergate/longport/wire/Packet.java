package io.brokergate.longport.wire;

import java.util.Arrays;

/**
 * One decoded (or to-be-encoded) LongPort v1 packet. The body is always the uncompressed
 * protobuf payload; gzip and the verify trailer are framing details handled by {@link PacketCodec}.
 *
 * <p>Records do not copy {@code body}: treat the array as immutable after construction (copying
 * would double the allocation on the hot path). {@code equals} compares body contents.
 */
public sealed interface Packet permits Packet.Request, Packet.Response, Packet.Push {

    /** u32 request ids travel as long so that ids above 2^31 stay positive. */
    long MAX_REQUEST_ID = 0xFFFF_FFFFL;
    /** Largest timeout a request may carry (longport.md §2.2). */
    int MAX_TIMEOUT_MS = 60_000;
    /** body_len is a u24. */
    int MAX_BODY_LENGTH = 0xFF_FFFF;

    PacketType type();

    int cmd();

    byte[] body();

    /** Request: cmd u8, request_id u32, timeout_ms u16 (at most 60000). */
    record Request(int cmd, long requestId, int timeoutMs, byte[] body) implements Packet {
        public Request {
            checkCmd(cmd);
            checkRequestId(requestId);
            if (timeoutMs < 0 || timeoutMs > MAX_TIMEOUT_MS) {
                throw new IllegalArgumentException("timeoutMs out of range 0.." + MAX_TIMEOUT_MS + ": " + timeoutMs);
            }
            body = body == null ? EMPTY : body;
        }

        @Override
        public PacketType type() {
            return PacketType.REQUEST;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r && r.cmd == cmd && r.requestId == requestId
                    && r.timeoutMs == timeoutMs && Arrays.equals(r.body, body);
        }

        @Override
        public int hashCode() {
            return ((cmd * 31 + Long.hashCode(requestId)) * 31 + timeoutMs) * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Request[cmd=" + cmd + ", requestId=" + requestId + ", timeoutMs=" + timeoutMs
                    + ", bodyLength=" + body.length + "]";
        }
    }

    /** Response: cmd u8 (echoed), request_id u32, status u8 (see {@link ResponseStatus}). */
    record Response(int cmd, long requestId, int status, byte[] body) implements Packet {
        public Response {
            checkCmd(cmd);
            checkRequestId(requestId);
            if (status < 0 || status > 0xFF) {
                throw new IllegalArgumentException("status is a u8: " + status);
            }
            body = body == null ? EMPTY : body;
        }

        @Override
        public PacketType type() {
            return PacketType.RESPONSE;
        }

        /** Status 0; otherwise the body is a protobuf {@code Error}. */
        public boolean isSuccess() {
            return status == ResponseStatus.SUCCESS.code();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && r.cmd == cmd && r.requestId == requestId
                    && r.status == status && Arrays.equals(r.body, body);
        }

        @Override
        public int hashCode() {
            return ((cmd * 31 + Long.hashCode(requestId)) * 31 + status) * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Response[cmd=" + cmd + ", requestId=" + requestId + ", status=" + status
                    + ", bodyLength=" + body.length + "]";
        }
    }

    /** Push: cmd u8 only; no request id. */
    record Push(int cmd, byte[] body) implements Packet {
        public Push {
            checkCmd(cmd);
            body = body == null ? EMPTY : body;
        }

        @Override
        public PacketType type() {
            return PacketType.PUSH;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Push p && p.cmd == cmd && Arrays.equals(p.body, body);
        }

        @Override
        public int hashCode() {
            return cmd * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Push[cmd=" + cmd + ", bodyLength=" + body.length + "]";
        }
    }

    /** Shared empty body, so bodiless packets allocate nothing. */
    byte[] EMPTY = new byte[0];

    private static void checkCmd(int cmd) {
        if (cmd < 0 || cmd > 0xFF) {
            throw new IllegalArgumentException("cmd is a u8: " + cmd);
        }
    }

    private static void checkRequestId(long requestId) {
        if (requestId < 0 || requestId > MAX_REQUEST_ID) {
            throw new IllegalArgumentException("requestId is a u32: " + requestId);
        }
    }
}
