#!/usr/bin/env python3
"""Every dev reply as it goes over the wire, to diff before/after a change that is only about speed.

Posts each message of the dev set (one conversation per case, follow-up turns in order) to a running
host's /api/messages with deliveryMode expectReplies and prints the response bodies, one per line
group. Usage (docs/performance.md):
  python3 bench/wire-replies.py http://127.0.0.1:39200 [questions.json] > replies-after.txt
"""
import json
import os
import sys
import urllib.request

base = sys.argv[1].rstrip("/")
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
default = os.path.join(root, "eval", "dev", "questions.json")
if not os.path.exists(default):
    default = os.path.join(root, "..", "shared", "eval", "questions.json")
path = sys.argv[2] if len(sys.argv) > 2 else default

for case in json.load(open(path, encoding="utf-8"))["cases"]:
    for i, text in enumerate(case.get("turns") or [case.get("question")]):
        activity = {
            "type": "message", "id": f"{case['id']}-{i}", "timestamp": "2026-11-25T12:00:00.000Z",
            "channelId": "emulator", "serviceUrl": "http://localhost:9/",
            "from": {"id": "u", "name": "User", "role": "user"},
            "recipient": {"id": "storybot", "name": "StoryBot", "role": "bot"},
            "conversation": {"id": "wire-" + case["id"]}, "locale": "en-US",
            "deliveryMode": "expectReplies", "text": text,
        }
        request = urllib.request.Request(base + "/api/messages", data=json.dumps(activity).encode(),
                                         headers={"Content-Type": "application/json"})
        print(urllib.request.urlopen(request).read().decode())
