#!/usr/bin/env bash
# Starts Janus in the background with the repository's configuration (this folder).
#
# Every setting comes from the environment (defaults suit tests on one machine):
#   JANUS_HTTP_PORT (8088)   JANUS_WS_PORT (8188)   JANUS_BIND_IP (127.0.0.1)
#   JANUS_RTP_PORT_RANGE (20000-40000)   JANUS_ICE_ENFORCE_LIST (lo)   JANUS_NAT_1_1 (unset)
#   JANUS_API_SECRET, JANUS_TOKEN_SECRET (development values when unset, with a warning)
#   JANUS_ALLOW_ORIGIN (*)   JANUS_SERVER_NAME (vitrine-janus)   JANUS_DEBUG_LEVEL (4)
#   JANUS_RUN_DIR (a new temporary folder): receives conf/ (the rendered files, private),
#   janus.log and janus.pid.
# Prints the run folder on its last line and exits 0 once GET /janus/info answers; exits 1 with the
# log's tail otherwise. Stop it with: kill "$(cat "$RUN_DIR/janus.pid")".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

http_port="${JANUS_HTTP_PORT:-8088}"
ws_port="${JANUS_WS_PORT:-8188}"
bind_ip="${JANUS_BIND_IP:-127.0.0.1}"
rtp_range="${JANUS_RTP_PORT_RANGE:-20000-40000}"
ice_enforce="${JANUS_ICE_ENFORCE_LIST:-lo}"
allow_origin="${JANUS_ALLOW_ORIGIN:-*}"
server_name="${JANUS_SERVER_NAME:-vitrine-janus}"
debug_level="${JANUS_DEBUG_LEVEL:-4}"
if [ -z "${JANUS_API_SECRET:-}" ] || [ -z "${JANUS_TOKEN_SECRET:-}" ]; then
  echo "[janus] JANUS_API_SECRET / JANUS_TOKEN_SECRET unset: using development secrets (never in production)" >&2
fi
api_secret="${JANUS_API_SECRET:-vitrine-dev-api-secret}"
token_secret="${JANUS_TOKEN_SECRET:-vitrine-dev-token-secret}"
for value in "$api_secret" "$token_secret" "$server_name" "$allow_origin" "$ice_enforce"; do
  case "$value" in *'"'* | *'\'* | *'@'* | *$'\n'*) echo "[janus] settings may not contain \", \\, @ or newlines" >&2; exit 1 ;; esac
done

if ! command -v janus >/dev/null 2>&1; then
  echo "[janus] the janus binary is missing: apt-get install -y janus" >&2; exit 1
fi
lib_dir=""
for candidate in /usr/lib/*/janus /usr/lib/janus /usr/local/lib/janus /opt/janus/lib/janus; do
  if [ -f "$candidate/plugins/libjanus_videoroom.so" ]; then lib_dir="$candidate"; break; fi
done
[ -n "$lib_dir" ] || { echo "[janus] cannot find Janus' plugins folder" >&2; exit 1; }

run_dir="${JANUS_RUN_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/vitrine-janus.XXXXXX")}"
mkdir -p "$run_dir/conf"
chmod 700 "$run_dir" "$run_dir/conf"

nat_line="# nat_1_1_mapping: unset"
[ -n "${JANUS_NAT_1_1:-}" ] && nat_line="nat_1_1_mapping = \"${JANUS_NAT_1_1}\""
ws_origin_line="# allow_origin unset: any origin may open a WebSocket"
[ "$allow_origin" != "*" ] && ws_origin_line="allow_origin = \"${allow_origin}\""

for template in "$here"/*.jcfg; do
  target="$run_dir/conf/$(basename "$template")"
  # Values are inserted literally: awk's gsub would treat & in them specially, so index/substr.
  awk -v lib="$lib_dir" -v dbg="$debug_level" -v name="$server_name" -v api="$api_secret" \
    -v tok="$token_secret" -v rtp="$rtp_range" -v ice="$ice_enforce" -v nat="$nat_line" \
    -v http="$http_port" -v ws="$ws_port" -v ip="$bind_ip" -v origin="$allow_origin" \
    -v wsorigin="$ws_origin_line" '
    function put(line, key, value,   i) {
      while ((i = index(line, key)) > 0) line = substr(line, 1, i - 1) value substr(line, i + length(key))
      return line
    }
    {
      $0 = put($0, "@LIB_DIR@", lib); $0 = put($0, "@DEBUG_LEVEL@", dbg); $0 = put($0, "@SERVER_NAME@", name)
      $0 = put($0, "@API_SECRET@", api); $0 = put($0, "@TOKEN_SECRET@", tok); $0 = put($0, "@RTP_PORT_RANGE@", rtp)
      $0 = put($0, "@ICE_ENFORCE_LIST@", ice); $0 = put($0, "@NAT_1_1_LINE@", nat); $0 = put($0, "@HTTP_PORT@", http)
      $0 = put($0, "@WS_PORT@", ws); $0 = put($0, "@BIND_IP@", ip); $0 = put($0, "@ALLOW_ORIGIN@", origin)
      $0 = put($0, "@WS_ALLOW_ORIGIN_LINE@", wsorigin)
      print
    }' "$template" >"$target"
  chmod 600 "$target"
done

# -o: no colour codes in the log. setsid: Janus outlives this script and its process group.
setsid janus -F "$run_dir/conf" -o >"$run_dir/janus.log" 2>&1 </dev/null &
echo $! >"$run_dir/janus.pid"

for _ in $(seq 1 100); do
  if ! kill -0 "$(cat "$run_dir/janus.pid")" 2>/dev/null; then break; fi
  if curl -fsS "http://${bind_ip}:${http_port}/janus/info" >/dev/null 2>&1; then
    echo "[janus] ready: http://${bind_ip}:${http_port}/janus and ws://${bind_ip}:${ws_port} (log: $run_dir/janus.log)" >&2
    echo "$run_dir"
    exit 0
  fi
  sleep 0.2
done
echo "[janus] did not answer on http://${bind_ip}:${http_port}/janus/info; log tail:" >&2
tail -n 30 "$run_dir/janus.log" >&2 || true
kill "$(cat "$run_dir/janus.pid")" 2>/dev/null || true
exit 1
