#!/usr/bin/env bash
# Packs every src/ project with a fresh version into a local folder, checks the packages, then builds and runs a
# throwaway app (eng/package-smoke) that references them BY VERSION from that folder, with its own empty
# NUGET_PACKAGES so no cached copy can stand in for a broken package. The app runs a minimal intake on a fake X
# and a SQLite file and exits non-zero unless every check holds.
#
# Usage: eng/pack-and-consume.sh            (GRIEVANCE_PACKAGE_VERSION overrides the version,
#                                            GRIEVANCE_NUGET_FEED the feed for third-party packages,
#                                            GRIEVANCE_KEEP_SMOKE=1 keeps the temp folder)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
version="${GRIEVANCE_PACKAGE_VERSION:-0.1.0-ci.$(date -u +%Y%m%d%H%M%S)}"
third_party_feed="${GRIEVANCE_NUGET_FEED:-https://api.nuget.org/v3/index.json}"
work="$(mktemp -d "${TMPDIR:-/tmp}/grievance-packages.XXXXXX")"
cleanup() {
  if [ "${GRIEVANCE_KEEP_SMOKE:-}" = "1" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
feed="$work/feed"
mkdir -p "$feed"
start=$SECONDS
stage() { echo "== $1 ($((SECONDS - start)) s)"; }

stage "pack src/ as $version into $feed"
# One build graph for all src/ projects, outside the repository's bin/ and obj/ (so a developer's build is untouched).
# Analyzers are off here: the build step enforces them on the same source; source generators still run.
dotnet new sln --format slnx --name Packages --output "$work/pack" >/dev/null
dotnet sln "$work/pack/Packages.slnx" add "$repo"/src/*/*.csproj >/dev/null
dotnet pack "$work/pack/Packages.slnx" -c Release --nologo -v:minimal \
  --artifacts-path "$work/artifacts" \
  -p:Version="$version" -p:PackageOutputPath="$feed" -p:ContinuousIntegrationBuild=true -p:RunAnalyzers=false

stage "check the packages"
python3 "$repo/eng/check-packages.py" "$feed" "$version" "$repo"

stage "build the consumer app against the packages (empty NUGET_PACKAGES)"
app="$work/app"
cp -R "$repo/eng/package-smoke" "$app"
cp "$repo/global.json" "$app/"
cat >"$app/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="grievance-local" value="$feed" />
    <add key="third-party" value="$third_party_feed" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="grievance-local"><package pattern="Grievance.*" /></packageSource>
    <packageSource key="third-party"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
EOF
export NUGET_PACKAGES="$work/nuget-packages"
mkdir -p "$NUGET_PACKAGES"
dotnet build "$app/Grievance.PackageSmoke.csproj" -c Release --nologo -v:minimal -p:GrievanceVersion="$version"

# The restore took every Grievance package from the local folder, at the packed version.
python3 - "$app/obj/project.assets.json" "$NUGET_PACKAGES" "$feed" "$version" <<'PY'
import json, os, sys
assets, cache, feed, version = sys.argv[1:]
libraries = json.load(open(assets))["libraries"]
names = ["Grievance.Core", "Grievance.Twitter", "Grievance.Twitter.Testing", "Grievance.Storage.Sqlite", "Grievance.Storage.PostgreSql"]
bad = []
for name in names:
    library = libraries.get(f"{name}/{version}")
    metadata = os.path.join(cache, name.lower(), version, ".nupkg.metadata")
    source = json.load(open(metadata)).get("source") if os.path.exists(metadata) else None
    if library is None or library.get("type") != "package" or os.path.realpath(source or "") != os.path.realpath(feed):
        bad.append(f"{name}: {library and library.get('type')} from {source}")
    else:
        print(f"ok  {name} {version} restored from the local folder")
others = sorted(k for k in libraries if k.startswith("Grievance.") and k.split("/")[1] != version)
for line in bad + [f"{k}: unexpected version" for k in others]:
    print(f"FAIL {line}")
sys.exit(1 if bad or others else 0)
PY

stage "run the consumer app"
dotnet "$app/bin/Release/net10.0/Grievance.PackageSmoke.dll"

stage "packages work as a department consumes them"
