package dev.sweep.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IoFailuresTest {

    /** Netty's native transport names the call and the error number first; the message is the system's alone. */
    @Test
    void theNativeTransportsCallAndErrorNumberAreLeftOut() {
        assertThat(IoFailures.systemMessage("finishConnect(..) failed with error(-111): Connection refused"))
                .isEqualTo("Connection refused");
        assertThat(IoFailures.systemMessage("bind(..) failed with error(-98): Address already in use"))
                .isEqualTo("Address already in use");
        assertThat(IoFailures.systemMessage("readAddress(..) failed: Connection reset by peer"))
                .isEqualTo("Connection reset by peer");
    }

    /** Java's own sockets say only the system's message, which is left as it is. */
    @Test
    void javasOwnMessagesAreLeftAsTheyAre() {
        assertThat(IoFailures.systemMessage("Connection refused")).isEqualTo("Connection refused");
        assertThat(IoFailures.systemMessage("connection timed out: 127.0.0.1/127.0.0.1:9"))
                .isEqualTo("connection timed out: 127.0.0.1/127.0.0.1:9");
    }
}
