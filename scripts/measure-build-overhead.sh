#!/usr/bin/env bash
# What MeshAttributes adds to `dotnet build` (issue 5, "Build overhead"): the ECommerce sample's four services
# built with MeshAttributes and without it, clean and no-op, RUNS times each (median), and the ratios.
#
#   scripts/measure-build-overhead.sh [package|source|both]      (default: package)
#
#   package  the way users get it: the four services copied to a temp folder, with a PackageReference to the
#            nupkg packed from this checkout (local feed, isolated NuGet folder); "without" keeps the same
#            reference with ExcludeAssets="analyzers;build;buildTransitive", so both compile against the same
#            attributes DLL (the services' code uses it) and only the generator, the analyzers, the props/targets
#            and the task are gone.
#   source   the in-repo inner loop: src/, build/ and samples/ copied to a temp folder and built from source as
#            samples/Directory.Build.* wire it (ProjectReferences, TaskHostFactory); "without" is
#            -p:MeshAttributesEnabled=false, which drops the generator/Core/task references and the targets.
#
# Clean build: each service's bin/ and obj/<Configuration>/ deleted (restore output kept), then
# `dotnet build --no-restore`. No-op build: the same command again with nothing changed. The two variants
# live in separate folders and alternate run by run, so load from other processes hits both alike. Each
# build records its wall time and the CPU time of its process tree (bash's `times`: every process it
# waited for). By default the compiler server stays warm, as in a developer's inner loop, but it is not in
# the process tree, so its CPU time (the compiler, the generator, the analyzers) is missing from the CPU
# figure; COMPILER_SERVER=off compiles in-process (UseSharedCompilation=false), so the CPU figure covers
# the whole build: on a machine shared with other builds that is the figure load does not distort.
# Only dotnet, bash and coreutils are used.
#
# Environment: RUNS (default 5), NOOP_RUNS (default RUNS; no-op builds are short, so more runs are cheap), CONFIGURATION of the services (Debug; the package is always packed in
# Release, as it ships), COMPILER_SERVER (on|off), KEEP=1 keeps the temp folder, PROFILE=1 adds one clean
# build per variant with -bl and -p:ReportAnalyzer=true (binlogs kept in the temp folder).
set -euo pipefail

mode=${1:-package}
runs=${RUNS:-5}
noop_runs=${NOOP_RUNS:-$runs}
configuration=${CONFIGURATION:-Debug}
compiler_server=${COMPILER_SERVER:-on}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/meshattributes-overhead.XXXXXX")
services=(CheckoutService InventoryService PaymentService ShippingService)

export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ "${KEEP:-}" != 1 && "${PROFILE:-}" != 1 ]]; then
  trap 'rm -rf "$work"' EXIT
fi

log="$work/last-command.log"

# Runs a command quietly; on failure shows its output and stops.
quiet() {
  if ! "$@" >"$log" 2>&1; then
    echo "failed: $*" >&2
    tail -n 60 "$log" >&2
    exit 1
  fi
}

clock_ticks=$(getconf CLK_TCK)

# Sets the variable named $1 to the CPU time (user + system, ms) of the processes this shell has waited for
# (cutime + cstime in /proc/<this shell>/stat). No subshell: a subshell would report its own children.
children_cpu_ms() {
  local stat
  local -a fields
  read -r stat <"/proc/$BASHPID/stat"
  read -r -a fields <<<"${stat##*) }"
  printf -v "$1" '%d' $(((fields[13] + fields[14]) * 1000 / clock_ticks))
}

# Prints "<wall ms> <cpu ms>" for a command.
time_ms() {
  local start end cpu_start cpu_end
  children_cpu_ms cpu_start
  start=$(date +%s%N)
  quiet "$@"
  end=$(date +%s%N)
  children_cpu_ms cpu_end
  echo "$(((end - start) / 1000000)) $((cpu_end - cpu_start))"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# Copies the four services and what they share, without build output.
copy_services() {
  local to=$1
  mkdir -p "$to"
  (cd "$repo/samples/ECommerce" && tar --exclude=bin --exclude=obj -cf - "${services[@]}" Shared) | tar -xf - -C "$to"
}

# A solution holding only the four services (ECommerce.sln also lists the src/ projects).
make_solution() {
  local folder=$1
  quiet dotnet new sln -n Services -o "$folder" --format sln
  for service in "${services[@]}"; do
    quiet dotnet sln "$folder/Services.sln" add "$folder/$service/$service.csproj"
  done
}

setup_package() {
  local version="0.1.0-overhead.$(date +%s)"
  echo "packing src/MeshAttributes.Package (Release, $version)..."
  quiet dotnet pack "$repo/src/MeshAttributes.Package/MeshAttributes.Package.csproj" -c Release -o "$work/feed" \
    -p:PackageVersion="$version" -nodeReuse:false
  cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="meshattributes" value="feed" />
  </packageSources>
</configuration>
EOF
  local variant assets
  for variant in with without; do
    assets=""
    [[ $variant == without ]] && assets=' ExcludeAssets="analyzers;build;buildTransitive"'
    copy_services "$work/package-$variant"
    # The repo's conventions for the samples (Directory.Build.props at the root and in samples/), minus the
    # source wiring; manifests go to the default $(OutDir)mesh/.
    cat >"$work/package-$variant/Directory.Build.props" <<EOF
<Project>
  <PropertyGroup>
    <Nullable>enable</Nullable>
    <LangVersion>latest</LangVersion>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <Deterministic>true</Deterministic>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="MeshAttributes" Version="$version"$assets />
  </ItemGroup>
</Project>
EOF
    make_solution "$work/package-$variant"
    quiet dotnet_for "package-$variant" restore "$work/package-$variant/Services.sln"
  done
}

setup_source() {
  local variant
  for variant in with without; do
    local to="$work/source-$variant"
    mkdir -p "$to/samples/ECommerce"
    (cd "$repo" && tar --exclude=bin --exclude=obj -cf - Directory.Build.props Directory.Packages.props build \
      src/MeshAttributes src/MeshAttributes.Core src/MeshAttributes.Generators src/MeshAttributes.Build \
      samples/Directory.Build.props samples/Directory.Build.targets) | tar -xf - -C "$to"
    copy_services "$to/samples/ECommerce"
    make_solution "$to/samples/ECommerce"
    quiet dotnet_for "source-$variant" restore "$to/samples/ECommerce/Services.sln" $(extra_args "source-$variant")
  done
}

# The package path restores into its own NuGet folder, so no earlier copy of the package is picked up; the
# source path needs the usual one (Roslyn and MSBuild packages for src/).
dotnet_for() {
  local variant=$1
  shift
  if [[ $variant == package-* ]]; then
    NUGET_PACKAGES="$work/packages" dotnet "$@"
  else
    dotnet "$@"
  fi
}

extra_args() {
  [[ $1 == source-without ]] && echo "-p:MeshAttributesEnabled=false"
  [[ $compiler_server == off ]] && echo "-p:UseSharedCompilation=false"
  return 0
}

solution_of() {
  case $1 in
    package-*) echo "$work/$1/Services.sln" ;;
    source-*) echo "$work/$1/samples/ECommerce/Services.sln" ;;
  esac
}

