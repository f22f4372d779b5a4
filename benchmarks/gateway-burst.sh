#!/usr/bin/env bash
# Agency registrations through the gateway as fast as a few connections make them (wrk), while the
# agency service's relay queue is sampled every 100 ms (on its management port): the gateway figure of
# docs/performance.md. Needs the local stack running (./start-local.sh) and wrk (apt-get install wrk);
# registers as the secretariat with a token from the stack's issuer (./hub token). Loopback only;
# it stops by itself after DURATION seconds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gateway=${GATEWAY:-http://127.0.0.1:8080}
# the agency service's actuator: its management port, which the gateway does not route
service=${AGENCY_SERVICE_MANAGEMENT:-http://127.0.0.1:8181}
duration=${DURATION:-15}
connections=${CONNECTIONS:-8}

# the sum of a metric's series in the service's Prometheus scrape
metric() {
  curl -sf "$service/actuator/prometheus" | awk -v name="$1" '$1 == name || index($1, name "{") == 1 { sum += $2 } END { printf "%d\n", sum }'
}

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }
curl -sf "$service/actuator/health" >/dev/null || { echo "no agency service at $service: ./start-local.sh first" >&2; exit 2; }

# the 5-minute token outlives any run of a few seconds
HUB_TOKEN=$("$here/../hub" token secretariat) || exit 2
export HUB_TOKEN
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
published_before=$(metric isecg_outbox_published_total)
(
  end=$((SECONDS + duration + 3))
  while [ "$SECONDS" -lt "$end" ]; do
    metric isecg_outbox_queued >> "$samples"
    sleep 0.1
  done
) &
sampler=$!
RUN=$(date +%s | tail -c 5) wrk -t2 -c"$connections" -d"${duration}s" --latency \
  -s "$here/wrk/register-agencies.lua" "$gateway"
wait "$sampler"
published_after=$(metric isecg_outbox_published_total)
echo "events the agency service's relay published during the run: $((published_after - published_before))"
echo "relay queue (documents signalled and not yet relayed), every 100 ms: max $(sort -n "$samples" | tail -1)," \
  "at the end $(tail -1 "$samples"), $(wc -l < "$samples") samples"
