#!/usr/bin/env bash
# Real servers for the contract and integration tests on a machine without containers:
# a private RabbitMQ node and a private Ceph RADOS Gateway (S3), both bound to 127.0.0.1.
#
#   scripts/test-services.sh start   install if missing, start both (in parallel), write the env file
#   scripts/test-services.sh stop    stop both, delete their data
#   scripts/test-services.sh env     print the env file (source it: `. .test-services/env`)
#
# Data lives in .test-services/ (gitignored). Ports can be changed with AIM_TEST_RABBITMQ_PORT,
# AIM_TEST_RABBITMQ_DIST_PORT, AIM_TEST_RGW_PORT, AIM_TEST_CEPH_MON_PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="$ROOT/.test-services"
ENV_FILE="$BASE/env"

# Below Linux's ephemeral range (32768–60999 by default): a listening port in that range can be taken first by
# any outgoing connection (the Ceph daemons' own, for one) — radosgw once failed "Address already in use" on 37480.
AMQP_PORT="${AIM_TEST_RABBITMQ_PORT:-27672}"
DIST_PORT="${AIM_TEST_RABBITMQ_DIST_PORT:-27682}"
RGW_PORT="${AIM_TEST_RGW_PORT:-27480}"
MON_PORT="${AIM_TEST_CEPH_MON_PORT:-26789}"
OSD_PORT_MIN="${AIM_TEST_CEPH_OSD_PORT_MIN:-26800}"
OSD_PORT_MAX="$((OSD_PORT_MIN + 40))"
NODE="aimtest-${AMQP_PORT}@localhost"
RMQ_USER="aim"
RMQ_PASS="aim-test-pass"
S3_ACCESS="AIMTESTACCESSKEY0001"
S3_SECRET="aim-test-secret-key-0001-not-for-production"
S3_BUCKET="aim-tests"

RMQ="$BASE/rabbitmq"
CEPH="$BASE/ceph"

log() { printf '[test-services] %s\n' "$*" >&2; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # port seconds what
  local deadline=$((SECONDS + $2))
  until port_open "$1"; do
    if ((SECONDS > deadline)); then log "$3 did not open port $1 within $2 s"; return 1; fi
    sleep 0.2
  done
}

