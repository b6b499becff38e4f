"""Prints "NAME<TAB>RULE" for each [[brand]] of a brands file: the rule
brands::BrandQuery writes (src/brands/brand_query.cc), for tests that count
a brand's tweets with `roost count --filter` and compare with its tags."""
import sys
import tomllib


def listed(b, key):
    v = b.get(key, [])
    return [v] if isinstance(v, str) else list(v)


def any_of(parts):
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def rule(b):
    q = lambda s: '"%s"' % " ".join(s.split())
    words = [q(b["name"])] + [q(w) for w in listed(b, "aliases") + listed(b, "products")]
    by_words = any_of(words)
    if listed(b, "exclude"):
        by_words = "(" + by_words + " -" + any_of([q(e) for e in listed(b, "exclude")]) + ")"
    parts = []
    for h in listed(b, "handle") + listed(b, "handles"):
        h = h.lstrip("@").lower()
        parts += ["@" + h, "from:" + h, "to:" + h]
    tags = [h.lstrip("#") for h in listed(b, "hashtags")]
    # The name, aliases and products that can be hashtags count as hashtags too.
    for w in [b["name"]] + listed(b, "aliases") + listed(b, "products"):
        w = " ".join(w.split())
        if w and all(c.isalnum() or c == "_" or ord(c) >= 0x80 for c in w) and w.lower() not in [t.lower() for t in tags]:
            tags.append(w)
    parts += ["#" + h for h in tags]
    parts.append(by_words)
    r = any_of(parts)
    if b.get("filter"):  # BrandQuery writes this as CSDL; a rule filter keeps the same meaning here
        r = "((" + b["filter"] + ") OR " + r + ")"
    if listed(b, "lang"):
        r += " " + any_of(["lang:" + l.lower() for l in listed(b, "lang")])
    return r


for b in tomllib.load(open(sys.argv[1], "rb"))["brand"]:
    print(b["name"] + "\t" + rule(b))
