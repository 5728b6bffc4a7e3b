#!/bin/sh
# SPDX-License-Identifier: MIT
# The shared library as built: its SONAME is libisomm.so.SOVERSION, its file is
# libisomm.so.SOVERSION.VERSION, and every symbol it exports carries the version ISOMM_SOVERSION.
#   check_library.sh LIBRARY_FILE SOVERSION VERSION
set -eu
lib=$1
so=$2
version=$3
status=0
name=$(basename "$lib")
if [ "$name" != "libisomm.so.$so.$version" ]; then
    echo "$lib: the file should be named libisomm.so.$so.$version"
    status=1
fi
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
if [ "$soname" != "libisomm.so.$so" ]; then
    echo "$lib: SONAME is '$soname', expected libisomm.so.$so"
    status=1
fi
exported=$(nm -D --defined-only --with-symbol-versions "$lib" | awk '{ print $3 }')
count=$(echo "$exported" | grep -c '^isomm_' || true)
if [ "$count" -lt 100 ]; then
    echo "$lib: only $count isomm_* symbols exported"
    status=1
fi
others=$(echo "$exported" | grep -v -e "@@ISOMM_$so\$" -e "^ISOMM_$so\$" || true)
if [ -n "$others" ]; then
    echo "$lib: exported symbols without the version ISOMM_$so, or not isomm_*:"
    echo "$others"
    status=1
fi
[ "$status" -ne 0 ] || echo "$name: SONAME libisomm.so.$so, $count symbols, all @@ISOMM_$so"
exit $status
