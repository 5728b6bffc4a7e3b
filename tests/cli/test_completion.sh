#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The bash completion of isomm, driven the way bash drives it: COMP_WORDS/COMP_CWORD set, the
# completion function called, COMPREPLY compared with what it must hold.
#   test_completion.sh COMPLETION_SCRIPT ISOMM_BINARY
set -euo pipefail
script=$1
isomm=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
touch answers.csv another.csv
# shellcheck source=/dev/null
. "$script"
complete -p isomm | grep -q -- '-F _isomm isomm'

failures=0
expect() { # "expected words" word...: complete the last word of the line
    local expected=$1 got
    shift
    COMP_WORDS=("$isomm" "$@")
    COMP_CWORD=$(($# ))
    COMPREPLY=()
    if ! _isomm; then
        echo "isomm $* <TAB>: the completion function failed"
        failures=$((failures + 1))
    fi
    got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//')
    expected=$(printf '%s\n' $expected | sort | tr '\n' ' ' | sed 's/ $//')
    if [ "$got" != "$expected" ]; then
        echo "isomm $* <TAB>: expected [$expected], got [$got]"
        failures=$((failures + 1))
    fi
}

expect "report validate template compare aggregate model help --help --version" ""
expect "report" "rep"
expect "aggregate" "a"
expect "report validate template compare aggregate model" help ""
expect "" help report ""
expect "--format" report --fo
expect "text markdown json html svg svg-roles xlsx" report --format ""
expect "svg svg-roles" report --format s
expect "text markdown json html svg svg-heatmap" aggregate --format ""
expect "csv json" model --format ""
expect "csv xlsx" template --format ""
expect "full-outsource minimum-insource hybrid minimum-outsource full-insource" report --target ""
expect "ja en" validate --lang ""
expect "utf-8 cp932" validate --encoding ""
expect "answers.csv another.csv" report --html-out ""
expect "answers.csv another.csv" compare answers.csv ""
expect "--old" compare answers.csv --ol
expect "--new" compare --ne
expect "--encoding --format --help --lang --model --new --old --output" compare --
expect "--lang --list-size" report --l
expect "--output" model --o
expect "--bom" template --b
if [ "$failures" -ne 0 ]; then
    echo "$failures completion(s) wrong"
    exit 1
fi
echo "every completion as expected"
