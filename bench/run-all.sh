#!/usr/bin/env bash
# Runs every StoryBot performance measurement in order and keeps each report under artifacts/perf/.
# docs/performance.md explains each step. Usage: bash bench/run-all.sh [--quick]
# Run it on a quiet machine (check `uptime`); nice -n -15 (root) keeps other work from skewing it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/perf
mkdir -p "$out"
quick=${1:-}
nice_cmd=()
if [ "$(id -u)" = 0 ]; then nice_cmd=(nice -n -15); fi

{ echo "nproc: $(nproc)"; grep -m1 'model name' /proc/cpuinfo; grep MemTotal /proc/meminfo; dotnet --version; uptime; } > "$out/machine.txt"

dotnet publish src/StoryBot -c Release -o artifacts/publish/StoryBot
dotnet publish bench/StockEchoBot -c Release -o artifacts/publish/StockEchoBot
dotnet build -c Release bench/StoryBot.Benchmarks
dotnet build -c Release bench/StoryBot.LoadTest
bench=bench/StoryBot.Benchmarks/bin/Release/net10.0/StoryBot.Benchmarks.dll
loadtest=bench/StoryBot.LoadTest/bin/Release/net10.0/StoryBot.LoadTest.dll

"${nice_cmd[@]}" dotnet "$bench" answers --reps 200 | tee "$out/answers.md"
"${nice_cmd[@]}" dotnet "$bench" scale --stories 1,10,100 --reps 30 | tee "$out/scale.md"
"${nice_cmd[@]}" dotnet "$bench" startup --runs 10 | tee "$out/startup.md"
if [ "$quick" != "--quick" ]; then
  (cd bench/StoryBot.Benchmarks && "${nice_cmd[@]}" dotnet run -c Release -- --filter '*' --warmupCount 3 --iterationCount 15 --artifacts "../../$out/bdn") | tee "$out/bdn.txt"
fi
"${nice_cmd[@]}" dotnet "$loadtest" --connections 32 --duration 8 --warmup 40 --rounds 3 | tee "$out/loadtest.md"
"${nice_cmd[@]}" dotnet "$loadtest" --mix distinct --connections 32 --duration 8 --warmup 40 --rounds 3 | tee "$out/loadtest-distinct-32.md"
"${nice_cmd[@]}" dotnet "$loadtest" --mix distinct --connections 4 --duration 8 --warmup 40 --rounds 3 --kinds story,echo | tee "$out/loadtest-distinct-4.md"
uptime >> "$out/machine.txt"
