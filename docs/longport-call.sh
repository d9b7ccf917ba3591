#!/usr/bin/env bash
# Sends one signed LongPort OpenAPI REST request, exactly as the official SDKs sign it.
#   ./docs/longport-call.sh METHOD /path[?query] [json-body]
# Credentials: LONGPORT_APP_KEY, LONGPORT_APP_SECRET, LONGPORT_ACCESS_TOKEN (the SDKs' own variable
# names); when unset, the first account of the local paper exchange's admin API is used.
# LONGPORT_HTTP_URL picks the server (default http://localhost:8081). Needs curl, openssl, sha1sum.
set -euo pipefail
method=${1:?usage: $0 METHOD /path[?query] [json-body]}
target=${2:?usage: $0 METHOD /path[?query] [json-body]}
body=${3:-}
base=${LONGPORT_HTTP_URL:-http://localhost:8081}

field() { # first value of a string field in a JSON document on stdin
  tr -d '\n' | sed -n "s/^[^{]*{[^}]*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p"
}
if [ -z "${LONGPORT_APP_KEY:-}" ]; then
  accounts=$(curl -fsS "$base/admin/accounts")
  LONGPORT_APP_KEY=$(printf '%s' "$accounts" | field app_key)
  LONGPORT_APP_SECRET=$(printf '%s' "$accounts" | field app_secret)
  LONGPORT_ACCESS_TOKEN=$(printf '%s' "$accounts" | field access_token)
fi

path=${target%%\?*}
query=""
[ "$path" != "$target" ] && query=${target#*\?}
ts=$(date +%s.%3N)
body_sha=""
[ -n "$body" ] && body_sha=$(printf '%s' "$body" | sha1sum | cut -d' ' -f1)

canonical_sha=$(printf '%s|%s|%s|authorization:%s\nx-api-key:%s\nx-timestamp:%s\n|authorization;x-api-key;x-timestamp|%s' \
  "$method" "$path" "$query" "$LONGPORT_ACCESS_TOKEN" "$LONGPORT_APP_KEY" "$ts" "$body_sha" | sha1sum | cut -d' ' -f1)
signature=$(printf 'HMAC-SHA256|%s' "$canonical_sha" | openssl dgst -sha256 -hmac "$LONGPORT_APP_SECRET" -r | cut -d' ' -f1)

args=(-sS -X "$method" "$base$target"
  -H "X-Api-Key: $LONGPORT_APP_KEY"
  -H "Authorization: $LONGPORT_ACCESS_TOKEN"
  -H "X-Timestamp: $ts"
  -H "X-Api-Signature: HMAC-SHA256 SignedHeaders=authorization;x-api-key;x-timestamp, Signature=$signature"
  -H "Content-Type: application/json; charset=utf-8")
[ -n "$body" ] && args+=(--data-binary "$body")
curl "${args[@]}"
echo
