package io.brokergate.trade.cluster;

import io.brokergate.trade.orders.OwnershipMovesTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same order book, fed over Kafka: stale owners and redeliveries are dropped there too. */
@QuarkusTest
@TestProfile(ClusterProfile.class)
class OwnershipMovesOverKafkaTest extends OwnershipMovesTest {

    @Override
    protected String orderId() {
        return "om-kafka-1";
    }
}
