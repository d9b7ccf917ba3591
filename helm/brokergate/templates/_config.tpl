{{/* The application.properties of one service in the cluster. Context: dict root key. */}}
{{- define "brokergate.applicationProperties" -}}
{{- $root := .root -}}
{{- $svc := index $root.Values.services .key -}}
# Rendered by the Helm chart for {{ include "brokergate.component" .key }}.
quarkus.http.port={{ $root.Values.service.port }}
brokergate.security.issuer={{ $root.Values.publicUrl }}
brokergate.security.introspection-secret=${BROKERGATE_INTROSPECTION_SECRET}
{{- if ne .key "auth" }}
# Tokens: RS256 from auth-service, verified against its JWKS; API keys through its introspection.
brokergate.security.jwks-url={{ include "brokergate.authUrl" $root }}/oauth/jwks
brokergate.security.introspection-url={{ include "brokergate.authUrl" $root }}/oauth/introspect
# Accounts (and, for socket owners, their credentials) from auth-service's internal list, with the introspection secret.
brokergate.security.accounts-url={{ include "brokergate.authUrl" $root }}/internal/v1/accounts
{{- end }}
{{- if eq .key "auth" }}
brokergate.auth.issuer={{ $root.Values.publicUrl }}
brokergate.auth.introspection-secret=${BROKERGATE_INTROSPECTION_SECRET}
brokergate.auth.credential-key=${BROKERGATE_CREDENTIAL_KEY}
{{- if $root.Values.bootstrap.operator.existingSecret }}
brokergate.auth.bootstrap.operator-username=${BROKERGATE_AUTH_BOOTSTRAP_OPERATOR_USERNAME}
brokergate.auth.bootstrap.operator-password-file=/deployments/secrets/operator/password
{{- end }}
quarkus.datasource.jdbc.url={{ $root.Values.postgresql.jdbcUrl }}
quarkus.datasource.username=${BROKERGATE_DB_USERNAME}
quarkus.datasource.password=${BROKERGATE_DB_PASSWORD}
# Keys from Kubernetes Secrets (io.brokergate.auth.kubernetes): read at start, changes applied live.
brokergate.auth.kubernetes.enabled=true
brokergate.auth.kubernetes.namespace={{ $root.Release.Namespace }}
brokergate.auth.kubernetes.credential-key.secret={{ include "brokergate.credentialKeySecret" $root }}
brokergate.auth.kubernetes.signing-key.secret={{ include "brokergate.signingKeySecret" $root }}
# The signing key rotates when its Secret changes, never on a timer.
brokergate.auth.signing-keys.rotation-interval=3650d
# Real client addresses (login throttling) and scheme (Secure cookies) from the ingress only.
quarkus.http.proxy.proxy-address-forwarding=true
quarkus.http.proxy.allow-x-forwarded=true
quarkus.http.proxy.trusted-proxies={{ $root.Values.trustedProxies }}
{{- else }}
{{- if eq .key "trade" }}
# Orders, executions, idempotency keys, risk limits, bracket legs: PostgreSQL, schema {{ $root.Values.postgresql.tradeSchema }} (Flyway creates it).
quarkus.datasource.trade.jdbc.url={{ $root.Values.postgresql.jdbcUrl }}
quarkus.datasource.trade.username=${BROKERGATE_DB_USERNAME}
quarkus.datasource.trade.password=${BROKERGATE_DB_PASSWORD}
brokergate.trade.database-schema={{ $root.Values.postgresql.tradeSchema }}
{{- end }}
# Kafka (cluster profile): every client of the service uses these kafka.* settings.
kafka.bootstrap.servers={{ $root.Values.kafka.bootstrapServers }}
kafka.security.protocol={{ $root.Values.kafka.securityProtocol }}
{{- if $root.Values.kafka.sasl.mechanism }}
kafka.sasl.mechanism={{ $root.Values.kafka.sasl.mechanism }}
kafka.sasl.jaas.config=${KAFKA_SASL_JAAS_CONFIG}
{{- end }}
# Topics are created at startup when missing (partitions, retention, compaction: messaging-kafka's defaults).
brokergate.kafka.create-topics={{ $root.Values.kafka.createTopics }}
{{- range $topic := list "market-data" "order-events" "subscription-intents" "account-shards" }}
brokergate.kafka.topics.{{ $topic }}.replication-factor={{ if gt (int $root.Values.kafka.replicationFactor) 0 }}{{ $root.Values.kafka.replicationFactor }}{{ end }}
{{- end }}
{{- end }}
{{- range $name, $value := $svc.config }}
{{ $name }}={{ $value }}
{{- end }}
{{- end -}}
