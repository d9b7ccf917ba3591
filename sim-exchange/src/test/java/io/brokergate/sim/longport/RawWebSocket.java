package io.brokergate.sim.longport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket client at the frame level, for what libraries hide: it never answers Pings, and it
 * records every frame (opcode and payload) until the server closes the TCP connection.
 */
public final class RawWebSocket implements AutoCloseable {

    public record Frame(int opcode, byte[] payload) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Upgrades {@code pathAndQuery} on the port; fails unless the server answers 101. */
    public static RawWebSocket open(int port, String pathAndQuery) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        RawWebSocket ws = new RawWebSocket(socket);
        ws.out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(ws.in.readUnsignedByte());
        }
        String status = head.toString(StandardCharsets.ISO_8859_1);
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + status);
        }
        return ws;
    }

    /** Sends one binary frame (masked with a zero key, which RFC 6455 allows). */
    public void sendBinary(byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x82);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else {
            f.write(0x80 | 126);
            f.write(payload.length >>> 8);
            f.write(payload.length & 0xFF);
        }
        f.write(new byte[4]);
        f.write(payload);
        out.write(f.toByteArray());
        out.flush();
    }

    /** The next frame, or null when the server closed the connection. */
    public Frame next() throws IOException {
        int b0;
        try {
            b0 = in.readUnsignedByte();
        } catch (EOFException e) {
            return null;
        }
        int len = in.readUnsignedByte() & 0x7F;
        if (len == 126) {
            len = in.readUnsignedShort();
        } else if (len == 127) {
            len = (int) in.readLong();
        }
        byte[] payload = new byte[len];
        in.readFully(payload);
        return new Frame(b0 & 0x0F, payload);
    }

    /** Every frame until the server closes the connection (pings included, none answered). */
    public List<Frame> readUntilClosed() throws IOException {
        List<Frame> frames = new ArrayList<>();
        try {
            for (Frame f = next(); f != null; f = next()) {
                frames.add(f);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection; frames so far: " + frames.size(), e);
        }
        return frames;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
