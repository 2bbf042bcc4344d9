"""Reading the content folder: symlinks refused, sizes capped, UTF-8 only, URL clashes found."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coalition_site.load.files import (MAX_FILE_BYTES, SourceFile, read_text,
                                       scan_content, split_front_matter)


def scan(content: Path):
    files, problems = scan_content(content, content.parent)
    return [f.src_uri for f in files], [str(p) for p in problems]


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    (folder / "partners").mkdir(parents=True)
    (folder / "coalition.yml").write_text("name: X\n")
    (folder / "partners" / "a.md").write_text("---\nname: A\n---\n")
    return folder


def source(path: Path) -> SourceFile:
    return SourceFile(path.name, path, f"content/{path.name}")


def test_lists_markdown_and_yaml_files_in_order(content):
    (content / "logo.png").write_bytes(b"\x89PNG")
    (content / ".hidden.md").write_text("x")
    (content / ".git").mkdir()
    (content / ".git" / "config.yml").write_text("x")
    assert scan(content) == (["coalition.yml", "partners/a.md"], [])


def test_a_symlinked_file_is_refused_and_never_read(content):
    os.symlink("/etc/passwd", content / "passwd.md")
    files, problems = scan(content)
    assert "passwd.md" not in files
    assert problems == ["content/passwd.md:1:1: error: this file is a symbolic link; replace the "
                        "link with a copy of the file (links are never followed) [file]"]


def test_a_symlink_is_refused_whatever_its_name(content):
    # MkDocs copies other files into the site as they are: a linked "logo" would publish its target.
    (content / "images").mkdir()
    os.symlink("/etc/passwd", content / "images" / "logo.png")
    assert scan(content)[1] == [
        "content/images/logo.png:1:1: error: this file is a symbolic link; replace the link with a "
        "copy of the file (links are never followed) [file]"]


def test_a_symlink_to_a_file_inside_the_folder_is_refused_too(content):
    os.symlink(content / "partners" / "a.md", content / "partners" / "b.md")
    assert scan(content)[1] == [
        "content/partners/b.md:1:1: error: this file is a symbolic link; replace the link with a "
        "copy of the file (links are never followed) [file]"]


def test_a_symlinked_folder_is_refused_and_never_entered(content, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("SECRET")
    os.symlink(outside, content / "notes")
    files, problems = scan(content)
    assert not any(f.startswith("notes/") for f in files)
    assert problems == [
        "content/notes:1:1: error: this folder is a symbolic link; replace the link with a real "
        "folder (links are never followed, so they cannot pull in files from outside the content "
        "folder) [file]"]


def test_a_dangling_symlink_is_refused_without_error(content):
    os.symlink(content / "nowhere.md", content / "gone.md")
    assert scan(content)[1] == [
        "content/gone.md:1:1: error: this file is a symbolic link; replace the link with a copy "
        "of the file (links are never followed) [file]"]


def test_a_file_or_folder_name_that_is_not_utf8_is_refused_and_never_read(content):
    latin1 = os.fsdecode(b"caf\xe9")  # how os.walk reads a name written in Latin-1
    (content / f"{latin1}.md").write_text("---\ntitle: x\n---\n")
    (content / latin1).mkdir()
    (content / latin1 / "menu.md").write_text("x")
    (content / f"{latin1}.png").write_bytes(b"\x89PNG")
    files, problems = scan(content)
    assert files == ["coalition.yml", "partners/a.md"]
    assert problems == [
        f"content/caf\\udce9{suffix}:1:1: error: this {what}'s name is not UTF-8 text; rename it "
        "(typing the name again in your file manager or editor saves it as UTF-8) [file]"
        for suffix, what in (("", "folder"), (".md", "file"), (".png", "file"))]


def test_two_files_for_one_url_are_reported(content):
    (content / "faq.md").write_text("# FAQ\n")
    (content / "faq").mkdir()
    (content / "faq" / "index.md").write_text("# FAQ\n")
    assert scan(content)[1] == [
        "content/faq/index.md:1:1: error: this file would be published at the same address "
        "('faq/') as 'content/faq.md'; rename or remove one of the two files [file]"]


def test_readme_and_index_in_one_folder_clash(content):
    (content / "partners" / "index.md").write_text("x")
    (content / "partners" / "README.md").write_text("x")
    assert scan(content)[1] == [
        "content/partners/index.md:1:1: error: this file would be published at the same address "
        "('partners/') as 'content/partners/README.md'; rename or remove one of the two files [file]"]


def test_names_that_differ_only_in_case_clash(content):
    (content / "FAQ.md").write_text("x")
    (content / "faq.md").write_text("x")
    assert scan(content)[1] == [
        "content/faq.md:1:1: error: this file would be published at the same address ('faq/') as "
        "'content/FAQ.md'; rename or remove one of the two files [file]"]


def test_a_file_at_the_size_cap_is_read_and_one_byte_more_is_refused(tmp_path):
    at_cap = tmp_path / "at.md"
    at_cap.write_bytes(b"x" * MAX_FILE_BYTES)
    assert read_text(source(at_cap)) == ("x" * MAX_FILE_BYTES, [])
    over = tmp_path / "over.md"
    over.write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    text, problems = read_text(source(over))
    assert MAX_FILE_BYTES == 1024 * 1024
    assert text is None
    assert [str(p) for p in problems] == [
        "content/over.md:1:1: error: this file is 1,048,577 bytes, over the limit of 1,048,576; "
        "split it into smaller pages [file]"]


def test_text_that_is_not_utf8_is_located_at_the_bad_byte(tmp_path):
    path = tmp_path / "latin1.md"
    path.write_bytes("---\ntitle: Café\n---\n".encode("latin-1"))
    text, problems = read_text(source(path))
    assert text is None
    assert [str(p) for p in problems] == [
        "content/latin1.md:2:11: error: this file is not UTF-8 text (byte 0xe9); save it as UTF-8 "
        "in your editor [encoding]"]


def test_a_nul_character_is_refused(tmp_path):
    path = tmp_path / "nul.md"
    path.write_bytes(b"hello\x00")
    assert [str(p) for p in read_text(source(path))[1]] == [
        "content/nul.md:1:1: error: this file contains a NUL character; save it as plain UTF-8 "
        "text [file]"]


@pytest.mark.parametrize("raw", [b"\xef\xbb\xbfa: 1\r\nb: 2\r\n", b"a: 1\rb: 2\r", b"a: 1\nb: 2\n"])
def test_byte_order_mark_and_line_endings_are_normalised(tmp_path, raw):
    path = tmp_path / "c.yml"
    path.write_bytes(raw)
    assert read_text(source(path)) == ("a: 1\nb: 2\n", [])


def test_front_matter_is_split_from_the_body_with_the_body_line():
    front = split_front_matter("---\ntitle: X\nvisibility: internal\n---\nBody\n")
    assert (front.text, front.body, front.body_line) == ("title: X\nvisibility: internal\n", "Body\n", 5)


def test_front_matter_may_end_with_dots():
    assert split_front_matter("---\na: 1\n...\nBody").text == "a: 1\n"


@pytest.mark.parametrize("text", ["No front matter\n", "---\ntitle: never closed\n", "\n---\na: 1\n---\n"])
def test_without_closed_front_matter_everything_is_body(text):
    front = split_front_matter(text)
    assert (front.text, front.body, front.body_line) == (None, text, 1)
