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
                          [--warm N] [--jvm-opts "…"]
  --minutes  how long each load runs after the first trace (default 2; 10 for the issue's RSS figure)
  --loads    channels x sampling rate (Hz) per run, comma-separated
  --display  the X display the bench's own Xvfb uses (default :91)
  --window   seconds over which CPU and fps are averaged, ending 1 minute after the first trace (default 30)
  --product  measure another installed product (e.g. a copy kept from before a change) instead of this build's
  --warm     start-up only (issue 15): per load one discarded cold start that creates the data and configuration
             area, then N starts on the same areas; each start's first trace in wall ms and in process CPU ms
             (utime+stime, robust to the machine's load), its phases, and the load average beside every figure.
             The cold start also writes the JDK's AOT cache, as the launcher's first start does; the warm ones use it
             (OPENIONM_AOT=0 in the environment: without). The long runs (no --warm) run without it.
  --jvm-opts extra JVM options for the workbench after the fixed heap (to measure a change, e.g. -XX:-AlwaysPreTouch)
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
  OPENIONM_JAVA_OPTS="$WORKBENCH_HEAP $BENCH_UI_JVM_OPTS -Dopenionm.autostart=simulator -Dopenionm.autostart.rate=$rate \
    -Dopenionm.autostart.channels=$channels -Dopenionm.demo=true -Dopenionm.ui.stats=$work/stats" \
    OPENIONM_AOT=0 USER_DIR="$work/home" equinox workbench -data "$work/home/workspace" -clearPersistedState -consoleLog \
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
  local minutes=2 loads="16x5000,32x20000,64x20000" display=":91" window=30 xvfb load product_given=0 warm=0
  BENCH_UI_JVM_OPTS=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --minutes) minutes="${2:?}"; shift 2 ;;
      --loads) loads="${2:?}"; shift 2 ;;
      --display) display="${2:?}"; shift 2 ;;
      --window) window="${2:?}"; shift 2 ;;
      --product) PRODUCT="$(cd "${2:?}" && pwd)"; product_given=1; shift 2 ;;
      --warm) warm="${2:?}"; shift 2 ;;
      --jvm-opts) BENCH_UI_JVM_OPTS="${2?}"; shift 2 ;;
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
  if [ "$warm" != 0 ]; then
    [ "$warm" -ge 1 ] 2>/dev/null || die "--warm must be a whole number >= 1, was $warm"
    for load in ${loads//,/ }; do bench_ui_warm "${load%x*}" "${load#*x}" "$warm"; done
    kill "$xvfb" 2>/dev/null || true
    return
  fi
  echo "openionm bench ui: $minutes min per load, CPU and fps averaged over the ${window} s before minute 1 (100 % = one core)"
  printf '%-14s %8s %6s %6s %14s %9s %11s %6s\n' "load" "1st ms" "CPU %" "fps" "lat ms mean/max" "RSS 1min" "RSS ${minutes}min" "GTK!"
  for load in ${loads//,/ }; do
    bench_ui_one "${load%x*}" "${load#*x}" "$minutes" "$window"
  done
  kill "$xvfb" 2>/dev/null || true
}

# One start of the workbench on the areas of $1 (work folder) at $2 channels x $3 Hz until its first trace; prints
# "<first-trace wall ms> <process CPU ms> <UI thread CPU ms> <1-min load average> <phases as name=wall/cpu/ui-cpu ...>",
# then stops it.
bench_ui_start_once() {
  local work="$1" channels="$2" rate="$3" stats pid job waited=0 first="" load phases
  stats="$work/stats.$(date +%s%N)"
  OPENIONM_DATA="$work/data" OPENIONM_HOME="$work/home" \
  OPENIONM_JAVA_OPTS="$WORKBENCH_HEAP $BENCH_UI_JVM_OPTS -Dopenionm.autostart=simulator -Dopenionm.autostart.rate=$rate \
    -Dopenionm.autostart.channels=$channels -Dopenionm.demo=true -Dopenionm.ui.stats=$stats" \
    USER_DIR="$work/home" equinox workbench -data "$work/home/workspace" -clearPersistedState -consoleLog \
    >>"$work/log" 2>&1 &
  job=$!
  sleep 1
  pid=$(pgrep -n -f -- "-configuration $work/home/configuration/workbench" || true)
  [ -n "$pid" ] || die "the workbench did not start (log: $work/log)"
  while [ -z "$first" ]; do
    [ -d "/proc/$pid" ] || die "the workbench ended before drawing a trace (log: $work/log)"
    [ "$waited" -lt 1200 ] || { kill "$pid"; die "no trace within 120 s at $channels ch x $rate Hz (log: $work/log)"; }
    [ -f "$stats" ] && first=$(awk '$1 == "phase" && $2 == "first-trace" { print $3 " " $4 " " $5 }' "$stats" | head -1)
    sleep 0.1; waited=$((waited + 1))
  done
  load=$(cut -d' ' -f1 /proc/loadavg)
  phases=$(awk '$1 == "phase" { printf "%s%s=%s/%s/%s", sep, $2, $3, $4, $5; sep = " " }' "$stats")
  kill "$pid" 2>/dev/null || true
  while [ -d "/proc/$pid" ]; do sleep 0.2; done
  wait "$job" 2>/dev/null || true # the launcher keeps the AOT cache the first start wrote as it ended
  echo "$first $load $phases"
}

bench_ui_median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# --warm: a discarded cold start that creates the areas, then $3 starts on them; medians of the warm ones.
bench_ui_warm() { # $1 channels, $2 rate, $3 starts
  local channels="$1" rate="$2" starts="$3" work i row wall cpu ui load phases walls=() cpus=() uis=()
  work=$(mktemp -d /tmp/openionm-bench-ui.XXXXXX)
  mkdir -p "$work/data" "$work/home"
  echo "openionm bench ui --warm: ${channels} ch x ${rate} Hz, first trace after process start (wall ms / process CPU ms), load = 1-min load average${BENCH_UI_JVM_OPTS:+, extra JVM options: $BENCH_UI_JVM_OPTS}"
  for i in $(seq 0 "$starts"); do
    row=$(bench_ui_start_once "$work" "$channels" "$rate")
    read -r wall cpu ui load phases <<<"$row"
    if [ "$i" = 0 ]; then
      printf '  cold    %6s ms  CPU %6s ms  UI thread %5s ms  load %5s   %s\n' "$wall" "$cpu" "$ui" "$load" "$phases"
    else
      printf '  warm %-2s %6s ms  CPU %6s ms  UI thread %5s ms  load %5s   %s\n' "$i" "$wall" "$cpu" "$ui" "$load" "$phases"
      walls+=("$wall"); cpus+=("$cpu"); uis+=("$ui")
    fi
  done
  printf '  warm median %s ms, CPU %s ms, UI thread %s ms (%s starts)\n' "$(bench_ui_median "${walls[@]}")" \
    "$(bench_ui_median "${cpus[@]}")" "$(bench_ui_median "${uis[@]}")" "$starts"
  [ -n "${OPENIONM_BENCH_KEEP:-}" ] || rm -rf "$work"
}
