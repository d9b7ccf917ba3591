package io.brokergate.auth.bootstrap;

import io.quarkus.test.junit.QuarkusTest;

/** {@link OperatorBootstrapContract} on H2 (all-in-one's database), in the application the other H2 tests share. */
@QuarkusTest
class OperatorBootstrapTest extends OperatorBootstrapContract {
}
