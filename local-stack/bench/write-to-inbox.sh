#!/usr/bin/env bash
# Measures, on a running local stack, the time from a plan change accepted by the gateway to the
# matching entry in the owner's inbox: the full path gateway -> roadmap-service -> roadmap-plans ->
# notification-service -> overlaps -> inbox. It registers two of the issuer's agencies (UKSA and ASI,
# unless the register has them), puts two duplicating plans in a region of its own, then moves one
# plan's window in and out of overlap
# N times (each change opens or resolves the overlap) and prints every latency and the min,
# median and max. Loopback only, bounded: N changes (default 10), 10 s at most per change.
#   usage: local-stack/bench/write-to-inbox.sh [N]      (GATEWAY=http://127.0.0.1:8080 by default)
# The latency includes curl's polling of the inbox, a few milliseconds a round trip. It calls as the
# secretariat (which registers agencies and imports their plans) and reads the first agency's own
# notifications with that agency's token, each from the stack's issuer (./hub token; HUB_ISSUER for
# another issuer); it counts only the entries about its own plan.
set -euo pipefail
gateway=${GATEWAY:-http://127.0.0.1:8080}
root=$(cd "$(dirname "$0")/../.." && pwd)
auth="Authorization: Bearer $("$root/hub" token secretariat)"
changes=${1:-10}
suffix=$(date +%s%N | tail -c 7)
first=UKSA; second=ASI; region="BENCH_${suffix}"
# an inbox is its agency's own: only the agency's token reads it
reader="Authorization: Bearer $("$root/hub" token "$first")"

post() { curl -s -o /dev/null -w '%{http_code}' -X POST "$gateway$1" -H "$auth" -H 'Content-Type: application/json' -d "$2"; }
entries() { curl -s -H "$reader" "$gateway/api/v1/notifications?pageSize=200" | grep -o '"planIds":\[[^]]*\]' | grep -c "$moving" || true; }
plan() { # owner, start, end
    printf '{"ownerAgency":"%s","title":"bench %s","destination":"MOON","region":"%s","capabilities":["ROVER"],"start":"%s","end":"%s","status":"PLANNED"}' "$1" "$1" "$region" "$2" "$3"
}

for agency in "$first" "$second"; do # 409: registered already
    [[ "$(post /api/v1/agencies "{\"code\":\"$agency\",\"name\":\"Bench $agency\",\"countries\":[\"FR\"],\"kind\":\"NATIONAL_AGENCY\",\"membership\":\"NON_MEMBER\"}")" =~ ^(201|409)$ ]]
done
# the roadmap learns the agencies from their events: retry while it answers 422
create_plan() {
    local body=$1 answer
    for _ in $(seq 1 100); do
        answer=$(curl -s -X POST "$gateway/api/v1/plans" -H "$auth" -H 'Content-Type: application/json' -d "$body")
        if [[ $answer == *'"planId"'* ]]; then sed -E 's/.*"planId":"([^"]+)".*/\1/' <<<"$answer"; return; fi
        sleep 0.1
    done
    echo "plan not accepted: $answer" >&2; exit 1
}
moving=$(create_plan "$(plan "$first" 2031-01-01 2034-12-31)")
create_plan "$(plan "$second" 2029-01-01 2032-12-31)" >/dev/null

until [ "$(entries)" -ge 1 ]; do sleep 0.1; done
version=1
latencies=()
for i in $(seq 1 "$changes"); do
    if (( i % 2 )); then start=2035-01-01; end=2036-12-31; else start=2031-01-01; end=2034-12-31; fi
    before=$(entries)
    t0=$(date +%s%N)
    status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT "$gateway/api/v1/plans/$moving" -H "$auth" \
        -H 'Content-Type: application/json' -H "If-Match: \"$version\"" -d "$(plan "$first" $start $end)")
    [ "$status" = 200 ] || { echo "change $i refused with $status" >&2; exit 1; }
    deadline=$(( t0 + 10000000000 ))
    while [ "$(entries)" -le "$before" ]; do
        (( $(date +%s%N) < deadline )) || { echo "change $i: no inbox entry within 10 s" >&2; exit 1; }
    done
    ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    latencies+=("$ms")
    echo "change $i: $ms ms"
    version=$((version + 1))
done
sorted=($(printf '%s\n' "${latencies[@]}" | sort -n))
echo "write to inbox over $changes changes: min ${sorted[0]} ms, median ${sorted[$((changes / 2))]} ms, max ${sorted[$((changes - 1))]} ms"
