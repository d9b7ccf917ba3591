{{/* Release-wide name: the release name, or release-chart when the release name lacks the chart name. */}}
{{- define "brokergate.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The component name of a service key: auth -> auth-service. */}}
{{- define "brokergate.component" -}}
{{- printf "%s-service" . -}}
{{- end -}}

{{/* Object name of a service's objects. Context: dict root key. */}}
{{- define "brokergate.serviceName" -}}
{{- printf "%s-%s" (include "brokergate.fullname" .root) (include "brokergate.component" .key) -}}
{{- end -}}

{{- define "brokergate.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: brokergate
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: brokergate
{{- end -}}

{{/* Labels selecting every pod of this release. */}}
{{- define "brokergate.releaseSelector" -}}
app.kubernetes.io/name: brokergate
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels selecting one service's pods. Context: dict root key. */}}
{{- define "brokergate.selector" -}}
{{ include "brokergate.releaseSelector" .root }}
app.kubernetes.io/component: {{ include "brokergate.component" .key }}
{{- end -}}

{{/* Image reference; the tag defaults to the chart's appVersion and is never "latest". Context: dict root key. */}}
{{- define "brokergate.image" -}}
{{- $image := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $image.tag | toString -}}
{{- if or (eq (lower $tag) "latest") (hasSuffix ":latest" $tag) -}}
{{- fail "image.tag must name a version (default: the chart's appVersion), never latest" -}}
{{- end -}}
{{- if eq $image.variant "native" -}}
{{- $tag = printf "%s-native" $tag -}}
{{- else if ne $image.variant "jvm" -}}
{{- fail "image.variant must be jvm or native" -}}
{{- end -}}
{{- $repository := printf "%s/%s" $image.repositoryPrefix (include "brokergate.component" .key) -}}
{{- if $image.registry -}}
{{- printf "%s/%s:%s" $image.registry $repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{/* Secret names: an existing Secret's name, or the one the chart generates. */}}
{{- define "brokergate.credentialKeySecret" -}}
{{- default (printf "%s-credential-key" (include "brokergate.fullname" .)) .Values.secrets.credentialKey -}}
{{- end -}}
{{- define "brokergate.signingKeySecret" -}}
{{- default (printf "%s-signing-key" (include "brokergate.fullname" .)) .Values.secrets.signingKey -}}
{{- end -}}
{{- define "brokergate.introspectionSecret" -}}
{{- default (printf "%s-introspection" (include "brokergate.fullname" .)) .Values.secrets.introspection -}}
{{- end -}}

{{/* In-cluster URL of auth-service. */}}
{{- define "brokergate.authUrl" -}}
{{- printf "http://%s:%d" (include "brokergate.serviceName" (dict "root" . "key" "auth")) (int .Values.service.port) -}}
{{- end -}}

{{/* Ingress host: ingress.host, else the host of publicUrl. */}}
{{- define "brokergate.host" -}}
{{- default (urlParse .Values.publicUrl).host .Values.ingress.host -}}
{{- end -}}

{{/* One NetworkPolicy egress rule from {to, ports}: no `to` means any destination on those ports. */}}
{{- define "brokergate.egressRule" -}}
{{- $ports := list -}}
{{- range .ports -}}
{{- $ports = append $ports (dict "port" . "protocol" "TCP") -}}
{{- end -}}
{{- $rule := dict "ports" $ports -}}
{{- with .to -}}
{{- $_ := set $rule "to" . -}}
{{- end -}}
{{- toYaml (list $rule) -}}
{{- end -}}
