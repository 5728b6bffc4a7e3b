# SPDX-License-Identifier: MIT
"""PEP 517 build backend of the isomm Python distribution, driving the project's CMake build.

`python3 -m build` (or pip) calls build_sdist and build_wheel; no third-party package is needed:
  - build_sdist packs the source tree (the files git tracks, or everything but build output) with
    a PKG-INFO;
  - build_wheel configures CMake in a temporary directory with libisomm and libcsv linked
    statically into the extension (LibCSV_LIBRARY set to libcsv.a), builds the extension
    target only and zips the package with its dist-info.
The version is the one project(VERSION) of the top-level CMakeLists.txt; name, summary and
the other metadata come from pyproject.toml's [project] table.

The same module is a small command for the CMake build (bindings/python/CMakeLists.txt):
    isomm_backend.py metadata SOURCE_DIR DIST_INFO_DIR   write METADATA (build tree)
    isomm_backend.py record SITE_DIR VERSION             write INSTALLER and RECORD (cmake --install)
"""

import base64
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import zipfile

try:
    import tomllib
except ImportError:  # Python < 3.11
    import tomli as tomllib

NAME = "isomm"
_SKIP_DIRS = {".git", "__pycache__", "dist", ".hypothesis", ".pytest_cache", ".mypy_cache"}


def _version(root):
    with open(os.path.join(root, "CMakeLists.txt"), encoding="utf-8") as f:
        m = re.search(r"project\(\s*isomm\s+VERSION\s+([0-9]+\.[0-9]+\.[0-9]+)", f.read())
    if not m:
        raise RuntimeError("CMakeLists.txt has no project(isomm VERSION x.y.z)")
    return m.group(1)


def _metadata(root):
    """The METADATA text (core metadata 2.1) from pyproject.toml and the CMake version."""
    with open(os.path.join(root, "pyproject.toml"), "rb") as f:
        project = tomllib.load(f)["project"]
    lines = ["Metadata-Version: 2.1", f"Name: {project['name']}", f"Version: {_version(root)}",
             f"Summary: {project['description']}", f"Requires-Python: {project['requires-python']}",
             f"License: {project['license']['text']}"]
    for url_name, url in project.get("urls", {}).items():
        lines.append(f"Project-URL: {url_name}, {url}")
    lines += [f"Classifier: {c}" for c in project.get("classifiers", [])]
    for extra, requirements in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {r}; extra == "{extra}"' for r in requirements]
    readme = project.get("readme")
    lines.append("Description-Content-Type: text/markdown")
    text = "\n".join(lines) + "\n\n"
    if readme:
        with open(os.path.join(root, readme), encoding="utf-8") as f:
            text += f.read()
    return text


def _dist_info(version):
    return f"{NAME}-{version}.dist-info"


