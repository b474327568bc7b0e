#!/usr/bin/env python3
"""Freezes the held-out split (issue 10) by a seeded rule, before any scorer is fitted.

Rule (seed "storybot-heldout-v1"):
- of the four shared stories, the one whose sha256(seed + ":" + name) is lowest is held out whole;
- of ../shared/eval/train-questions.json (AP story), per kind, the half (rounded up) whose
  sha256(seed + ":" + id) is lowest is held out.
Everything held out is copied to eval/heldout/ and never used for fitting, for choosing a threshold or
as intent examples; everything else is copied to eval/train/ (the training pool a clone can use).
Run from the repository root: python3 tools/heldout/freeze.py ../shared/eval
"""
import hashlib, json, math, os, shutil, sys

SEED = "storybot-heldout-v1"
shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval"
h = lambda s: hashlib.sha256(f"{SEED}:{s}".encode()).hexdigest()

stories = sorted(os.listdir(os.path.join(shared, "stories")))
stories = [s for s in stories if os.path.isdir(os.path.join(shared, "stories", s))]
held_story = min(stories, key=h)

for folder in ("eval/heldout", "eval/train"):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)

def copy_story(name, dest):
    os.makedirs(os.path.join(dest, name))
    for f in ("story.txt", "questions.json"):
        shutil.copy(os.path.join(shared, "stories", name, f), os.path.join(dest, name, f))

for s in stories:
    copy_story(s, "eval/heldout" if s == held_story else "eval/train")

train = json.load(open(os.path.join(shared, "train-questions.json"), encoding="utf-8"))
held, kept = [], []
kinds = sorted({c["kind"] for c in train["cases"]})
for kind in kinds:
    cases = sorted((c for c in train["cases"] if c["kind"] == kind), key=lambda c: h(c["id"]))
    n = math.ceil(len(cases) / 2)
    held_ids = {c["id"] for c in cases[:n]}
    held += [c for c in train["cases"] if c["id"] in held_ids]
    kept += [c for c in train["cases"] if c["kind"] == kind and c["id"] not in held_ids]
order = {c["id"]: i for i, c in enumerate(train["cases"])}
held.sort(key=lambda c: order[c["id"]]); kept.sort(key=lambda c: order[c["id"]])

def write(path, cases):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"article": "ap-2017-05-trump-lavrov.txt", "cases": cases}, f, ensure_ascii=False, indent=2)
        f.write("\n")

write("eval/heldout/ap/questions.json", held)
write("eval/train/ap/questions.json", kept)
shutil.copy(os.path.join(shared, "questions.json"), "eval/dev/questions.json") if os.path.isdir("eval/dev") else (os.makedirs("eval/dev"), shutil.copy(os.path.join(shared, "questions.json"), "eval/dev/questions.json"))
print(f"held out: story {held_story} (50 cases) + {len(held)} AP train questions; kept {len(kept)}")
