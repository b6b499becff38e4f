# Sourced by the server tests: start_serve LOG COMMAND... runs `roost serve`
# (COMMAND, listening on port 0) in the background with its stderr in LOG,
# waits until it says where it listens, and sets served_pid and served_url.
# Returns non-zero when it never does.
start_serve() {
  local log="$1"; shift
  "$@" 2> "$log" &
  served_pid=$!
  served_url=""
  for _ in $(seq 1 100); do
    served_url="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" || true)"
    [ -n "$served_url" ] && return 0
    sleep 0.1
  done
  return 1
}
