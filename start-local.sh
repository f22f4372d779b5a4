#!/usr/bin/env bash
# Starts the whole ISECG Coordination Hub on this machine, with no Docker: builds the service jars
# (a fresh clone downloads its dependencies first, which takes a few minutes), then runs the local
# stack in the foreground. Ctrl-C stops everything. Options go to the launcher:
#   --reset            start from empty data (deletes .local-stack/)
#   --base-port N      move every port by N-8080 (gateway on N, services on N+1..N+4, token issuer
#                      on N+5, Kafka and MongoDB shifted alike), to run beside another stack
#   --data-dir DIR     keep the data elsewhere
#   --no-seed          do not load the agency register's data once the stack is up (docs/seeding.md)
set -euo pipefail
cd "$(dirname "$0")"
echo "Building the services (./mvnw package -DskipTests)..."
./mvnw -B -q -DskipTests package \
    -pl local-stack,gateway,agency-service,roadmap-service,standards-service,notification-service,identity-service -am
exec java -jar local-stack/target/local-stack-exec.jar "$@"
