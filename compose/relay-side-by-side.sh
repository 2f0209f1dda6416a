#!/usr/bin/env bash
# The same system, three ways of moving the outbox to Kafka, back to back, on one out-of-process Kafka broker:
#   ours       Converge's relay (woken by each local commit)
#   cdc-500ms  Eventuate CDC 0.16's polling relay at its default poll (one process per service database)
#   cdc-10ms   the same relay tuned to a 10 ms poll
# and one table of the results (docs/benchmark-relays.md by default).
#
# usage: compose/relay-side-by-side.sh PEER_DIR [OUT.md] [bench arguments]
#   PEER_DIR  a copy of the peer relay (../shared/peer on the project's machine: eventuate-cdc-relay/ and
#             kafka-broker/, built with `mvn -q -B package` in each, or built here when not)
#   OUT.md    where the table goes (default docs/benchmark-relays.md)
#   bench arguments default to: seconds=30 warmup=15 closed=1,16 open=
# Needs: the local stack's jar (./mvnw -q -DskipTests install), MariaDB on 127.0.0.1:3306 as root (its converge_*
# databases are dropped before each configuration), Java 17.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$HERE")
PEER=$(cd "${1:?usage: relay-side-by-side.sh PEER_DIR [OUT.md] [bench arguments]}" && pwd)
OUT=${2:-$TOP/docs/benchmark-relays.md}
shift $(( $# >= 2 ? 2 : 1 ))
BENCH_ARGS=${*:-seconds=30 warmup=15 closed=1,16 open=}
JAR=$TOP/compose/local-stack/target/converge-local-stack.jar
PORT=${PEER_KAFKA_PORT:-19092}
WORK=$(mktemp -d /tmp/relay-side-by-side-XXXX)
DATABASES="converge_orchestrator converge_order converge_inventory converge_customer converge_payment"
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -q -DskipTests install first" >&2; exit 1; }

for part in eventuate-cdc-relay kafka-broker; do
  if [ ! -d "$PEER/$part/target" ]; then
    echo "building $PEER/$part" >&2
    (cd "$PEER/$part" && mvn -q -B package -DskipTests)
  fi
done

BROKER_PID=""
STACK_PID=""
RELAY_PIDS=()
cleanup() {
  for pid in ${RELAY_PIDS[@]+"${RELAY_PIDS[@]}"}; do "$PEER/eventuate-cdc-relay/stop-relay.sh" "$pid" >/dev/null 2>&1 || true; done
  RELAY_PIDS=()
  if [ -n "$STACK_PID" ]; then kill "$STACK_PID" 2>/dev/null || true; wait "$STACK_PID" 2>/dev/null || true; fi
  STACK_PID=""
}
trap 'cleanup; [ -n "$BROKER_PID" ] && "$PEER/kafka-broker/stop-broker.sh" "$BROKER_PID" >/dev/null 2>&1' EXIT

BROKER_PID=$(KAFKA_BROKER_LOG=$WORK/kafka.log "$PEER/kafka-broker/start-broker.sh" "$PORT")
echo "Kafka (out of process) on 127.0.0.1:$PORT, pid $BROKER_PID" >&2

# CPU seconds used so far by these processes (utime + stime from /proc).
cpu_seconds() {
  local ticks=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "scale=2; $ticks / $(getconf CLK_TCK)" | bc
}

run() {
  local name=$1 poll=$2
  echo "== $name" >&2
  for db in $(mysql -uroot -h127.0.0.1 -N -e "SHOW DATABASES LIKE 'converge\\_%'"); do
    mysql -uroot -h127.0.0.1 -e "DROP DATABASE \`$db\`"
  done
  local relay_flag=""
  [ "$poll" != "-" ] && relay_flag="-Dconverge.outbox.relay.enabled=false"
  # shellcheck disable=SC2086
  (cd "$WORK" && CONVERGE_KAFKA_BOOTSTRAP=127.0.0.1:$PORT exec java -Xmx768m $relay_flag -jar "$JAR" \
    > "$WORK/stack-$name.log" 2>&1) &
  STACK_PID=$!
  if [ "$poll" != "-" ]; then
    # One Eventuate CDC relay per service database, started once the service has made its outbox table.
    for db in $DATABASES; do
      for _ in $(seq 1 240); do
        mysql -uroot -h127.0.0.1 -N -e "SELECT 1 FROM information_schema.tables WHERE table_schema = '$db' \
          AND table_name = 'message'" 2>/dev/null | grep -q 1 && break
        sleep 0.5
      done
      RELAY_PIDS+=("$(RELAY_LOG=$WORK/cdc-$name-$db.log RELAY_JAVA_OPTS=-Xmx256m \
        "$PEER/eventuate-cdc-relay/start-relay.sh" --jdbc-url "jdbc:mysql://127.0.0.1:3306/$db" --schema "$db" \
        --kafka-bootstrap-servers "127.0.0.1:$PORT" --poll-interval-ms "$poll" \
        --source-id "cdc-$db")")
    done
  fi
  for _ in $(seq 1 300); do grep -q "Converge is running" "$WORK/stack-$name.log" && break; sleep 1; done
  grep -q "Converge is running" "$WORK/stack-$name.log" || { tail -40 "$WORK/stack-$name.log" >&2; exit 1; }
  local before after started ended
  before=$(cpu_seconds ${RELAY_PIDS[@]+"${RELAY_PIDS[@]}"})
  started=$(date +%s.%N)
  # shellcheck disable=SC2086
  java -jar "$JAR" bench $BENCH_ARGS out="$WORK/bench-$name.md" >&2
  ended=$(date +%s.%N)
  after=$(cpu_seconds ${RELAY_PIDS[@]+"${RELAY_PIDS[@]}"})
  echo "$name $(echo "scale=2; ($after - $before) / ($ended - $started)" | bc)" >> "$WORK/relay-cpu.txt"
  cleanup
}

# The bench's rows: | run | offered | sagas/s | p50 | p95 | p99 | not completed | refused | relay | RSS | CPU |
rows() {
  grep -E '^\| (closed|open) loop \| [0-9.]+( clients|/s) \| [0-9.]+ \|' "$WORK/bench-$1.md" | sed 's/  */ /g'
}

p99_one_client() {
  rows "$1" | awk -F'|' '$3 ~ /^ 1 clients/ {gsub(/ /, "", $7); print $7; exit}'
}

if [ -z "${TABLE_FROM:-}" ]; then
  run ours -
  run cdc-500ms 500
  run cdc-10ms 10
else
  WORK=$TABLE_FROM   # only write the table from an earlier run's outputs
fi

{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores by \`compose/relay-side-by-side.sh\` (bench: \`$BENCH_ARGS\`)."
  echo "One out-of-process Kafka broker (KRaft, 1 partition per topic) for all three; fresh databases for each."
  echo "System CPU counts the local stack's JVM and MariaDB; the CDC relays' own five processes are the last column."
  echo
  echo "| relay | run | completed sagas/s | p50 ms | p95 ms | p99 ms | our relay's p50 / p99 ms per hop | system CPU (cores) | CDC relays' CPU (cores) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for name in ours cdc-500ms cdc-10ms; do
    cpu=$(awk -v n="$name" '$1 == n {printf "%.2f", $2}' "$WORK/relay-cpu.txt")
    [ "$name" = ours ] && cpu="—"
    rows "$name" | awk -F'|' -v n="$name" -v c="$cpu" '{
      sub(/^ /, "", $2); sub(/ $/, "", $2); relay = (n == "ours") ? $10 : " — ";
      printf "| %s | %s,%s |%s|%s|%s|%s|%s|%s| %s |\n", n, $2, $3, $4, $5, $6, $7, relay, $12, c}'
  done
  ours=$(p99_one_client ours)
  echo
  echo "Saga p99 at one client: Eventuate CDC at its default poll / ours = $(echo "scale=1; $(p99_one_client cdc-500ms) / $ours" | bc)×;" \
    "CDC at a 10 ms poll / ours = $(echo "scale=1; $(p99_one_client cdc-10ms) / $ours" | bc)×."
} > "$OUT"
cat "$OUT"
echo "Logs and each run's bench output: $WORK" >&2
