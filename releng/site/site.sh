# './openionm site': install a workbench with only the features (amplifier drivers, modalities) a site
# owns, from the p2 repository the build produced, with the p2 director (Tycho's director mojo, run
# outside any project). Sourced by ./openionm, which has set ROOT, REPOSITORY, die, build_product.

# Installed with every workbench: the Eclipse runtime and OpenIONM's platform (core, engine, alarms, shell).
SITE_BASE_FEATURES="org.openionm.runtime.feature org.openionm.platform.feature org.openionm.cases.feature org.openionm.report.feature"
# The product IU: launcher arguments, start levels; its features are p2 roots (installMode="root"),
# so installing it installs none of them and the site picks.
SITE_PRODUCT_IU="org.openionm.product"

site_usage() {
  cat >&2 <<'TXT'
usage: ./openionm site --list
       ./openionm site --features <id>[,<id>...] --out <dir> [--config <site.yaml>]
       ./openionm site --add <id>[,<id>...] --out <dir>
       ./openionm site --installed <dir>
  <id>: a feature id from --list (e.g. org.openionm.modality.ssep.feature) or its short name (ssep).
  Options: --repository <dir|url>[,<dir|url>...] installs from other p2 repositories (default: this build's):
           several, comma-separated, are read together, e.g. OpenIONM's and a plugin's own repository
           (its feature's dependencies come from OpenIONM's).
TXT
  exit 2
}

# Runs the p2 director with "$@" as -D properties; its output (without Maven's prefixes) on stdout.
# On failure prints Maven's log and exits 1. It runs in an empty folder: the director needs no project,
# and outside the source tree Maven neither scans the reactor nor loads the pomless extension.
site_director() {
  local tycho work status=0
  tycho=$(sed -n 's:.*<tycho.version>\(.*\)</tycho.version>.*:\1:p' "$ROOT/pom.xml" | head -1)
  work=$(mktemp -d)
  (cd "$work" && "$ROOT/mvnw" -B "org.eclipse.tycho:tycho-p2-director-plugin:$tycho:director" \
      -Drepositories="$SITE_REPO_URL" -Dprofile=OpenIONM -Dp2.os=linux -Dp2.ws=gtk -Dp2.arch=x86_64 \
      -Ddestination="$work/none" "$@") >"$work/log" 2>&1 || status=$?
  if [ "$status" != 0 ]; then
    cat "$work/log" >&2; rm -rf "$work"
    die "the p2 director failed (its log is above)"
  fi
  sed -e 's/^\[INFO\] //' -e 's/^\[[a-z-]*\] //' "$work/log"; rm -rf "$work"
}

# "<id> <version> <name>" for every feature in the repository, base features included.
site_features_in_repository() {
  site_director -Dlist=true '-DlistFormat=@@ ${id} ${version} ${org.eclipse.equinox.p2.name}' \
    | sed -n 's/^@@ \(.*\)\.feature\.group /\1 /p' | sort
}

site_is_base() { case " $SITE_BASE_FEATURES " in *" $1 "*) return 0;; esac; return 1; }

site_list() {
  local id version name all
  all=$(site_features_in_repository)
  echo "Installable features in $SITE_REPO_URL:"
  while read -r id version name; do
    site_is_base "$id" && continue
    printf '  %-44s %-26s %s\n' "$id" "$version" "$name"
  done <<<"$all"
  echo "Always installed: $SITE_BASE_FEATURES"
}

