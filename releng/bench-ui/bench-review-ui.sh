# './openionm bench review-ui': seek -> pixels in the real workbench's Review perspective (issue 13). Sourced by
# ./openionm, which has set ROOT, PRODUCT, WORKBENCH_HEAP, die, equinox, run_command, sources_newer_than_product
# and build_product.
#
# Writes an H-hour 32 ch x 10 kHz BDF with the 'bench review' writer (or takes --file), starts a fresh workbench
# under its own Xvfb with that file in Review (-Dopenionm.review.file) and the review probe on
# (-Dopenionm.ui.stats), and lets the view's seek bench (-Dopenionm.review.bench.seeks) seek to --seeks seeded
# positions per window length (10 s, 1 min, 10 min, 1 h, the whole case), each after the previous paint
# finished; then it opens the file once more and quits. Reports per window length the median, p95 and max
# of request -> end of the paint that shows the new window, and the open times (start of the open -> first
# overview painted): the first open (which builds the index when the file has none) and the indexed open.

bench_review_ui_usage() {
  cat >&2 <<'TXT'
usage: ./openionm bench review-ui [--hours H] [--file F.bdf] [--seeks N] [--seed S] [--display :NN] [--dir D] [--product DIR]
  --hours    hours of 32 ch x 10 kHz BDF to write (default 1; the issue's figure: 8, a 28 GB file)
  --file     review this file instead (written there with --hours if it does not exist; kept afterwards)
  --seeks    seeks per window length (default 40)
  --seed     seed of the seek positions (default 1)
  --display  the X display of the bench's own Xvfb (default :92)
  --dir      folder for the written recording (default $TMPDIR or /tmp; deleted afterwards)
  --product  measure another installed product instead of this build's
TXT
  exit 2
}

# median, p95 and max of the ms column ($4) per window length ($3) of the review-seek lines between the bench's
# start and seeks-done marks in stats file $1
bench_review_ui_table() {
  awk '/^review-bench start/ { on = 1; next } /^review-bench seeks-done/ { on = 0 }
       on && $1 == "review-seek" { w = $3; n[w]++; v[w, n[w]] = $4; ch[w] = $5; col[w] = $6; rows[w] = $7 }
       END {
         for (w in n) ws[++k] = w + 0
         for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (ws[j] < ws[i]) { t = ws[i]; ws[i] = ws[j]; ws[j] = t }
         for (i = 1; i <= k; i++) {
           w = ws[i]; key = sprintf("%.3f", w); m = n[key]
           for (a = 1; a <= m; a++) s[a] = v[key, a] + 0
           for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (s[b] < s[a]) { t = s[a]; s[a] = s[b]; s[b] = t }
           label = w >= 3600 ? sprintf("%.1f h", w / 3600) : w >= 60 ? sprintf("%d min", w / 60) : sprintf("%d s", w)
           printf "| %s | %d | %.1f | %.1f | %.1f | %d | %d | %d |\n", label, m, s[int(m / 2) + 1], s[int(m * 0.95) + 1], s[m],
             ch[key], col[key], rows[key]
         }
       }' "$1"
}

bench_review_ui_main() {
  local hours=1 file="" seeks=40 seed=1 display=":92" dir="${TMPDIR:-/tmp}" product_given=0 keep=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --hours) hours="${2:?}"; shift 2 ;;
      --file) file="${2:?}"; keep=1; shift 2 ;;
      --seeks) seeks="${2:?}"; shift 2 ;;
      --seed) seed="${2:?}"; shift 2 ;;
      --display) display="${2:?}"; shift 2 ;;
      --dir) dir="${2:?}"; shift 2 ;;
      --product) PRODUCT="$(cd "${2:?}" && pwd)"; product_given=1; shift 2 ;;
      *) bench_review_ui_usage ;;
    esac
  done
  [ "$seeks" -ge 1 ] 2>/dev/null || die "--seeks must be a whole number >= 1, was $seeks"
  command -v Xvfb >/dev/null || die "bench review-ui needs Xvfb (sudo apt-get install -y xvfb)"
  if [ "$product_given" = 0 ] && sources_newer_than_product; then build_product; fi
  local work xvfb pid waited=0 load_start load_end
  work=$(mktemp -d "$dir/openionm-bench-review-ui.XXXXXX")
  mkdir -p "$work/data" "$work/home"
  if [ -z "$file" ]; then
    file="$work/long-case.bdf"
  else
    file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
  fi
  trap "kill \${pid:-} \${xvfb:-} 2>/dev/null || true; [ $keep = 1 ] || rm -rf '$work'" EXIT
  if [ ! -f "$file" ]; then
    echo "openionm bench review-ui: writing $hours h of 32 ch x 10 kHz BDF to $file" >&2
    OPENIONM_JAVA_OPTS="-Xmx1g" run_command bench review --hours "$hours" --write "$file" >&2
  fi
  Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  [ -d "/proc/$xvfb" ] || die "Xvfb could not start on $display (taken? choose another with --display)"
  export DISPLAY="$display"
  load_start=$(cut -d' ' -f1-3 /proc/loadavg)
  OPENIONM_DATA="$work/data" OPENIONM_HOME="$work/home" \
  OPENIONM_JAVA_OPTS="$WORKBENCH_HEAP -Dopenionm.autostart=none -Dopenionm.demo=true -Dopenionm.ui.stats=$work/stats \
    -Dopenionm.review.file=$file -Dopenionm.review.bench.seeks=$seeks -Dopenionm.review.bench.seed=$seed" \
    OPENIONM_AOT=0 USER_DIR="$work/home" equinox workbench -data "$work/home/workspace" -clearPersistedState -consoleLog \
    >"$work/log" 2>&1 &
  pid=$!
  # the java process is the child of the subshell: take the one that runs with this configuration
  sleep 1
  pid=$(pgrep -n -f -- "-configuration $work/home/configuration/workbench" || echo "$pid")
  # done when the view wrote its end mark (it then closes the workbench) or the workbench ended
  while ! grep -q '^review-bench end' "$work/stats" 2>/dev/null; do
    if [ ! -d "/proc/$pid" ]; then
      cat "$work/log" >&2
      die "the workbench ended before the review bench did (log above; stats: $work/stats)"
    fi
    [ "$waited" -lt 3600 ] || die "the review bench did not end within an hour (log: $work/log, stats: $work/stats)"
    sleep 1; waited=$((waited + 1))
  done
  load_end=$(cut -d' ' -f1-3 /proc/loadavg)
  for _ in $(seq 20); do [ -d "/proc/$pid" ] || break; sleep 0.5; done
  kill "$pid" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  local duration opens
  duration=$(sed -n 's/^review-bench start .*duration_s=\([0-9.]*\).*/\1/p' "$work/stats" | head -1)
  echo "openionm bench review-ui: $(basename "$file"), $(awk -v s="$duration" 'BEGIN { printf "%.2f h", s / 3600 }'), 32 ch x 10 kHz;" \
    "$seeks seeks per window length (seed $seed); load average $load_start at the start, $load_end at the end"
  echo
  echo "Open (start of the open -> first overview painted):"
  echo
  echo "| open | index | ms |"
  echo "|---|---|---|"
  awk '$1 == "review-open" { n++; printf "| %s | %s | %.0f |\n", n == 1 ? "first" : "again (indexed)", $4 == "index_built" ? "built now" : "cached", $3 }' \
    "$work/stats"
  echo
  echo "Seek -> pixels (request -> end of the paint that shows the window):"
  echo
  echo "| window | seeks | median (ms) | p95 (ms) | max (ms) | channels | columns | rows drawn |"
  echo "|---|---|---|---|---|---|---|---|"
  bench_review_ui_table "$work/stats"
  local lost
  lost=$(grep -c '^review-bench lost' "$work/stats" || true)
  [ "$lost" = 0 ] || echo "($lost seeks were never painted within 30 s: see $work/stats)"
  if [ "$keep" = 1 ]; then
    echo "(kept: $file and its index; stats in $work/stats)"
  fi
}
