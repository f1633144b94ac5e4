{{/* Release-scoped name: "todo-chatbot" for the release todo-chatbot. */}}
{{- define "todo-chatbot.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels every object carries. */}}
{{- define "todo-chatbot.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: todo-chatbot
{{- end -}}

{{/* Selector labels of one component; call with (dict "root" $ "component" "backend"). */}}
{{- define "todo-chatbot.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The Secret holding DATABASE_URL, the JWT secret, Kafka SASL credentials and the LLM key. */}}
{{- define "todo-chatbot.secretName" -}}
{{- if .Values.secrets.existingSecret -}}
{{- .Values.secrets.existingSecret -}}
{{- else -}}
{{- printf "%s-secrets" (include "todo-chatbot.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* The database URL of a Secret the chart creates (no secrets.existingSecret). */}}
{{- define "todo-chatbot.databaseURL" -}}
{{- required "set secrets.databaseURL or secrets.existingSecret" .Values.secrets.databaseURL -}}
{{- end -}}

{{/* A digest of what the chart's Secret is made from, for the Pods' checksum/secret annotation.
The values, not the rendered Secret: a generated JWT key differs on every render without
`lookup`, and must not roll the Pods. With secrets.existingSecret only its name is known. */}}
{{- define "todo-chatbot.secretChecksum" -}}
{{- toJson .Values.secrets | sha256sum -}}
{{- end -}}

{{/* The broker mode the services run with: dapr whenever the Dapr sidecars are enabled. */}}
{{- define "todo-chatbot.brokerMode" -}}
{{- if .Values.dapr.enabled -}}dapr{{- else -}}{{ .Values.broker.mode }}{{- end -}}
{{- end -}}

{{/* The Dapr app id of one component; call with (dict "root" $ "component" "backend"). */}}
{{- define "todo-chatbot.daprAppId" -}}
{{- printf "%s-%s" (include "todo-chatbot.fullname" .root) .component -}}
{{- end -}}

{{/* Whether a service takes part in messaging (publishes or consumes), so gets a Dapr sidecar. */}}
{{- define "todo-chatbot.usesEvents" -}}
{{- if or .events.publishes .events.consumes -}}true{{- end -}}
{{- end -}}

{{/* Dapr's saslMechanism spelling (SHA-256) from Kafka's (SCRAM-SHA-256). */}}
{{- define "todo-chatbot.daprSaslMechanism" -}}
{{- .Values.broker.kafka.saslMechanism | trimPrefix "SCRAM-" -}}
{{- end -}}

{{/* Environment shared by every service container and the migration Job. */}}
{{- define "todo-chatbot.env" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef: {name: {{ include "todo-chatbot.secretName" . }}, key: database-url}
- name: JWT_SECRET
  valueFrom:
    secretKeyRef: {name: {{ include "todo-chatbot.secretName" . }}, key: jwt-secret}
- name: JWT_PREVIOUS_SECRETS
  valueFrom:
    secretKeyRef: {name: {{ include "todo-chatbot.secretName" . }}, key: jwt-previous-secrets, optional: true}
- name: KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef: {name: {{ include "todo-chatbot.secretName" . }}, key: kafka-sasl-username, optional: true}
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ include "todo-chatbot.secretName" . }}, key: kafka-sasl-password, optional: true}
- name: LLM_API_KEY
  valueFrom:
    secretKeyRef: {name: {{ include "todo-chatbot.secretName" . }}, key: llm-api-key, optional: true}
{{- end -}}

{{/* Pod security context shared by every pod: the image's non-root user. */}}
{{- define "todo-chatbot.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile: {type: RuntimeDefault}
{{- end -}}

{{- define "todo-chatbot.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities: {drop: [ALL]}
{{- end -}}