# Turns a comma-separated list of ids or short names into feature ids; refuses unknown ones, naming the
# installable features.
site_resolve() {
  local wanted="$1" known ids=() w match all
  all=$(site_features_in_repository)
  known=$(cut -d' ' -f1 <<<"$all")
  IFS=',' read -r -a words <<<"$wanted"
  for w in "${words[@]}"; do
    w="${w// /}"; [ -n "$w" ] || continue
    match=$(printf '%s\n' $known | grep -Fx -e "$w" -e "$w.feature" || true)
    [ -n "$match" ] || match=$(printf '%s\n' $known | grep -E "^org\.openionm\.([a-z]+\.)*${w//./\\.}\.feature$" || true)
    if [ -z "$match" ] || [ "$(printf '%s\n' "$match" | wc -l)" -ne 1 ]; then
      echo "openionm site: unknown or ambiguous feature '$w'. Installable features:" >&2
      printf '%s\n' $known | while read -r k; do site_is_base "$k" || echo "  $k" >&2; done
      exit 2
    fi
    site_is_base "$match" && continue
    ids+=("$match")
  done
  [ ${#ids[@]} -gt 0 ] || { echo "openionm site: no feature named" >&2; exit 2; }
  printf '%s\n' "${ids[@]}"
}

# A comma-separated list of repositories (folders or URLs) -> the comma-separated URLs the director reads
# together. A folder must hold a p2 repository; this build's own is built first when its sources are newer.
site_repository_urls() {
  local repo urls=() list
  IFS=',' read -r -a list <<<"$1"
  for repo in "${list[@]}"; do
    repo="${repo#"${repo%%[![:space:]]*}"}"; repo="${repo%"${repo##*[![:space:]]}"}"
    [ -n "$repo" ] || continue
    case "$repo" in
      *://*|file:*) urls+=("$repo") ;;
      *) # this tree's own repository is rebuilt when its sources changed; one named explicitly is used as it is
         if [ "$SITE_OWN_BUILD" = 1 ] && sources_newer_than_product; then build_product >&2; fi
         [ -f "$repo/content.jar" ] || [ -f "$repo/content.xml" ] || [ -f "$repo/compositeContent.xml" ] \
           || die "no p2 repository at $repo (run './openionm build' first)"
         urls+=("file:$(cd "$repo" && pwd)") ;;
    esac
  done
  [ ${#urls[@]} -gt 0 ] || { echo "openionm site: --repository names no repository" >&2; exit 2; }
  (IFS=','; echo "${urls[*]}")
}

site_groups() { # feature ids on stdin -> comma-separated p2 feature groups
  sed 's/$/.feature.group/' | paste -sd, -
}

# Checks the site configuration $2 against what installation $1 holds and writes it there (the installed
# product's own 'siteconfig' command: the same descriptors as Setup and analyze --set). A configuration
# it refuses removes the new installation: nothing half-configured is left behind.
site_apply_config() {
  local out="$1" config status=0
  config="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
  "$out/openionm" siteconfig --apply "$config" || status=$?
  if [ "$status" != 0 ]; then
    rm -rf "$out"
    echo "openionm site: the configuration $2 was refused (above); nothing was installed" >&2
    exit 2
  fi
}

site_copy_launcher() { # $1 = installation
  cp "$ROOT/openionm" "$1/openionm"
  chmod +x "$1/openionm"
}

site_main() {
  local mode="" features="" out="" config="" installed=""
  SITE_OWN_BUILD=1
  SITE_REPO="$REPOSITORY"
  while [ $# -gt 0 ]; do
    case "$1" in
      --list) mode=list; shift ;;
      --features) mode=install; features="${2:-}"; shift 2 || site_usage ;;
      --add) mode=add; features="${2:-}"; shift 2 || site_usage ;;
      --installed) mode=installed; installed="${2:-}"; shift 2 || site_usage ;;
      --out) out="${2:-}"; shift 2 || site_usage ;;
      --config) config="${2:-}"; shift 2 || site_usage ;;
      --repository) SITE_REPO="${2:-}"; SITE_OWN_BUILD=0; shift 2 || site_usage ;;
      -h|--help) site_usage ;;
      *) echo "openionm site: unknown option '$1'" >&2; site_usage ;;
    esac
  done
  [ -n "$mode" ] || site_usage
  [ "$INSTALLED" = 0 ] || die "'site' installs from an OpenIONM source tree and its build; run it there"
  SITE_REPO_URL=$(site_repository_urls "$SITE_REPO") || exit $?

  case "$mode" in
    list) site_list ;;
    installed)
      [ -d "$installed/p2" ] || die "$installed is not an OpenIONM installation (no p2 profile)"
      site_director -Ddestination="$(cd "$installed" && pwd)" -DlistInstalledRoots=true \
        | grep -E '\.feature\.group' | sed 's/\.feature\.group.*//' | sort ;;
    install)
      [ -n "$out" ] || { echo "openionm site: --out <dir> is required" >&2; site_usage; }
      [ -z "$config" ] || [ -f "$config" ] || { echo "openionm site: no config file $config" >&2; exit 2; }
      # p2 would silently add to whatever is there: only an absent or empty folder becomes an installation
      if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
        echo "openionm site: $out exists and is not empty; choose a new folder, or add features with --add" >&2; exit 2
      fi
      local ids; ids=$(site_resolve "$features")
      mkdir -p "$out"; out="$(cd "$out" && pwd)"
      echo "openionm site: installing into $out:" $SITE_BASE_FEATURES $ids >&2
      site_director -Ddestination="$out" \
        -DinstallIUs="$SITE_PRODUCT_IU,$( (printf '%s\n' $SITE_BASE_FEATURES; printf '%s\n' $ids) | site_groups)" >/dev/null
      site_copy_launcher "$out"
      # the launcher and framework jars without their signature files, as the build's product (issue 15)
      java "$ROOT/releng/unsign/Unsign.java" "$out/plugins" || die "could not remove the launcher's signature files"
      if [ -n "$config" ]; then site_apply_config "$out" "$config"; fi
      echo "openionm site: done. Start it with $out/openionm" >&2 ;;
    add)
      [ -n "$out" ] && [ -d "$out/p2" ] || { echo "openionm site: --add needs --out <an existing installation>" >&2; exit 2; }
      local ids; ids=$(site_resolve "$features")
      out="$(cd "$out" && pwd)"
      echo "openionm site: adding to $out:" $ids >&2
      site_director -Ddestination="$out" -DinstallIUs="$(printf '%s\n' $ids | site_groups)" >/dev/null
      echo "openionm site: done" >&2 ;;
  esac
}
