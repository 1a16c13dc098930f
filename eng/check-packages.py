#!/usr/bin/env python3
"""Checks the packages packed from src/: one per project, metadata, licence, readme, symbols, dependencies.

Usage: check-packages.py FEED VERSION [REPO_ROOT]

Dependencies are checked against the projects themselves: every ProjectReference must appear as the sibling
package at exactly VERSION, every PackageReference that is not PrivateAssets="all" at the version pinned in
Directory.Packages.props (our floor), and nothing else.
"""
import glob
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

NUSPEC = "{http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd}"
TFM = "net10.0"


def main() -> int:
    feed, version = sys.argv[1], sys.argv[2]
    root = sys.argv[3] if len(sys.argv) > 3 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    problems: list[str] = []

    pins = {}
    for item in ET.parse(os.path.join(root, "Directory.Packages.props")).getroot().iter("PackageVersion"):
        pins[item.get("Include")] = item.get("Version")

    commit = None
    try:
        commit = subprocess.run(["git", "-C", root, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        print("git is not available: the repository commit is not checked")

    projects = {os.path.splitext(os.path.basename(p))[0]: p for p in glob.glob(os.path.join(root, "src", "*", "*.csproj"))}
    packed = {os.path.basename(p)[: -len(f".{version}.nupkg")] for p in glob.glob(os.path.join(feed, f"*.{version}.nupkg"))}
    others = set(os.listdir(feed)) - {f"{i}.{version}.{ext}" for i in packed for ext in ("nupkg", "snupkg")}
    if packed != set(projects):
        problems.append(f"packages {sorted(packed)} differ from src/ projects {sorted(projects)}")
    if others:
        problems.append(f"unexpected files in the feed (a test or tool project packed?): {sorted(others)}")

    for name in sorted(set(projects) & packed):
        before = len(problems)

        def fail(message: str, name: str = name) -> None:
            problems.append(f"{name}: {message}")

        with zipfile.ZipFile(os.path.join(feed, f"{name}.{version}.nupkg")) as package:
            files = set(package.namelist())
            meta = ET.fromstring(package.read(f"{name}.nuspec")).find(f"{NUSPEC}metadata")

            def text(tag: str) -> str:
                node = meta.find(f"{NUSPEC}{tag}")
                return (node.text or "").strip() if node is not None else ""

            for tag in ("description", "tags", "authors", "copyright", "projectUrl", "readme"):
                if not text(tag):
                    fail(f"nuspec has no {tag}")
            if text("version") != version:
                fail(f"version {text('version')}, expected {version}")
            licence = meta.find(f"{NUSPEC}license")
            if licence is None or licence.get("type") != "expression" or licence.text != "MIT":
                fail("licence is not the MIT expression")
            if "LICENSE" not in files:
                fail("LICENSE file is not in the package")
            if text("readme") and text("readme") not in files:
                fail(f"readme {text('readme')} is not in the package")
            for lib in (f"lib/{TFM}/{name}.dll", f"lib/{TFM}/{name}.xml"):
                if lib not in files:
                    fail(f"{lib} is not in the package")
            repository = meta.find(f"{NUSPEC}repository")
            if repository is None or not repository.get("url", "").startswith("https://") or repository.get("type") != "git":
                fail("nuspec has no https git repository")
            elif commit and repository.get("commit") != commit:
                fail(f"repository commit {repository.get('commit')}, expected {commit}")

            groups = meta.findall(f"{NUSPEC}dependencies/{NUSPEC}group")
            if [g.get("targetFramework") for g in groups] != [TFM]:
                fail(f"dependency groups {[g.get('targetFramework') for g in groups]}, expected [{TFM}]")
            actual = {d.get("id"): d.get("version") for g in groups for d in g.findall(f"{NUSPEC}dependency")}

        expected = {}
        project = ET.parse(projects[name]).getroot()
        for reference in project.iter("ProjectReference"):
            expected[os.path.splitext(os.path.basename(reference.get("Include").replace("\\", "/")))[0]] = version
        for reference in project.iter("PackageReference"):
            if (reference.get("PrivateAssets") or "").lower() != "all":
                expected[reference.get("Include")] = pins.get(reference.get("Include"), "(not pinned)")
        if actual != expected:
            fail(f"dependencies {actual}, expected {expected}")

        symbols = os.path.join(feed, f"{name}.{version}.snupkg")
        if not os.path.exists(symbols):
            fail("no .snupkg")
        else:
            with zipfile.ZipFile(symbols) as package:
                pdb = f"lib/{TFM}/{name}.pdb"
                if pdb not in package.namelist():
                    fail(f"{pdb} is not in the symbol package")
                else:
                    data = package.read(pdb)
                    url = b"https://raw.githubusercontent.com/"
                    if url not in data or (commit and commit.encode() not in data):
                        fail("the PDB has no SourceLink to the repository commit")

        if len(problems) == before:
            deps = ", ".join(f"{k} {v}" for k, v in sorted(actual.items()))
            print(f"ok  {name} {version}: {deps}")

    for problem in problems:
        print(f"FAIL {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
