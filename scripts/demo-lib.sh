# Generic helpers for scripts/demo.sh (sourced, not run).

log() { printf "[demo %4ss] %s\n" "$SECONDS" "$*"; }

die() {
  printf "[demo %4ss] ERROR: %s\n" "$SECONDS" "$*" >&2
  exit 1
}

# True when something already listens on localhost:<port>.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# http_ok <url> <seconds>: true when the url answers 2xx within the time (curl, else node).
http_ok() {
  if command -v curl >/dev/null; then
    curl -sf -o /dev/null --max-time "$2" "$1"
  else
    node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(process.argv[2] * 1000) })
      .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1" "$2"
  fi
}

# step <title> <logfile> <command…>: runs a setup step with its output in a log; on failure shows the tail.
step() {
  local name=$1 logfile=$2
  shift 2
  log "$name"
  if ! "$@" >"$logfile" 2>&1 9>&-; then
    tail -n 40 "$logfile" >&2
    die "$name failed (full log: $logfile)"
  fi
}

# wait_for_url <url> <seconds> <pid> <logfile>: polls until the url answers, while <pid> lives.
wait_for_url() {
  local url=$1 limit=$2 pid=$3 logfile=$4 start=$SECONDS
  until http_ok "$url" 2; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$logfile" >&2
      die "the process behind $url exited (full log: $logfile)"
    fi
    if [ $((SECONDS - start)) -ge "$limit" ]; then
      tail -n 40 "$logfile" >&2
      die "$url did not answer within ${limit}s (full log: $logfile)"
    fi
    sleep 0.5
  done
}

# Live (non-zombie) members of a process group.
group_members() { ps -e -o pgid=,stat=,pid= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { print $3 }'; }

# stop_group <pgid> <name>: SIGTERM to the whole group, SIGKILL after 15 s.
stop_group() {
  local pgid=$1 name=$2
  [ -n "$pgid" ] || return 0
  [ -n "$(group_members "$pgid")" ] || return 0
  log "stopping $name"
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for _ in $(seq 1 75); do
    [ -n "$(group_members "$pgid")" ] || return 0
    sleep 0.2
  done
  log "$name did not stop within 15 s; killing it"
  kill -KILL -- "-$pgid" 2>/dev/null || true
}
