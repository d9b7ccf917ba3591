package io.brokergate.api.security;

/** How a caller proved who it is. */
public enum CredentialKind {
    /** A person, through a login (password grant, authorization code, implicit). */
    USER,
    /** A confidential client acting for itself (client_credentials). */
    CLIENT,
    /** TradingView's servers through the JWT-bearer grant (data integration only). */
    SERVER,
    /** A scoped API key presented as a bearer credential. */
    API_KEY
}
