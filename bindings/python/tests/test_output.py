# SPDX-License-Identifier: MIT
"""Files the Python layer writes go through the library's output layer: a planted link is
replaced, never followed; a failed write leaves the old file as it was and raises FileError."""

import os

import pytest

import isomm


def result():
    a = isomm.Assessment(id="site")
    a.set("A-1", "insource", 3)
    return a.evaluate()


@pytest.mark.parametrize("save", [lambda p: result().save(p, "html"),
                                  lambda p: isomm.write_csv(p, [result().assessment])])
def test_planted_link_is_replaced_not_followed(tmp_path, save):
    victim = tmp_path / "elsewhere" / "victim"
    victim.parent.mkdir()
    victim.write_bytes(b"old")
    link = tmp_path / "out"
    link.symlink_to(victim)
    save(link)
    assert victim.read_bytes() == b"old"
    assert not link.is_symlink() and link.stat().st_size > 3
    never = tmp_path / "elsewhere" / "never"
    dangling = tmp_path / "dangling"
    dangling.symlink_to(never)
    save(dangling)
    assert not os.path.lexists(never)


def test_failed_save_keeps_the_old_file_and_says_why(tmp_path):
    target = tmp_path / "missing-dir" / "report.html"
    with pytest.raises(isomm.FileError) as info:
        result().save(target)
    assert "No such file or directory" in str(info.value)
    assert not target.exists()
    (tmp_path / "a-dir").mkdir()
    with pytest.raises(isomm.FileError, match="Is a directory"):
        result().save(tmp_path / "a-dir")


def test_save_writes_the_rendered_document(tmp_path):
    r = result()
    r.save(tmp_path / "r.json", "json", "en")
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == r.render("json", "en")
