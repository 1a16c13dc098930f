#!/usr/bin/env python3
"""Brings PublicAPI.Unshipped.txt in line with the code: adds symbols reported by RS0016, drops those reported by RS0017.

Usage: python3 eng/update-public-api.py [project-or-solution]   (builds it, then edits the files)
"""
import collections, os, re, subprocess, sys

target = sys.argv[1] if len(sys.argv) > 1 else "Grievance.sln"
out = subprocess.run(["dotnet", "build", target, "-nologo", "-p:TreatWarningsAsErrors=false", "--no-incremental"],
                     capture_output=True, text=True).stdout
add = collections.defaultdict(set)
remove = collections.defaultdict(set)
pat = re.compile(r"^(?P<file>/\S+?)\(\d+,\d+\): (?:error|warning) (?P<id>RS001[67]): Symbol '(?P<sym>.*)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).* \[(?P<proj>\S+\.csproj)")
for line in out.splitlines():
    m = pat.match(line.strip())
    if not m:
        continue
    proj_dir = os.path.dirname(m["proj"])
    (add if m["id"] == "RS0016" else remove)[proj_dir].add(m["sym"])
for proj_dir in set(add) | set(remove):
    path = os.path.join(proj_dir, "PublicAPI.Unshipped.txt")
    lines = open(path).read().splitlines() if os.path.exists(path) else ["#nullable enable"]
    body = [l for l in lines[1:] if l.strip() and l not in remove[proj_dir]]
    body = sorted(set(body) | add[proj_dir])
    open(path, "w").write("\n".join([lines[0]] + body) + "\n")
    print(f"{path}: +{len(add[proj_dir])} -{len(remove[proj_dir])}")
