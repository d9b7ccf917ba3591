package io.brokergate.longport.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakeTest {

    @Test
    void tcpBytesPutCodecInTheHighNibble() {
        assertArrayEquals(new byte[] {0x11, 0x09}, Handshake.OPENAPI_V1.toTcpBytes());
        Handshake h = new Handshake(1, 2, 9);
        assertArrayEquals(new byte[] {0x21, 0x09}, h.toTcpBytes());
        assertEquals(h, Handshake.fromTcp(new byte[] {0x21, 0x09}));
    }

    @Test
    void reservedNibbleOfByteOneIsIgnored() {
        assertEquals(Handshake.OPENAPI_V1, Handshake.fromTcp((byte) 0x11, (byte) 0xF9));
    }

    @Test
    void supportOnlyForV1Protobuf() {
        assertTrue(Handshake.OPENAPI_V1.isSupported());
        assertFalse(new Handshake(2, 1, 9).isSupported());
        assertFalse(new Handshake(1, 2, 9).isSupported());
    }

    @Test
    void parsesTheSdkQuery() {
        assertEquals(Handshake.OPENAPI_V1, Handshake.parseQuery("version=1&codec=1&platform=9"));
        assertEquals(Handshake.OPENAPI_V1, Handshake.parseQuery("platform=9&x=y&codec=1&version=1&"));
        assertEquals("version=1&codec=1&platform=9", Handshake.OPENAPI_V1.toQuery());
    }

    @Test
    void appendsToUrls() {
        assertEquals("ws://h/v2?version=1&codec=1&platform=9", Handshake.OPENAPI_V1.appendTo("ws://h/v2"));
        assertEquals("ws://h/v2?a=b&version=1&codec=1&platform=9", Handshake.OPENAPI_V1.appendTo("ws://h/v2?a=b"));
        assertEquals("ws://h/?version=1&codec=1&platform=9", Handshake.OPENAPI_V1.appendTo("ws://h/?"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"version=1&codec=1", "version=1&codec=x&platform=9", "version=16&codec=1&platform=9",
        "version=&codec=1&platform=9", "version=1&version=1&codec=1&platform=9", "version=-1&codec=1&platform=9",
        "version=001&codec=1&platform=9", "codec=1&platform=9"})
    void rejectsBadQueries(String query) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> Handshake.parseQuery(query));
        assertEquals(MalformedPacketException.Reason.BAD_HANDSHAKE, e.reason());
    }

    @Test
    void rejectsShortTcpHandshake() {
        assertThrows(MalformedPacketException.class, () -> Handshake.fromTcp(new byte[] {0x11}));
    }
}