def _hash(data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def _tag():
    impl = f"cp{sys.version_info[0]}{sys.version_info[1]}"
    abi = impl + ("d" if hasattr(sys, "gettotalrefcount") else "")
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{impl}-{abi}-{platform}"


def _static_libcsv():
    """Path of libcsv.a as the C compiler finds it (Debian's libcsv-dev ships it)."""
    compiler = os.environ.get("CC", "cc")
    path = subprocess.run([compiler, "-print-file-name=libcsv.a"], check=True, capture_output=True,
                          text=True).stdout.strip()
    if not os.path.isabs(path) or not os.path.exists(path):
        raise RuntimeError(f"{compiler} finds no libcsv.a (Debian: apt-get install libcsv-dev); a wheel links it "
                           "statically")
    return path


def _run(command):
    print("+", " ".join(command), file=sys.stderr, flush=True)
    subprocess.run(command, check=True, stdout=sys.stderr)


def _package_files(site):
    """(archive name, path) of the package and its dist-info under a site directory."""
    for top in sorted(os.listdir(site)):
        if top != NAME and not (top.startswith(NAME + "-") and top.endswith(".dist-info")):
            continue
        for directory, dirs, files in os.walk(os.path.join(site, top)):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
            for name in sorted(files):
                path = os.path.join(directory, name)
                yield os.path.relpath(path, site).replace(os.sep, "/"), path


# ---- PEP 517 hooks -------------------------------------------------------------------------


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    root = os.getcwd()
    name = _dist_info(_version(root))
    os.makedirs(os.path.join(metadata_directory, name), exist_ok=True)
    with open(os.path.join(metadata_directory, name, "METADATA"), "w", encoding="utf-8") as f:
        f.write(_metadata(root))
    return name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    root = os.getcwd()
    version = _version(root)
    info = _dist_info(version)
    with tempfile.TemporaryDirectory(prefix="isomm-wheel-") as tmp:
        build = os.path.join(tmp, "build")
        _run(["cmake", "-S", root, "-B", build, "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_TESTING=OFF",
              "-DISOMM_BUILD_PYTHON=ON", f"-DLibCSV_LIBRARY={_static_libcsv()}",
              f"-DPython3_EXECUTABLE={sys.executable}"])
        _run(["cmake", "--build", build, "--target", "isomm_python", "-j", str(min(2, os.cpu_count() or 1))])
        site = os.path.join(build, "bindings", "python", "site")
        wheel_name = f"{NAME}-{version}-{_tag()}.whl"
        wheel = b"Wheel-Version: 1.0\nGenerator: isomm_backend\nRoot-Is-Purelib: false\nTag: %s\n" % _tag().encode()
        entries = [(name, open(path, "rb").read()) for name, path in _package_files(site)]
        for extra in ("LICENSE", "NOTICE"):
            with open(os.path.join(root, extra), "rb") as f:
                entries.append((f"{info}/licenses/{extra}", f.read()))
        entries.append((f"{info}/WHEEL", wheel))
        record = "".join(f"{name},{_hash(data)},{len(data)}\n" for name, data in entries) + f"{info}/RECORD,,\n"
        entries.append((f"{info}/RECORD", record.encode()))
        os.makedirs(wheel_directory, exist_ok=True)
        target = os.path.join(wheel_directory, wheel_name)
        with zipfile.ZipFile(target + ".part", "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in entries:
                z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data,
                           compress_type=zipfile.ZIP_DEFLATED)
        os.replace(target + ".part", target)
    return wheel_name


def _source_files(root):
    """The files of the source tree: those git tracks in a checkout, else every file outside
    build directories (an unpacked sdist)."""
    if os.path.isdir(os.path.join(root, ".git")) and shutil.which("git"):
        out = subprocess.run(["git", "-C", root, "ls-files", "-z"], check=True, capture_output=True).stdout
        return sorted(name for name in out.decode().split("\0") if name and os.path.isfile(os.path.join(root, name)))
    files = []
    for directory, dirs, names in os.walk(root):
        rel = os.path.relpath(directory, root)
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not (rel == "." and d.startswith("build")))
        files += [os.path.normpath(os.path.join(rel, n)) for n in names if not (rel == "." and n == "PKG-INFO")]
    return sorted(files)


def build_sdist(sdist_directory, config_settings=None):
    root = os.getcwd()
    base = f"{NAME}-{_version(root)}"
    os.makedirs(sdist_directory, exist_ok=True)
    target = os.path.join(sdist_directory, base + ".tar.gz")
    with tarfile.open(target + ".part", "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for name in _source_files(root):
            tar.add(os.path.join(root, name), arcname=f"{base}/{name}", recursive=False)
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        data = _metadata(root).encode("utf-8")
        info.size = len(data)
        info.mode = 0o644
        tar.addfile(info, io.BytesIO(data))
    os.replace(target + ".part", target)
    return base + ".tar.gz"


# ---- commands for the CMake build ----------------------------------------------------------


def _write_record(site, version):
    """INSTALLER and RECORD of an installed copy, so that pip and importlib.metadata see it and
    `pip uninstall isomm` removes exactly its files."""
    info = os.path.join(site, _dist_info(version))
    with open(os.path.join(info, "INSTALLER"), "w", encoding="utf-8") as f:
        f.write("cmake\n")
    lines = []
    for name, path in _package_files(site):
        if name.endswith("/RECORD") or not name.startswith((NAME + "/", _dist_info(version) + "/")):
            continue
        with open(path, "rb") as f:
            data = f.read()
        lines.append(f"{name},{_hash(data)},{len(data)}\n")
    lines.append(f"{_dist_info(version)}/RECORD,,\n")
    with open(os.path.join(info, "RECORD"), "w", encoding="utf-8") as f:
        f.writelines(lines)


def main(argv):
    if len(argv) == 4 and argv[1] == "metadata":
        os.makedirs(argv[3], exist_ok=True)
        with open(os.path.join(argv[3], "METADATA"), "w", encoding="utf-8") as f:
            f.write(_metadata(argv[2]))
    elif len(argv) == 4 and argv[1] == "record":
        _write_record(argv[2], argv[3])
    else:
        sys.exit("usage: isomm_backend.py metadata SOURCE_DIR DIST_INFO_DIR | record SITE_DIR VERSION")


if __name__ == "__main__":
    main(sys.argv)
