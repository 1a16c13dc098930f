#!/usr/bin/env python3
"""Cuts the operations Grievance uses, and every component they reference, out of X's OpenAPI description.

Usage: extract-subset.py <openapi-2.162.json> > x-api-v2.162-subset.json
"""
import json
import sys

OPERATIONS = {
    "/2/users/{id}/mentions": ["get"],
    "/2/users/{id}/tweets": ["get"],
    "/2/tweets/search/recent": ["get"],
    "/2/tweets": ["post"],
    "/2/tweets/{tweet_id}/hidden": ["put"],
    "/2/dm_conversations/with/{participant_id}/messages": ["post"],
    "/2/dm_events": ["get"],
    "/2/users/me": ["get"],
    "/2/users/by/username/{username}": ["get"],
    "/2/tweets/search/stream": ["get"],
    "/2/tweets/search/stream/rules": ["get", "post"],
}

spec = json.load(open(sys.argv[1], encoding="utf-8"))
components = {}


def walk(node):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            _, _, kind, name = ref.split("/", 3)
            if name not in components.setdefault(kind, {}):
                components[kind][name] = spec["components"][kind][name]
                walk(components[kind][name])
        for value in node.values():
            walk(value)
    elif isinstance(node, list):
        for value in node:
            walk(value)


paths = {}
for path, methods in OPERATIONS.items():
    item = spec["paths"][path]
    paths[path] = {m: item[m] for m in methods}
    if "parameters" in item:
        paths[path]["parameters"] = item["parameters"]
walk(paths)

out = {
    "openapi": spec["openapi"],
    "info": spec["info"],
    "x-subset-of": "X API v2 OpenAPI description " + spec["info"]["version"] + ", operations used by Grievance.Twitter only",
    "paths": paths,
    "components": {k: dict(sorted(v.items())) for k, v in sorted(components.items())},
}
json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=False)
sys.stdout.write("\n")
