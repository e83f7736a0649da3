#!/usr/bin/env bash
# The two builds on the critical path of a clean `cargo build` of an app that reaches
# `pusher-config` by path: the macro's copy of `pusher-config-core` (the rule set and the
# loader, built for the host) and the macro crate itself, each compiled alone, incrementally
# and without debuginfo, as cargo builds a proc macro's path dependencies.
#
#   bash scripts/bench-host-build.sh [RUNS] [BASE_REV]     (default 9, HEAD)
#
# Alternates the working tree with a checkout of BASE_REV (a commit to compare with), each
# in its own target folder with every dependency built once beforehand, and prints each run
# and the medians. `scripts/bench-build.sh` gives the whole build's figure; this one isolates
# our crates' part of it, where a change of a few percent would drown in that figure's noise.
# Measure on a quiet machine (`cat /proc/loadavg`).
set -euo pipefail

runs="${1:-9}"
base_rev="${2:-HEAD}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach -q "$work/base" "$base_rev"
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER
# A proc macro's path dependencies: incremental (a path crate), no debuginfo (cargo's
# `build-override` default for a unit that only the host uses).
export CARGO_INCREMENTAL=1 CARGO_PROFILE_DEV_DEBUG=0
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

# build TREE UNIT: milliseconds to build UNIT ("core" or "macro") of TREE from scratch, its
# dependencies already built.
build() {
  local tree="$1" unit="$2" target crate args start end
  target="$work/target-$(basename "$1")"
  case "$unit" in
    core) crate=pusher_config_core args=(-p pusher-config-core --no-default-features --features dotenv) ;;
    macro) crate=pusher_config_macros args=(-p pusher-config-macros) ;;
  esac
  rm -rf "$target"/debug/incremental/"$crate"-* "$target"/debug/.fingerprint/"${crate//_/-}"-*
  start=$(date +%s%N)
  (cd "$tree" && CARGO_TARGET_DIR="$target" cargo build -q --offline "${args[@]}")
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

for tree in "$root" "$work/base"; do
  (cd "$tree" && CARGO_TARGET_DIR="$work/target-$(basename "$tree")" cargo build -q --offline -p pusher-config-macros)
done

declare -A times
for i in $(seq "$runs"); do
  for unit in core macro; do
    for tree in "$root" "$work/base"; do
      times[$unit-$tree]+="$(build "$tree" "$unit") "
    done
  done
  printf 'run %d: core %s / %s ms, macro %s / %s ms (working tree / %s)\n' "$i" \
    "$(echo "${times[core-$root]}" | awk '{print $NF}')" "$(echo "${times[core-$work/base]}" | awk '{print $NF}')" \
    "$(echo "${times[macro-$root]}" | awk '{print $NF}')" "$(echo "${times[macro-$work/base]}" | awk '{print $NF}')" "$base_rev"
done

python3 - "$base_rev" "${times[core-$root]}" "${times[core-$work/base]}" "${times[macro-$root]}" "${times[macro-$work/base]}" <<'PY'
import statistics, sys
rev = sys.argv[1]
med = [statistics.median(int(x) for x in arg.split()) for arg in sys.argv[2:]]
for name, ours, base in (("rule set (pusher-config-core, host)", med[0], med[1]), ("macro crate", med[2], med[3])):
    print(f"median {name}: working tree {ours:.0f} ms, {rev} {base:.0f} ms, ratio {ours / base:.2f}")
PY
