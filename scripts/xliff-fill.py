#!/usr/bin/env python3
"""Writes translations into xliff/<locale>.xlf from a JSON map {id: target}; a target names the
source's placeholders {0}, {1}, ... in the order the translation needs them. Used by translators who work in JSON; the
XLIFF files stay the source of truth that `lit-localize build` reads.
Usage: python3 scripts/xliff-fill.py es translations.json"""
import json, re, sys, html
locale, path = sys.argv[1], sys.argv[2]
targets = json.load(open(path, encoding='utf-8'))
xlf = f'xliff/{locale}.xlf'
text = open(xlf, encoding='utf-8').read()
def fill(match):
    unit_id, body = match.group(1), match.group(2)
    if unit_id not in targets:
        return match.group(0)
    body = re.sub(r'\n?\s*<target>.*?</target>', '', body, flags=re.S)
    placeholders = dict(re.findall(r'(<x id="(\d+)"[^>]*/>)', body)[::-1] and [(n, x) for x, n in re.findall(r'(<x id="(\d+)"[^>]*/>)', body)])
    escaped = html.escape(targets[unit_id], quote=False)
    target = re.sub(r'\{(\d+)\}', lambda m: placeholders[m.group(1)], escaped)
    return f'<trans-unit id="{unit_id}">{body.rstrip()}\n  <target>{target}</target>\n</trans-unit>'
text, n = re.subn(r'<trans-unit id="([^"]+)">(.*?)</trans-unit>', fill, text, flags=re.S)
open(xlf, 'w', encoding='utf-8').write(text)
print(f'{xlf}: {sum(1 for k in targets)} targets given, {n} units')
