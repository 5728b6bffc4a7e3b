# SPDX-License-Identifier: MIT
"""Print the directory where the running interpreter looks for packages installed under a prefix.

    python3 site_dir.py PREFIX

The choice, in order:
  - PREFIX is a virtual environment (it has pyvenv.cfg): its site-packages;
  - a directory on this interpreter's search path that lies under PREFIX/lib (Debian:
    /usr/lib/python3/dist-packages for /usr, /usr/local/lib/python3.X/dist-packages for
    /usr/local), or the user site directory when it lies under PREFIX (~/.local);
  - else PREFIX/lib/python3.X/site-packages, with a warning that the interpreter does not
    search it (add it to PYTHONPATH).
Called by `cmake --install` (bindings/python/CMakeLists.txt) with the prefix it installs to.
"""

import os
import site
import sys
import sysconfig


def _under(path, prefix):
    """True when path is prefix/lib/... ."""
    try:
        relative = os.path.relpath(path, prefix)
    except ValueError:
        return False
    return relative.split(os.sep)[0] in ("lib", "lib64")


def site_dir(prefix):
    prefix = os.path.realpath(prefix)
    standard = sysconfig.get_path("platlib", "posix_prefix", vars={"base": prefix, "platbase": prefix})
    if os.path.exists(os.path.join(prefix, "pyvenv.cfg")):
        return standard, True
    candidates = [p for p in sys.path if os.path.basename(p) in ("site-packages", "dist-packages")]
    candidates.append(site.getusersitepackages())
    for entry in candidates:
        path = os.path.realpath(entry)
        if _under(path, prefix):
            return path, True
    return standard, False


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: site_dir.py PREFIX")
    path, searched = site_dir(sys.argv[1])
    if not searched:
        print(f"warning: {sys.executable} does not search {path}: add it to PYTHONPATH", file=sys.stderr)
    sys.stdout.write(path)


if __name__ == "__main__":
    main()
