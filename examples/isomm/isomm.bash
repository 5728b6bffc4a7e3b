# SPDX-License-Identifier: MIT
# bash completion of isomm. It reads the commands, options and values from isomm's own help
# (`isomm --help`, `isomm help COMMAND`), so a new command or option completes without a change
# here. Installed where bash-completion looks for it (completionsdir of bash-completion.pc).

# The values an option takes, from its help line: "ja|en"; a pattern; the words of its
# description ("text (default), markdown, json" or "input encoding: utf-8 (default) or cp932").
_isomm_values()
{
    local cmd=$1 option=$2 help line metavar description
    help=$("$3" help "$cmd" 2>/dev/null) || return
    line=$(printf '%s\n' "$help" | awk -v opt="$option" '
        /^  -/ {
            taking = 0
            split($0, parts, /   +/)
            n = split(parts[1], names, /, /)
            for (i = 1; i <= n; i++) {
                split(names[i], w, " ")
                if (w[1] == opt) { taking = 1; print w[2] "\t" parts[2]; next }
            }
        }
        taking && /^                    / { sub(/^ +/, ""); printf " %s", $0; next }
        { taking = 0 }
    ' | tr -d '\n')
    metavar=${line%%$'\t'*}
    description=${line#*$'\t'}
    case $metavar in
        "") return ;;
        *'|'*) printf '%s\n' "${metavar//|/$'\n'}" ;;
        PATTERN)
            "$3" --help 2>/dev/null | awk '/^Patterns:/ { on = 1 } on { print } on && /\.$/ { exit }' |
                sed 's/^Patterns://; s/[,.]/ /g' | tr ' ' '\n' | grep -E '^[a-z][a-z-]*$' ;;
        FILE | PATH | *.csv | *.json | DIR) echo "<file>" ;;
        F | E)
            description=${description##*:}
            printf '%s\n' "$description" | sed 's/([^)]*)//g; s/,/ /g; s/ or / /g' | tr ' ' '\n' |
                grep -E '^[a-z][a-z0-9-]*$' ;;
    esac
}

_isomm()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local isomm=${COMP_WORDS[0]} cmd="" i values commands
    COMPREPLY=()
    commands=$("$isomm" --help 2>/dev/null | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [ -z "$cmd" ]; then
        mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
        return
    fi
    if [ "$cmd" = help ]; then
        if [ "$COMP_CWORD" -eq $((i + 1)) ]; then
            mapfile -t COMPREPLY < <(compgen -W "${commands//help/}" -- "$cur")
        fi
        return 0
    fi
    if [[ $prev == -* ]]; then
        values=$(_isomm_values "$cmd" "$prev" "$isomm")
        if [ "$values" = "<file>" ]; then
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return
        elif [ -n "$values" ]; then
            mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
            return
        fi
    fi
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$("$isomm" help "$cmd" 2>/dev/null |
            grep -oE '^  (-[a-z], )?--[a-z-]+( [^ ]+)?(, --[a-z-]+)?' | grep -oE -- '--?[a-z-]+')" -- "$cur")
        return
    fi
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}
complete -F _isomm isomm