install_missing() {
  local pkgs=()
  [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || pkgs+=(rabbitmq-server)
  command -v ceph-mon >/dev/null || pkgs+=(ceph-mon)
  command -v ceph-osd >/dev/null || pkgs+=(ceph-osd)
  command -v radosgw >/dev/null || pkgs+=(radosgw)
  command -v ceph >/dev/null || pkgs+=(ceph-common)
  ((${#pkgs[@]} == 0)) && return 0
  log "installing ${pkgs[*]} (once, ~80 s)"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get install -y --no-install-recommends "${pkgs[@]}" >"$BASE/apt.log" 2>&1 || {
    "${sudo[@]}" apt-get update >>"$BASE/apt.log" 2>&1
    "${sudo[@]}" apt-get install -y --no-install-recommends "${pkgs[@]}" >>"$BASE/apt.log" 2>&1
  }
  # The package tries to start its own node on the default ports where an init system exists.
  pgrep -f 'beam.*rabbit@' >/dev/null 2>&1 && log "note: a system RabbitMQ node is running too" || true
}

# ---------------------------------------------------------------- RabbitMQ
rmq_env() {
  export HOME="$RMQ/home" # the Erlang cookie lives here, for the server and for rabbitmqctl alike
  export RABBITMQ_NODENAME="$NODE"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$AMQP_PORT"
  export RABBITMQ_DIST_PORT="$DIST_PORT"
  export RABBITMQ_MNESIA_BASE="$RMQ/mnesia"
  export RABBITMQ_LOG_BASE="$RMQ/log"
  export RABBITMQ_PID_FILE="$RMQ/pid"
  export RABBITMQ_CONFIG_FILE="$RMQ/rabbitmq"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ/enabled_plugins"
  export RABBITMQ_CONF_ENV_FILE="$RMQ/rabbitmq-env.conf"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export ERL_EPMD_ADDRESS=127.0.0.1
}

rmq_ctl() { (rmq_env && /usr/lib/rabbitmq/bin/rabbitmqctl -n "$NODE" "$@"); }

start_rabbitmq() {
  local t0=$SECONDS
  if port_open "$AMQP_PORT" && rmq_ctl -q status >/dev/null 2>&1; then
    log "RabbitMQ already running on $AMQP_PORT"
    return 0
  fi
  rm -rf "$RMQ"
  mkdir -p "$RMQ/home" "$RMQ/mnesia" "$RMQ/log"
  head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$RMQ/home/.erlang.cookie"
  chmod 400 "$RMQ/home/.erlang.cookie"
  : >"$RMQ/rabbitmq-env.conf"
  echo '[].' >"$RMQ/enabled_plugins"
  echo '[].' >"$RMQ/advanced.config"
  cat >"$RMQ/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
loopback_users = none
default_user = $RMQ_USER
default_pass = $RMQ_PASS
heartbeat = 10
log.file.level = info
log.console = false
EOF
  # A wrapper the tests call: `ctl stop-node` / `ctl start-node` restart the broker on its data;
  # anything else goes to rabbitmqctl for this node.
  cat >"$RMQ/ctl" <<EOF
#!/usr/bin/env bash
case "\${1:-}" in
  stop-node | start-node) exec "$ROOT/scripts/test-services.sh" "rabbitmq-\$1" ;;
esac
export HOME="$RMQ/home" ERL_EPMD_ADDRESS=127.0.0.1
exec /usr/lib/rabbitmq/bin/rabbitmqctl -n "$NODE" "\$@"
EOF
  chmod +x "$RMQ/ctl"
  launch_rabbitmq
  log "RabbitMQ up on 127.0.0.1:$AMQP_PORT in $((SECONDS - t0)) s"
}

# Starts the node on its existing data (also used to restart it in the broker-restart tests).
launch_rabbitmq() {
  (
    rmq_env
    # setsid: never in the caller's process group (a test runner's `timeout` must not take it down).
    setsid nohup /usr/lib/rabbitmq/bin/rabbitmq-server >>"$RMQ/log/stdout.log" 2>&1 </dev/null &
    echo $! >"$RMQ/launcher.pid"
  )
  wait_port "$AMQP_PORT" 60 RabbitMQ || { tail -20 "$RMQ/log/stdout.log" >&2; return 1; }
  rmq_ctl -q await_startup >/dev/null
}

# Stops the node but keeps its data (durable queues and persistent messages survive).
halt_rabbitmq() {
  rmq_ctl -q stop >/dev/null 2>&1 || true
  local pid
  if [[ -f "$RMQ/pid" ]]; then
    pid=$(cat "$RMQ/pid")
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  if [[ -f "$RMQ/launcher.pid" ]]; then
    pid=$(cat "$RMQ/launcher.pid")
    kill "$pid" 2>/dev/null || true
  fi
}

stop_rabbitmq() {
  [[ -d "$RMQ" ]] || return 0
  halt_rabbitmq
  rm -rf "$RMQ"
}

# ---------------------------------------------------------------- Ceph RGW
ceph_conf() {
  cat <<EOF
[global]
fsid = $1
mon_host = v1:127.0.0.1:$MON_PORT
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
ms_bind_msgr2 = false
ms_bind_port_min = $OSD_PORT_MIN
ms_bind_port_max = $OSD_PORT_MAX
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_crush_chooseleaf_type = 0
mon_allow_pool_size_one = true
mon_max_pg_per_osd = 1000
mon_data_avail_warn = 2
mon_data_avail_crit = 1
mon_warn_on_pool_no_redundancy = false
osd_objectstore = memstore
memstore_device_bytes = 2147483648
run_dir = $CEPH/run
admin_socket = $CEPH/run/\$cluster-\$name.asok
log_file = $CEPH/log/\$cluster-\$name.log
pid_file = $CEPH/run/\$cluster-\$name.pid
keyring = $CEPH/keyring
osd_max_object_name_len = 256
osd_max_object_namespace_len = 64

[mon.a]
mon_data = $CEPH/mon

[osd.0]
osd_data = $CEPH/osd
osd_journal = $CEPH/osd/journal

[client.rgw.a]
rgw_frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw_data = $CEPH/rgw
rgw_enable_usage_log = false
rgw_dns_name = 127.0.0.1
EOF
}

start_ceph() {
  local t0=$SECONDS
  local conf="$CEPH/ceph.conf"
  if port_open "$RGW_PORT" && [[ -f "$conf" ]]; then
    log "Ceph RGW already running on $RGW_PORT"
    return 0
  fi
  stop_ceph
  mkdir -p "$CEPH"/{run,log,mon,osd,rgw}
  local fsid osd_uuid
  fsid=$(cat /proc/sys/kernel/random/uuid)
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  ceph_conf "$fsid" >"$conf"
  ceph-authtool --create-keyring "$CEPH/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --clobber --fsid "$fsid" --addv a "[v1:127.0.0.1:$MON_PORT]" "$CEPH/monmap" >/dev/null
  ceph-mon -c "$conf" --mkfs -i a --monmap "$CEPH/monmap" --keyring "$CEPH/keyring"
  ceph-mon -c "$conf" -i a
  wait_port "$MON_PORT" 30 ceph-mon
  # A listening monitor may not answer commands yet (EPERM "problem getting command descriptions" on a busy
  # machine): retry; `osd new` with the same uuid returns the same id.
  local id=""
  for _ in $(seq 30); do
    id=$(timeout 30 ceph -c "$conf" osd new "$osd_uuid" 2>>"$CEPH/log/osd-new.err") && [[ -n "$id" ]] && break
    id=""
    sleep 1
  done
  [[ -n "$id" ]] || { echo "ceph-mon did not accept 'osd new' (see $CEPH/log/osd-new.err)" >&2; return 1; }
  ceph-osd -c "$conf" -i "$id" --mkfs --osd-uuid "$osd_uuid" 2>"$CEPH/log/osd-mkfs.err" >/dev/null
  # The OSD can race the monitor ("wrong fsid") on a fresh cluster: retry its start.
  local ok=0
  for _ in 1 2 3 4 5; do
    ceph-osd -c "$conf" -i "$id" 2>>"$CEPH/log/osd-start.err" || true
    for _ in $(seq 60); do
      if timeout 5 ceph -c "$conf" osd dump 2>/dev/null | grep -q "^osd.$id up"; then ok=1; break; fi
      # It exits at once when it lost the race: start it again without waiting.
      [[ -f "$CEPH/run/ceph-osd.$id.pid" ]] && ! kill -0 "$(cat "$CEPH/run/ceph-osd.$id.pid")" 2>/dev/null && break
      sleep 0.25
    done
    ((ok)) && break
    pkill -9 -F "$CEPH/run/ceph-osd.$id.pid" 2>/dev/null || true
    sleep 1
  done
  ((ok)) || { log "ceph-osd did not come up"; tail -20 "$CEPH/log/ceph-osd.$id.log" >&2; return 1; }
  radosgw -c "$conf" -n client.rgw.a
  wait_port "$RGW_PORT" 60 radosgw || { tail -20 "$CEPH/log/ceph-client.rgw.a.log" >&2; return 1; }
  radosgw-admin -c "$conf" user create --uid=aim-tests --display-name="AI Mastering tests" \
    --access-key="$S3_ACCESS" --secret="$S3_SECRET" >/dev/null
  log "Ceph RGW up on 127.0.0.1:$RGW_PORT in $((SECONDS - t0)) s"
}

stop_ceph() {
  [[ -d "$CEPH/run" ]] || { rm -rf "$CEPH"; return 0; }
  local f
  # radosgw ignores SIGTERM: kill -9 everything of this private cluster by its pid files.
  for f in "$CEPH"/run/*.pid; do
    [[ -f "$f" ]] || continue
    kill -9 "$(cat "$f")" 2>/dev/null || true
  done
  sleep 0.3
  rm -rf "$CEPH"
}

write_env() {
  mkdir -p "$BASE"
  cat >"$ENV_FILE" <<EOF
export AIM_TEST_RABBITMQ='amqp://$RMQ_USER:$RMQ_PASS@127.0.0.1:$AMQP_PORT/'
export AIM_TEST_RABBITMQ_CTL='$RMQ/ctl'
export AIM_TEST_S3='Endpoint=http://127.0.0.1:$RGW_PORT;AccessKey=$S3_ACCESS;SecretKey=$S3_SECRET;Bucket=$S3_BUCKET'
EOF
}

case "${1:-}" in
  start)
    mkdir -p "$BASE"
    install_missing
    t0=$SECONDS
    start_rabbitmq >"$BASE/rabbitmq.start.log" 2>&1 &
    rpid=$!
    start_ceph >"$BASE/ceph.start.log" 2>&1 &
    cpid=$!
    rc=0
    wait $rpid || { rc=1; cat "$BASE/rabbitmq.start.log" >&2; }
    wait $cpid || { rc=1; cat "$BASE/ceph.start.log" >&2; }
    cat "$BASE/rabbitmq.start.log" "$BASE/ceph.start.log" | grep '^\[test-services\]' >&2 || true
    ((rc == 0)) || exit 1
    write_env
    log "all up in $((SECONDS - t0)) s; env in $ENV_FILE"
    ;;
  stop)
    stop_rabbitmq &
    stop_ceph &
    wait
    rm -f "$ENV_FILE"
    log "stopped"
    ;;
  rabbitmq-stop-node) halt_rabbitmq ;;
  rabbitmq-start-node) launch_rabbitmq ;;
  env)
    [[ -f "$ENV_FILE" ]] || { log "not started: run scripts/test-services.sh start"; exit 1; }
    cat "$ENV_FILE"
    ;;
  *)
    echo "usage: $0 start|stop|env" >&2
    exit 2
    ;;
esac
