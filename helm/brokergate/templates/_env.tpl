{{/* Environment variables set from Secrets (referenced by the ConfigMap's application.properties). Context: dict root key. */}}
{{- define "brokergate.secretEnv" -}}
{{- $root := .root -}}
- name: BROKERGATE_INTROSPECTION_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "brokergate.introspectionSecret" $root }}
      key: secret
- name: JAVA_MAX_MEM_RATIO
  value: "70"
{{- if ne .key "auth" }}
# Cluster mode: the event channels on Kafka (the services' %cluster settings, messaging-kafka).
- name: QUARKUS_PROFILE
  value: prod,cluster
{{- end }}
{{- if eq .key "stream" }}
# The pod's internal URL, advertised in its shard claims: trade and quote pods send the broker calls of the
# accounts it owns to {url}/internal/v1/accounts/... (messaging-kafka ShardOwners, remote-sessions).
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: BROKERGATE_KAFKA_SHARDS_ADVERTISED_URL
  value: http://$(POD_IP):8080
{{- end }}
{{- if eq .key "auth" }}
- name: BROKERGATE_CREDENTIAL_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "brokergate.credentialKeySecret" $root }}
      key: current
{{- with $root.Values.bootstrap.operator.existingSecret }}
# The first platform operator (created once, when no operator exists); the password is a mounted file.
- name: BROKERGATE_AUTH_BOOTSTRAP_OPERATOR_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $root.Values.bootstrap.operator.usernameKey }}
{{- end }}
{{- end }}
{{- if or (eq .key "auth") (eq .key "trade") }}
- name: BROKERGATE_DB_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.postgresql.existingSecret }}
      key: {{ $root.Values.postgresql.usernameKey }}
- name: BROKERGATE_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.postgresql.existingSecret }}
      key: {{ $root.Values.postgresql.passwordKey }}
{{- end }}
{{- if and (ne .key "auth") $root.Values.kafka.sasl.mechanism }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.sasl.existingSecret is required with kafka.sasl.mechanism" $root.Values.kafka.sasl.existingSecret }}
      key: {{ $root.Values.kafka.sasl.jaasConfigKey }}
{{- end }}
{{- end -}}