build() {
  local variant=$1
  shift
  dotnet_for "$variant" build "$(solution_of "$variant")" -c "$configuration" --no-restore -nodeReuse:false -nologo -v:q \
    $(extra_args "$variant") "$@"
}

clean() {
  local variant=$1 folder service
  folder=$(dirname "$(solution_of "$variant")")
  for service in "${services[@]}"; do
    rm -rf "$folder/$service/bin" "$folder/$service/obj/$configuration"
  done
  rm -rf "$work/$variant/artifacts"
}

measure() {
  local path=$1 i variant order
  echo "warming up $path (one build of each variant)..."
  for variant in "$path-with" "$path-without"; do
    quiet build "$variant"
  done

  : >"$work/$path.times"
  for ((i = 1; i <= runs; i++)); do
    if ((i % 2)); then order="with without"; else order="without with"; fi
    for variant in $order; do
      clean "$path-$variant"
      echo "$variant clean $(time_ms build "$path-$variant")" >>"$work/$path.times"
    done
  done
  for ((i = 1; i <= noop_runs; i++)); do
    if ((i % 2)); then order="with without"; else order="without with"; fi
    for variant in $order; do
      echo "$variant no-op $(time_ms build "$path-$variant")" >>"$work/$path.times"
    done
  done

  # A no-op build must skip the task by its Inputs/Outputs, once per service.
  quiet build "$path-with" -v:n
  local skipped
  skipped=$(grep -c 'Skipping target "MeshWriteManifests" because all output files are up-to-date' "$log" || true)
  echo "no-op build: MeshWriteManifests skipped as up to date in $skipped of ${#services[@]} services"

  local kind column with without paired
  echo
  echo "$path path, services in $configuration, compiler server $compiler_server, $runs clean and $noop_runs no-op runs each, medians (ms)."
  echo "ratio = median with / median without; paired = median of the ratios of the with/without builds run back to back,"
  echo "which cancels load that drifts between iterations."
  printf '  %-6s %-4s %8s %8s %7s %7s  %s\n' build time with without ratio paired "runs: with / without"
  for kind in clean no-op; do
    for column in 3 4; do
      with=$(awk -v k="$kind" -v c="$column" '$1 == "with" && $2 == k { print $c }' "$work/$path.times" | median)
      without=$(awk -v k="$kind" -v c="$column" '$1 == "without" && $2 == k { print $c }' "$work/$path.times" | median)
      paired=$(awk -v k="$kind" -v c="$column" '
          $2 == k && $1 == "with" { w[++i] = $c }
          $2 == k && $1 == "without" { o[++j] = $c }
          END { for (n = 1; n <= i; n++) print int(100000 * w[n] / o[n]) }' "$work/$path.times" | median)
      printf '  %-6s %-4s %8d %8d %7s %7s  %s/ %s\n' "$kind" "$([[ $column == 3 ]] && echo wall || echo cpu)" "$with" "$without" \
        "$(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.3f", a / b }')" "$(awk -v p="$paired" 'BEGIN { printf "%.3f", p / 100000 }')" \
        "$(awk -v k="$kind" -v c="$column" '$1 == "with" && $2 == k { printf "%s ", $c }' "$work/$path.times")" \
        "$(awk -v k="$kind" -v c="$column" '$1 == "without" && $2 == k { printf "%s ", $c }' "$work/$path.times")"
    done
  done
  echo

  if [[ "${PROFILE:-}" == 1 ]]; then
    for variant in with without; do
      clean "$path-$variant"
      quiet build "$path-$variant" -bl:"$work/$path-$variant-clean.binlog" -p:ReportAnalyzer=true
    done
    echo "binlogs: $work/$path-{with,without}-clean.binlog (replay: dotnet msbuild FILE.binlog -noconlog -flp:v=diag;logfile=FILE.log)"
  fi
}

echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(dotnet --version)"
case $mode in
  package) setup_package; measure package ;;
  source) setup_source; measure source ;;
  both) setup_package; measure package; setup_source; measure source ;;
  *) echo "usage: $0 [package|source|both]" >&2; exit 2 ;;
esac
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
