#!/usr/bin/env bash
# Compares the published host under other JIT settings (docs/performance.md, seventh pass): each variant is a copy of
# artifacts/publish/StoryBot with one runtimeconfig property changed (the host only; the echo reference is untouched),
# or a publish without ReadyToRun (what `dotnet run` gives). Per variant, in a forward then a reverse pass: the load
# test's steady and cold figures (story only, 1 round), then start -> first answer (5 starts).
# Usage: bash bench/jit-variants.sh   (run on a quiet machine; ~15 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
P=artifacts/publish
dotnet publish src/StoryBot -c Release -o "$P/StoryBot" >/dev/null
dotnet publish src/StoryBot -c Release -o "$P/jit-nor2r" -p:PublishReadyToRun=false >/dev/null
dotnet build -c Release bench/StoryBot.LoadTest >/dev/null
dotnet build -c Release bench/StoryBot.Benchmarks >/dev/null
variant() { # name property value
  rm -rf "$P/jit-$1"; cp -a "$P/StoryBot" "$P/jit-$1"
  python3 - "$P/jit-$1/StoryBot.runtimeconfig.json" "$2" "$3" <<'PY'
import json, sys
path, name, value = sys.argv[1], sys.argv[2], sys.argv[3] == "true"
config = json.load(open(path))
config["runtimeOptions"]["configProperties"][name] = value
json.dump(config, open(path, "w"), indent=2)
PY
}
variant pgo0 System.Runtime.TieredPGO false
variant tc0 System.Runtime.TieredCompilation false
variant loops0 System.Runtime.TieredCompilation.QuickJitForLoops false
L=bench/StoryBot.LoadTest/bin/Release/net10.0/StoryBot.LoadTest.dll
B=bench/StoryBot.Benchmarks/bin/Release/net10.0/StoryBot.Benchmarks.dll
host() { if [ "$1" = default ]; then echo "$P/StoryBot/StoryBot.dll"; else echo "$P/jit-$1/StoryBot.dll"; fi; }
for v in default pgo0 tc0 loops0 nor2r nor2r loops0 tc0 pgo0 default; do
  echo "=== $v $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet "$L" --host "$(host $v)" --connections 32 --duration 8 --rounds 1 --kinds story | grep "^| story |" | head -1
done
echo "=== echo $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$L" --connections 32 --duration 8 --rounds 1 --kinds echo | grep "^| echo |" | head -1
for v in default pgo0 tc0 loops0 nor2r; do
  echo "=== start-up $v $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet "$B" startup --host "$(host $v)" --runs 5 | grep -E "median|max"
done
