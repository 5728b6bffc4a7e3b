#!/bin/sh
# SPDX-License-Identifier: MIT
# Install libisomm into a temporary prefix, then build and run examples/evaluate.c against the
# installed copy twice: once with pkg-config, once through find_package(isomm).
#   check_install.sh SOURCE_DIR
set -eu
src=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
prefix="$work/prefix"

cmake -S "$src" -B "$work/build" -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_TESTING=OFF \
      -DISOMM_BUILD_PYTHON=OFF -DCMAKE_BUILD_TYPE=Release >"$work/configure.log"
cmake --build "$work/build" -j2 >"$work/build.log"
cmake --install "$work/build" >"$work/install.log"

libdir=$(ls -d "$prefix"/lib*/pkgconfig | head -n 1 | xargs dirname)
export PKG_CONFIG_PATH="$libdir/pkgconfig"
test "$(pkg-config --modversion isomm)" = "$(sed -n 's/^project(isomm VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")"
echo "pkg-config: $(pkg-config --cflags --libs isomm)"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Wpedantic -Werror "$src/examples/evaluate.c" -o "$work/evaluate-pc" \
   $(pkg-config --cflags --libs isomm) -Wl,-rpath,"$libdir"
"$work/evaluate-pc" hybrid >"$work/out-pc.txt"
grep -q "target hybrid" "$work/out-pc.txt"

cmake -S "$src/tests/install/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
      -DEXAMPLE_SOURCE="$src/examples/evaluate.c" -DCMAKE_BUILD_RPATH="$libdir" >"$work/consumer.log"
cmake --build "$work/consumer" >>"$work/consumer.log"
"$work/consumer/evaluate" full-insource >"$work/out-cmake.txt"
grep -q "target full-insource" "$work/out-cmake.txt"
echo "installed library: pkg-config and find_package builds both ran"
