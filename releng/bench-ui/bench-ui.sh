# './openionm bench ui': the real workbench under its own Xvfb with the simulator at operating-room loads,
# measured from outside (issue 15). Sourced by ./openionm, which has set ROOT, PRODUCT, die, equinox,
# sources_newer_than_product and build_product.
#
# Per load it starts a fresh workbench (own data and configuration area, Live perspective, autostarted
# simulator at the load's channels x rate) and reports:
#   first trace  ms from process start to the first frame of Raw signals with data (the part's stats line)
#   CPU          % of one core used by the workbench process over the measuring window (/proc/<pid>/stat)
#   fps          frames Raw signals actually painted per second (openionm.ui.stats=<file>)
#   latency      sample to pixel: paint time minus the moment the newest drawn sample was acquired (mean, max)
#   RSS          resident memory (/proc/<pid>/status VmRSS) 1 minute after the first trace and at the end
# The machine's other load counts in the CPU figure: run it on an otherwise idle machine for real figures.

bench_ui_usage() {
  cat >&2 <<'TXT'
usage: ./openionm bench ui [--minutes N] [--loads 16x5000,32x20000,64x20000] [--display :NN] [--window S] [--product DIR]
  --minutes  how long each load runs after the first trace (default 2; 10 for the issue's RSS figure)
  --loads    channels x sampling rate (Hz) per run, comma-separated
  --display  the X display the bench's own Xvfb uses (default :91)
  --window   seconds over which CPU and fps are averaged, ending 1 minute after the first trace (default 30)
  --product  measure another installed product (e.g. a copy kept from before a change) instead of this build's
TXT
  exit 2
}

bench_ui_cpu_ticks() { # utime + stime of pid $1 in clock ticks
  awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null
}

bench_ui_rss_mb() {
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null
}

# fps and latency averaged over the stats lines written after wall time $2 (ms) in file $1
bench_ui_stats_since() {
  awk -v since="$2" '$1 ~ /^[0-9]+$/ && $1 >= since { n++; fps += $3; if ($4 == $4) { lat += $4; ln++ } if ($5 > max) max = $5 }
    END { if (n == 0) { print "- - -"; exit } printf "%.1f %.0f %.0f\n", fps / n, ln ? lat / ln : -1, max }' "$1"
}

bench_ui_one() { # $1 channels, $2 rate, $3 minutes, $4 window seconds; prints one result row
  local channels="$1" rate="$2" minutes="$3" window="$4"
  local work pid first="" t0 c0 c1 hz rss1 rss2 stats_window cpu waited=0 now_ms
  work=$(mktemp -d /tmp/openionm-bench-ui.XXXXXX)
  mkdir -p "$work/data" "$work/home"
  OPENIONM_DATA="$work/data" OPENIONM_HOME="$work/home" \
  OPENIONM_JAVA_OPTS="$WORKBENCH_HEAP -Dopenionm.autostart=simulator -Dopenionm.autostart.rate=$rate \
    -Dopenionm.autostart.channels=$channels -Dopenionm.demo=true -Dopenionm.ui.stats=$work/stats" \
    USER_DIR="$work/home" equinox workbench -data "$work/home/workspace" -clearPersistedState -consoleLog \
    >"$work/log" 2>&1 &
  pid=$!
  # the java process is the child of the subshell: take the one that runs the launcher
  sleep 1
  pid=$(pgrep -n -f -- "-configuration $work/home/configuration/workbench" || echo "$pid")
  trap "kill $pid $xvfb 2>/dev/null || true" EXIT
  while [ -z "$first" ]; do
    [ -d "/proc/$pid" ] || { cat "$work/log" >&2; die "the workbench ended before drawing a trace (log above)"; }
    [ "$waited" -lt 120 ] || { kill "$pid"; die "no trace within 120 s at $channels ch x $rate Hz (log: $work/log)"; }
    [ -f "$work/stats" ] && first=$(sed -n 's/^first-trace //p' "$work/stats" | head -1 || true)
    sleep 1; waited=$((waited + 1))
  done
  hz=$(getconf CLK_TCK)
  sleep $((60 - window))
  now_ms=$(date +%s%3N); t0=$(date +%s.%N); c0=$(bench_ui_cpu_ticks "$pid")
  sleep "$window"
  c1=$(bench_ui_cpu_ticks "$pid"); cpu=$(awk -v a="$c0" -v b="$c1" -v t0="$t0" -v t1="$(date +%s.%N)" -v hz="$hz" \
    'BEGIN { printf "%.0f", 100 * (b - a) / hz / (t1 - t0) }')
  stats_window=$(bench_ui_stats_since "$work/stats" "$now_ms")
  rss1=$(bench_ui_rss_mb "$pid")
  sleep $(( (minutes - 1) * 60 ))
  rss2=$(bench_ui_rss_mb "$pid")
  local gtk
  gtk=$(grep -c -E 'Gtk-CRITICAL|Invalid rectangle' "$work/log" || true)
  kill "$pid" 2>/dev/null || true
  while [ -d "/proc/$pid" ]; do sleep 1; done
  read -r fps lat latmax <<<"$stats_window"
  printf '%-14s %8s %6s %6s %14s %9s %11s %6s\n' "${channels}x${rate}" "$first" "$cpu" "$fps" "$lat / $latmax" \
    "$rss1" "$rss2" "$gtk"
  [ -n "${OPENIONM_BENCH_KEEP:-}" ] || rm -rf "$work"
}

bench_ui_main() {
  local minutes=2 loads="16x5000,32x20000,64x20000" display=":91" window=30 xvfb load product_given=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --minutes) minutes="${2:?}"; shift 2 ;;
      --loads) loads="${2:?}"; shift 2 ;;
      --display) display="${2:?}"; shift 2 ;;
      --window) window="${2:?}"; shift 2 ;;
      --product) PRODUCT="$(cd "${2:?}" && pwd)"; product_given=1; shift 2 ;;
      *) bench_ui_usage ;;
    esac
  done
  [ "$minutes" -ge 1 ] 2>/dev/null || die "--minutes must be a whole number >= 1, was $minutes"
  [ "$window" -ge 5 ] && [ "$window" -le 55 ] 2>/dev/null || die "--window must be 5..55 s, was $window"
  command -v Xvfb >/dev/null || die "bench ui needs Xvfb (sudo apt-get install -y xvfb)"
  if [ "$product_given" = 0 ] && sources_newer_than_product; then build_product; fi
  Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  xvfb=$!
  trap "kill $xvfb 2>/dev/null || true" EXIT
  sleep 1
  [ -d "/proc/$xvfb" ] || die "Xvfb could not start on $display (taken? choose another with --display)"
  export DISPLAY="$display"
  echo "openionm bench ui: $minutes min per load, CPU and fps averaged over the ${window} s before minute 1 (100 % = one core)"
  printf '%-14s %8s %6s %6s %14s %9s %11s %6s\n' "load" "1st ms" "CPU %" "fps" "lat ms mean/max" "RSS 1min" "RSS ${minutes}min" "GTK!"
  for load in ${loads//,/ }; do
    bench_ui_one "${load%x*}" "${load#*x}" "$minutes" "$window"
  done
  kill "$xvfb" 2>/dev/null || true
}
