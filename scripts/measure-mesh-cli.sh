#!/usr/bin/env bash
# What `mesh check` costs end to end, cold process start included: the tool published in Release, synthetic meshes of
# 0 (start-up only), 100, 1,000 and 10,000 services written by scripts/mesh-synthetic.py, RUNS runs each (median).
# Each run records wall time and the CPU time of the process (user + system, /usr/bin/time). The machine is shared:
# `uptime` is printed with the figures, and CPU time is the figure that load does not inflate.
#
#   scripts/measure-mesh-cli.sh [RUNS]          (default 5)
#   MESH_R2R=1 scripts/measure-mesh-cli.sh      also measures a ReadyToRun publish for the machine's RID
set -euo pipefail
runs="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet publish "$root/src/MeshAttributes.Cli/MeshAttributes.Cli.csproj" -c Release -o "$work/portable" -nologo -v q >/dev/null
variants=(portable)
if [[ "${MESH_R2R:-0}" == 1 ]]; then
  rid="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"
  dotnet publish "$root/src/MeshAttributes.Cli/MeshAttributes.Cli.csproj" -c Release -r "$rid" --self-contained false \
    -p:PublishReadyToRun=true -o "$work/r2r" -nologo -v q >/dev/null
  variants+=(r2r)
fi

for n in 0 100 1000 10000; do
  mkdir -p "$work/mesh-$n"
  if (( n > 0 )); then python3 "$root/scripts/mesh-synthetic.py" "$n" "$work/mesh-$n"; fi
done

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "uptime: $(uptime)"
printf '%-9s %8s %7s %10s %10s %8s\n' variant services files wall_s cpu_s rss_MB
for variant in "${variants[@]}"; do
  for n in 0 100 1000 10000; do
    : >"$work/times"
    for ((i = 0; i < runs; i++)); do
      /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$work/$variant/mesh" check "$work/mesh-$n" >"$work/out" || true
      cat "$work/t" >>"$work/times"
    done
    files=$(find "$work/mesh-$n" -name '*.yaml' | wc -l)
    wall=$(awk '{print $1}' "$work/times" | median)
    cpu=$(awk '{print $2 + $3}' "$work/times" | median)
    rss=$(awk '{print $4 / 1024}' "$work/times" | median)
    printf '%-9s %8d %7d %10s %10s %8.0f\n' "$variant" "$n" "$files" "$wall" "$cpu" "$rss"
  done
done
echo "last run (10,000 services): $(tail -n 1 "$work/out" 2>/dev/null || true)"
echo "uptime: $(uptime)"
