package io.brokergate.core.account;

public enum AccountKind {
    LIVE, PAPER
}
