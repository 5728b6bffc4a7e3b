# SPDX-License-Identifier: MIT
"""`cmake --install` puts the Python package where the interpreter looks, with a dist-info and
no RUNPATH (issue 12 item 2, issue 14 item 1). Run by CTest:

    python3 check_install.py BUILD_DIR VERSION

Stages the `python` install component for the prefixes /usr and /usr/local (DESTDIR) and checks
the package lands in the directory this interpreter searches for each (Debian:
/usr/lib/python3/dist-packages and /usr/local/lib/python3.X/dist-packages); then installs it
into a fresh virtual environment (prefix = the environment) and imports it from there.
"""

import importlib.metadata
import os
import subprocess
import sys
import sysconfig
import tempfile

BUILD, VERSION = sys.argv[1], sys.argv[2]
INFO = f"isomm-{VERSION}.dist-info"
VERSION_DIR = f"python{sys.version_info[0]}.{sys.version_info[1]}"
EXPECTED = {"/usr": "/usr/lib/python3/dist-packages", "/usr/local": f"/usr/local/lib/{VERSION_DIR}/dist-packages"}


def install(prefix, destdir=None):
    env = dict(os.environ)
    env.pop("DESTDIR", None)
    if destdir:
        env["DESTDIR"] = destdir
    subprocess.run(["cmake", "--install", BUILD, "--prefix", prefix, "--component", "python"], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def check_package(site):
    package = os.path.join(site, "isomm")
    names = os.listdir(package)
    assert "__init__.py" in names and "_capi.py" in names and "py.typed" in names and "__init__.pyi" in names, names
    (extension,) = [n for n in names if n.startswith("_isomm.") and n.endswith(".so")]
    dynamic = subprocess.run(["readelf", "-d", os.path.join(package, extension)], check=True, capture_output=True,
                             text=True).stdout
    assert "RUNPATH" not in dynamic and "RPATH" not in dynamic, dynamic
    assert "libisomm" not in dynamic, "the extension carries libisomm itself"
    info = os.path.join(site, INFO)
    assert sorted(os.listdir(info)) == ["INSTALLER", "METADATA", "RECORD"], os.listdir(info)
    dist = importlib.metadata.Distribution.at(info)
    assert dist.version == VERSION and dist.metadata["Name"] == "isomm"
    recorded = {line.split(",")[0] for line in dist.read_text("RECORD").splitlines()}
    assert f"isomm/{extension}" in recorded and "isomm/__init__.py" in recorded and f"{INFO}/METADATA" in recorded
    for name in recorded:
        assert os.path.exists(os.path.join(site, name)), name


def main():
    searched = {os.path.realpath(p) for p in sys.path}
    with tempfile.TemporaryDirectory() as tmp:
        for prefix, expected in EXPECTED.items():
            if sys.executable.startswith("/usr/bin/") and os.path.exists("/etc/debian_version"):
                assert expected in searched, (expected, sys.path)
            stage = os.path.join(tmp, "stage" + prefix.replace("/", "-"))
            install(prefix, destdir=stage)
            check_package(stage + expected)
            print(f"prefix {prefix}: {expected}")
        venv = os.path.join(tmp, "venv")
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
        install(venv)
        site = sysconfig.get_path("platlib", "venv" if "venv" in sysconfig.get_scheme_names() else "posix_prefix",
                                  vars={"base": venv, "platbase": venv})
        check_package(site)
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        out = subprocess.run([os.path.join(venv, "bin", "python"), "-c",
                              "import importlib.metadata, isomm; print(isomm.__file__); "
                              "print(importlib.metadata.version('isomm'), isomm.__version__)"],
                             check=True, capture_output=True, text=True, env=env, cwd=tmp).stdout.split("\n")
        assert out[0] == os.path.join(site, "isomm", "__init__.py"), out
        assert out[1] == f"{VERSION} {VERSION}", out
        print(f"virtual environment: {site}")


if __name__ == "__main__":
    main()
