#!/bin/sh
# Creates CowHealth's topics on the compose stack's broker, then exits; the services start once it
# succeeded. Run by the kafka-init service in the apache/kafka image; safe to run again (topics
# that exist are left as they are). tests/CowHealth.Tests/Compose/KafkaInit_Specs.cs runs it
# against a stand-in for kafka-topics.sh.
set -eu

bootstrap=${KAFKA_BOOTSTRAP:-kafka:29092}
topics_tool=${KAFKA_TOPICS_TOOL:-/opt/kafka/bin/kafka-topics.sh}
attempts=${KAFKA_INIT_ATTEMPTS:-30}
pause=${KAFKA_INIT_RETRY_SECONDS:-2}

# The broker's healthcheck has passed, but a controller that has just been elected can still turn
# an admin request away for a moment: one transient error must not stop the whole stack.
with_retries() {
  attempt=1
  until "$@"; do
    if [ "$attempt" -ge "$attempts" ]; then
      echo "kafka-init: giving up after $attempts attempts: $*" >&2
      return 1
    fi
    echo "kafka-init: attempt $attempt failed, retrying in ${pause}s: $*" >&2
    attempt=$((attempt + 1))
    sleep "$pause"
  done
}

create() {
  with_retries "$topics_tool" --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor 1
}

with_retries "$topics_tool" --bootstrap-server "$bootstrap" --list > /dev/null

# Readings are keyed by cow, so their partition count bounds the Processor's parallelism; it
# matches the local run's embedded broker. Every topic a consumer dead-letters from has its .dlq.
create cow-health-data 12
create cow-health-data.dlq 3
create cow-health-alerts 3
create cow-health-commands 3
create cow-health-commands.dlq 3

with_retries "$topics_tool" --bootstrap-server "$bootstrap" --list
