package io.brokergate.stream.fanout;

/**
 * One server message, serialized once and shared by every client that receives it.
 *
 * @param type  message type ({@code event}, {@code status}, {@code heartbeat}, …): the SSE event name
 * @param id    SSE {@code id:} ({@code <epoch>-<sequence>} of an account event), or null
 * @param json  the message as JSON: the WebSocket text frame and the SSE {@code data:} line
 */
public record Frame(String type, String id, String json) {
}
