#!/usr/bin/env bash
# The built wheel, used the way a user gets it (called by `make wheel-check` and `make install`).
#
#   tools/wheel.sh durable PYTHON DIST               only the durable-rules wheel below (the Makefile's venvs use it)
#   tools/wheel.sh check PYTHON DIST WHEEL           fresh venv, wheel installed, every daily command run from an
#                                                    empty folder outside the checkout; fails on any reference to it
#   tools/wheel.sh install PYTHON DIST WHEEL PREFIX  pipx, else `uv tool`, else a venv in PREFIX/share/sakip-eval
#                                                    with the command linked into PREFIX/bin
#
# Each first puts a durable-rules wheel for PYTHON into DIST, built from its source with the define that maps
# PyEval_CallObject (removed in Python 3.13) to PyObject_CallObject (its setup.py overwrites CFLAGS, so CPPFLAGS
# carries the define), and never from pip's cache (a wheel built there without the define installs fine and
# fails on import). `--find-links DIST` then needs no compiler.
set -euo pipefail

action=$1 python=$2
mkdir -p "$3"
dist=$(realpath "$3")
checkout=$(realpath "$(dirname "$0")/..")
tag=$("$python" -c 'import sys; print("cp%d%d" % sys.version_info[:2])')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

quiet() {  # pip's chatter (and the machine's index warnings) only when something fails
    if ! "$@" >"$work/log" 2>&1; then
        cat "$work/log" >&2
        exit 1
    fi
}

durable_wheel() {
    local requirement
    requirement=$("$python" -c 'import sys, tomllib
with open(sys.argv[1], "rb") as handle:
    print(next(d for d in tomllib.load(handle)["project"]["dependencies"] if d.startswith("durable-rules")))
' "$checkout/pyproject.toml")
    compgen -G "$dist/durable_rules-*-$tag-*.whl" >/dev/null && return
    "$python" -m venv "$work/build"
    CPPFLAGS="${CPPFLAGS:-} -DPyEval_CallObject=PyObject_CallObject" quiet \
        "$work/build/bin/python" -m pip --disable-pip-version-check wheel --no-deps --no-cache-dir \
        -w "$dist" "$requirement"
}

check() {
    local venv=$work/venv here=$work/empty out=$work/out
    "$python" -m venv --without-pip "$venv"  # the interpreter's own pip installs into it: a few seconds less
    quiet "$python" -m pip --disable-pip-version-check --python "$venv/bin/python" install --find-links "$dist" \
        "$wheel"
    mkdir "$here" "$out"
    cd "$here"
    local -a env=(env -u PYTHONPATH SAKIP_EVAL_CACHE="$work/cache" "PATH=$venv/bin:/usr/bin:/bin")
    run() {  # the command's output goes to a file, checked below for any path into the checkout
        local name=$1
        shift
        if ! "${env[@]}" "$@" >"$out/$name.out" 2>&1; then
            echo "wheel-check ($tag): \`$*\` failed:" >&2
            cat "$out/$name.out" >&2
            exit 1
        fi
    }
    run where python -c 'import sakip_eval; print(sakip_eval.__file__)'
    run version sakip-eval --version
    run rules sakip-eval rules list
    run init sakip-eval init ws --opd "Dinas Contoh" --year 2026
    run score sakip-eval score ws
    run json sakip-eval score ws --format json
    run check sakip-eval check ws
    run report sakip-eval report ws --format html -o report.html
    run followup sakip-eval followup list ws
    run module python -m sakip_eval --version
    run cp1252 env PYTHONIOENCODING=cp1252 sakip-eval score ws --format json --no-history
    "$venv/bin/python" -c 'import json, sys; json.loads(open(sys.argv[1], encoding="utf-8").read())' "$out/cp1252.out"
    if grep -rlF "$checkout" "$out" "$here"; then
        echo "wheel-check ($tag): the installed package refers to the checkout $checkout" >&2
        exit 1
    fi
    grep -q "$venv" "$out/where.out"
    test -s report.html
    echo "wheel-check ($tag): $(cat "$out/version.out"); rules list, init, score, check, report, followup list," \
        "python -m, UTF-8 JSON on a cp1252 console, from $here: ok"
}

install() {
    local prefix=$1
    if command -v pipx >/dev/null; then
        pipx install --force --python "$python" --pip-args="--find-links=$dist" "$wheel"
    elif command -v uv >/dev/null; then
        uv tool install --force --python "$python" --find-links "$dist" "$wheel"
    else
        local venv=$prefix/share/sakip-eval/venv
        rm -rf "$venv"
        "$python" -m venv "$venv"
        quiet "$venv/bin/python" -m pip --disable-pip-version-check install --find-links "$dist" "$wheel"
        mkdir -p "$prefix/bin"
        ln -sf "$venv/bin/sakip-eval" "$prefix/bin/sakip-eval"
        echo "sakip-eval -> $prefix/bin/sakip-eval (PATH harus memuat / PATH must include $prefix/bin)"
    fi
}

durable_wheel
case $action in
    durable) ;;
    check) wheel=$(realpath "$4"); check ;;
    install) wheel=$(realpath "$4"); install "$5" ;;
    *) echo "usage: $0 durable|check|install PYTHON DIST [WHEEL [PREFIX]]" >&2; exit 2 ;;
esac
