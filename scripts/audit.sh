#!/usr/bin/env bash
# pip-audit over fogwatch's pinned dependencies (pyproject.toml: the dependencies and every
# extra) and over the packages installed in .venv (their dependencies too).
#
# Fails (exit 1) on a vulnerability known to be exploited: one whose CVE is in CISA's Known
# Exploited Vulnerabilities catalog, read from the JSON file named by $FOGWATCH_KEV_CATALOG
# (CI cannot download it: only the package registries are reachable). Reports every other
# vulnerability without failing. When pip-audit cannot get answers from its vulnerability
# service, says so, with what failed, and exits 0: FOGWATCH_AUDIT_STRICT=1 makes that exit 2.
set -euo pipefail
cd "$(dirname "$0")/.."
PIP_AUDIT_VERSION=2.10.1
tool=.venv-audit/bin/pip-audit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ ! -x "$tool" ] || ! "$tool" --version | grep -q " $PIP_AUDIT_VERSION$"; then
  python3 -m venv .venv-audit
  if ! .venv-audit/bin/python -m pip install --quiet "pip-audit==$PIP_AUDIT_VERSION" \
      2> "$work/install.log"; then
    tail -3 "$work/install.log"
    echo "audit: NOT RUN: pip-audit $PIP_AUDIT_VERSION could not be installed"
    [ "${FOGWATCH_AUDIT_STRICT:-}" = "1" ] && exit 2
    exit 0
  fi
fi

python3 - > "$work/pinned.txt" <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
pins = set(project["dependencies"])
for extra in project.get("optional-dependencies", {}).values():
    pins.update(extra)
print("\n".join(sorted(pins)))
PY

audit() {  # audit NAME ARGS...: pip-audit's JSON report into $work/NAME.json
  local name=$1; shift
  "$tool" "$@" --progress-spinner off --format json --output "$work/$name.json" \
    2> "$work/$name.log" || true
}
audit pinned --requirement "$work/pinned.txt" --no-deps --disable-pip
site=$(ls -d .venv/lib/python3*/site-packages 2>/dev/null | head -1 || true)
if [ -n "$site" ]; then
  audit installed --path "$site" --skip-editable
fi

python3 - "$work" <<'PY'
import json, os, sys
from pathlib import Path

work = Path(sys.argv[1])
strict = os.environ.get("FOGWATCH_AUDIT_STRICT") == "1"
kev: set[str] | None = None
if os.environ.get("FOGWATCH_KEV_CATALOG"):
    catalog = json.loads(Path(os.environ["FOGWATCH_KEV_CATALOG"]).read_text())
    kev = {entry["cveID"] for entry in catalog["vulnerabilities"]}

exploited, others, unanswered = [], [], False
for name in ("pinned", "installed"):
    report, log = work / f"{name}.json", work / f"{name}.log"
    if not report.exists():
        if name == "installed" and not log.exists():
            continue
        said = log.read_text().strip().splitlines()
        print(f"audit ({name}): pip-audit failed: {said[-1] if said else 'no output'}")
        unanswered = True
        continue
    deps = json.loads(report.read_text())["dependencies"]
    skipped = [d for d in deps if "skip_reason" in d]
    audited = len(deps) - len(skipped)
    print(f"audit ({name}): {audited} of {len(deps)} packages audited")
    if skipped:
        reasons = sorted({d["skip_reason"].split(":")[0] for d in skipped})
        print(f"audit ({name}): {len(skipped)} not audited ({'; '.join(reasons)}), e.g. "
              + ", ".join(f"{d['name']} {d.get('version', '')}".strip() for d in skipped[:5]))
    if deps and audited == 0:
        unanswered = True
    for dep in deps:
        for vuln in dep.get("vulns", []):
            ids = {vuln["id"], *vuln.get("aliases", [])}
            line = (f"{dep['name']} {dep['version']}: {', '.join(sorted(ids))} "
                    f"(fixed in {', '.join(vuln.get('fix_versions', [])) or 'no release yet'})")
            (exploited if kev is not None and ids & kev else others).append(line)

for line in sorted(set(others)):
    print(f"vulnerable (not known to be exploited): {line}")
for line in sorted(set(exploited)):
    print(f"VULNERABLE AND KNOWN TO BE EXPLOITED: {line}")
if kev is None:
    print("audit: no CISA KEV catalog given ($FOGWATCH_KEV_CATALOG): no finding counts as "
          "known-exploited")
if unanswered:
    print("audit: NOT RUN: pip-audit's vulnerability service answered for no package (the "
          "per-release JSON it asks the package index for, /pypi/NAME/VERSION/json, and the "
          "OSV service are unreachable from here); the dependencies are NOT audited")
if exploited:
    sys.exit(1)
if unanswered and strict:
    sys.exit(2)
PY
