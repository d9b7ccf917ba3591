{{/*
The path routing table (ingress-nginx regular expressions, matched case-insensitively from the
start of the path; the longest matching path wins). README.md documents it row by row and
deploy-tests checks every documented request against the rendered Ingresses.
*/}}
{{- define "brokergate.routes" -}}
auth:
  - /oauth/
  - /\.well-known/
  - /tv/(authorize|logout)$
  - /v1/admin/
quote:
  - /v1/(quotes|candles|depth|trades|instruments|calendar)(/|$)
  - /tv/(quotes|depth|symbol_info|history|groups|permissions|mapping)$
trade:
  - /v1/accounts(/|$)
  - /v1/(brokers|session|risk)(/|$)
  - /tv/(config|userInfo|trackLatency)$
  - /tv/accounts(/|$)
stream:
  - /v1/(stream|events)$
  - /tv/accounts/[^/]+/stream/
  - /tv/(stream/quotes|streaming)$
{{- end -}}
