"""The ``coalition-site`` command: exit codes, output formats and errors without tracebacks."""

from __future__ import annotations

import errno
import json
import socket

import pytest

from coalition_site.errors import ProjectError
from support import MINIMAL, Sample, invoke, run

LATER = "1800000000"  # 15 January 2027: the sample's next review is overdue, a warning
OVERDUE = ("content/reviews/2026-11-11.md:2:7: warning: the next review was due on 2026-12-12, 31 "
           "days ('review_cadence_days') after the latest one on 2026-11-11; hold it and add "
           "'reviews/<YYYY-MM-DD>.md' with its date [review-due]")


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Sample:
    sample = Sample.copy(tmp_path_factory.mktemp("broken") / "project")
    sample.edit("coalition.yml", "founded: 2024-03-01", "founded: 2026-02-30")
    sample.edit("partners/riders-alliance.md", "issue: Public transit", "issue: no")
    return sample


# -- check -----------------------------------------------------------------------------------------
def test_check_a_clean_charter_exits_0():
    result = invoke("check", MINIMAL)
    assert (result.exit_code, result.output) == (0, "content: no problems\n")


def test_check_with_only_warnings_exits_0_and_prints_them():
    result = invoke("check", MINIMAL, SOURCE_DATE_EPOCH=LATER)
    assert (result.exit_code, result.output) == (0, f"{OVERDUE}\ncontent: 1 warning\n")


def test_check_strict_fails_on_warnings():
    result = invoke("check", "--strict", MINIMAL, SOURCE_DATE_EPOCH=LATER)
    assert (result.exit_code, result.output) == (1, f"{OVERDUE}\ncontent: 1 warning\n")


def test_check_with_errors_exits_1_and_prints_each_located(broken):
    result = invoke("check", broken.root)
    assert result.exit_code == 1
    assert result.output == (
        "content/coalition.yml:4:10: error: 2026-02-30 is not a date that exists; write a real "
        "calendar date as YYYY-MM-DD [yaml]\n"
        "content/partners/riders-alliance.md:3:8: error: 'issue': the bare word no was read as the "
        "boolean false; if you meant the text, quote it: 'no' [schema]\n"
        "content: 2 errors\n")


def test_check_defaults_to_the_current_folder(monkeypatch):
    monkeypatch.chdir(MINIMAL)
    assert invoke("check").output == "content: no problems\n"


def test_check_json_is_a_list_of_located_objects(broken):
    result = invoke("check", "--format", "json", broken.root)
    assert result.exit_code == 1
    problems = json.loads(result.output)
    assert [sorted(p) for p in problems] == [
        ["column", "field", "level", "line", "message", "path", "rule"]] * 2
    assert problems[1] == {
        "path": "content/partners/riders-alliance.md", "line": 3, "column": 8, "level": "error",
        "message": "'issue': the bare word no was read as the boolean false; if you meant the text, "
                   "quote it: 'no'", "rule": "schema", "field": "issue"}


def test_check_json_of_a_clean_charter_is_an_empty_list():
    result = invoke("check", "--format", "json", MINIMAL)
    assert (result.exit_code, json.loads(result.output)) == (0, [])


def test_check_github_prints_one_annotation_per_problem(broken):
    result = invoke("check", "--format", "github", broken.root)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "::error file=content/coalition.yml,line=4,col=10,title=yaml::2026-02-30 is not a date that "
        "exists; write a real calendar date as YYYY-MM-DD",
        "::error file=content/partners/riders-alliance.md,line=3,col=8,title=schema::'issue': the bare "
        "word no was read as the boolean false; if you meant the text, quote it: 'no'",
    ]


def test_check_github_warnings():
    result = invoke("check", "--format", "github", MINIMAL, SOURCE_DATE_EPOCH=LATER)
    assert result.exit_code == 0
    assert result.output.startswith(
        "::warning file=content/reviews/2026-11-11.md,line=2,col=7,title=review-due::the next review")


@pytest.mark.parametrize("args, message", [
    (["check", "--bogus"], "Error: No such option '--bogus'."),
    (["check", "--format", "xml"], "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json', 'github'."),
    (["build", "--audience", "everyone"], "Error: Invalid value for '--audience': 'everyone' is not one of 'public', 'internal'."),
    (["frobnicate"], "Error: No such command 'frobnicate'."),
])
def test_wrong_usage_exits_2(args, message):
    result = invoke(*args, MINIMAL) if args[0] != "frobnicate" else invoke(*args)
    assert result.exit_code == 2
    assert message in result.output


def test_a_folder_without_mkdocs_yml_is_an_error_not_a_traceback(tmp_path):
    result = invoke("check", tmp_path)
    assert result.exit_code == 1
    assert result.output == (
        f"error: no mkdocs.yml in '{tmp_path}'; run this in a coalition-site project, give its "
        "folder, or create one with 'coalition-site new DIR'\n")
    assert isinstance(result.exception, SystemExit)


def test_a_content_folder_without_mkdocs_yml_can_be_checked(tmp_path):
    Sample.copy(tmp_path / "project").root.joinpath("mkdocs.yml").unlink()
    result = invoke("check", tmp_path / "project")
    assert (result.exit_code, result.output) == (0, "content: no problems\n")


def test_an_unknown_rule_in_mkdocs_yml_is_named(sample):
    (sample.root / "mkdocs.yml").write_text(
        "site_name: X\ndocs_dir: content\nplugins:\n  - coalition:\n      rules: {review-overdue: off}\n")
    result = invoke("check", sample.root)
    assert result.exit_code == 1
    assert result.output.startswith("error: mkdocs.yml: unknown rule id 'review-overdue'; known rules: ")


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("rules, message", [
    ("{review-due: [error]}", "rule 'review-due': unknown level ['error']; use one of: error, warning, off"),
    ("{review-due: {level: error}}", "rule 'review-due': unknown level {'level': 'error'}; use one of: "
                                     "error, warning, off"),
    ("{review-due: error, 2: off}", "unknown rule id '2'; known rules: "),
])
def test_a_rule_level_of_the_wrong_kind_is_named(sample, command, rules, message):
    (sample.root / "mkdocs.yml").write_text(
        f"site_name: X\ndocs_dir: content\nplugins:\n  - coalition:\n      rules: {rules}\n")
    result = invoke(command, sample.root)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.output.startswith(f"error: mkdocs.yml: {message}")
    assert not (sample.root / "site").exists()


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("value", ["always", "'true'", "1"])
def test_publish_review_dates_is_true_or_false_never_a_guess(sample, command, value):
    # Only `true` publishes the dates of internal reviews: anything else is an error, not a yes.
    (sample.root / "mkdocs.yml").write_text(
        f"site_name: X\ndocs_dir: content\nplugins:\n  - coalition:\n      publish_review_dates: {value}\n")
    result = invoke(command, sample.root)
    shown = {"always": "'always'", "'true'": "'true'", "1": "1"}[value]
    assert (result.exit_code, result.output) == (1, (
        f"error: mkdocs.yml: the coalition plugin's 'publish_review_dates' option is {shown}; write true "
        "(the public site shows the date of every review, internal ones too) or false (the default: "
        "only published reviews)\n"))
    assert not (sample.root / "site").exists()


@pytest.mark.parametrize("plugins", [
    "  - coalition:\n      rules: {review-due: error}\n",
    "  search: {}\n  coalition:\n    rules: {review-due: error}\n",  # plugins as one mapping
])
def test_rule_levels_from_mkdocs_yml_apply(sample, plugins):
    (sample.root / "mkdocs.yml").write_text("site_name: X\ndocs_dir: content\nplugins:\n" + plugins)
    result = invoke("check", sample.root, SOURCE_DATE_EPOCH=LATER)
    assert result.exit_code == 1
    assert OVERDUE.replace(": warning: ", ": error: ") in result.output


@pytest.mark.parametrize("command", ["check", "build"])
def test_an_empty_markdown_extension_is_named_not_a_traceback(sample, command):
    (sample.root / "mkdocs.yml").write_text(
        "site_name: X\ndocs_dir: content\nplugins: [coalition]\nmarkdown_extensions: [{}]\n")
    result = invoke(command, sample.root)
    assert (result.exit_code, result.output) == (1, "error: mkdocs.yml: 'markdown_extensions' has an empty "
                                                    "entry ('- {}'); remove it, or write the name of an extension\n")
    assert isinstance(result.exception, SystemExit)


def test_a_wrong_plugin_option_stops_the_build_with_a_word_of_ours(sample):
    (sample.root / "mkdocs.yml").write_text(
        "site_name: X\ndocs_dir: content\nplugins:\n  - coalition:\n      audience: everyone\n")
    result = invoke("build", sample.root)
    assert result.exit_code == 1
    assert result.output.endswith(
        "error: mkdocs.yml: aborted with a configuration error; the lines above say which values and "
        "why; nothing was built\n")
    assert not (sample.root / "site").exists()


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("epoch, problem", [
    ("", "is not a number of seconds since 1970"),
    ("-1", "is out of range: it counts the seconds from 1970 to 2106 at the latest (0 to 4294967295)"),
    ("253402300799", "is out of range: it counts the seconds from 1970 to 2106 at the latest (0 to 4294967295)"),
])
def test_an_epoch_mkdocs_cannot_use_stops_check_and_build_alike(sample, command, epoch, problem):
    result = invoke(command, sample.root, SOURCE_DATE_EPOCH=epoch)
    assert (result.exit_code, result.output) == (
        1, f"error: SOURCE_DATE_EPOCH='{epoch}' {problem}; unset it or set it to e.g. "
           "$(git log -1 --format=%ct)\n")
    assert not (sample.root / "site").exists()


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_a_file_name_that_is_not_utf8_is_printed_escaped(sample, fmt):
    (sample.content / "caf\udce9.md").write_bytes(b"---\nvisibilty: internal\n---\n")  # b'caf\xe9.md'
    checked = run("check", "--format", fmt, cwd=sample.root, PYTHONIOENCODING="utf-8")
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    if fmt == "json":
        assert [p["path"] for p in json.loads(checked.stdout)] == ["content/caf\\udce9.md"]
    else:
        assert "content/caf\\udce9.md" in checked.stdout


def test_debug_shows_the_traceback(tmp_path):
    result = invoke("--debug", "check", tmp_path)
    assert isinstance(result.exception, ProjectError)


def test_an_error_nobody_foresaw_is_one_line_and_debug_shows_the_traceback(sample):
    # A bug in a theme, a plugin or coalition-site itself (here a hook's): the person reading
    # the log is told what to do, not shown Python's stack.
    (sample.root / "crash.py").write_text(
        "def on_page_markdown(markdown, page, **kwargs):\n"
        "    if page.file.src_uri == 'charter/joint-demand.md':\n"
        "        raise KeyError('stake')\n", encoding="utf-8")
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks: [crash.py]\n", encoding="utf-8")
    built = run("build", cwd=sample.root)
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert "ERROR   -  Error reading page 'charter/joint-demand.md': 'stake'\n" in built.stderr
    assert built.stderr.endswith(
        "error: coalition-site stopped on an error it does not know how to explain (KeyError: "
        "'stake'); the lines above may name the page. Run the same command as 'coalition-site "
        "--debug ...' to see where it happened, and report it as a bug\n")
    assert not (sample.root / "site").exists()
    debugged = run("--debug", "build", cwd=sample.root)
    assert debugged.returncode == 1 and "Traceback" in debugged.stderr and "KeyError: 'stake'" in debugged.stderr


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output.startswith("coalition-site, version ")


# -- serve ---------------------------------------------------------------------------------------
IN_USE = ("error: cannot serve on 127.0.0.1:{0}: the address is already in use (is another "
          "'coalition-site serve' or 'mkdocs serve' running?); stop it, or serve on another port "
          "with --dev-addr 127.0.0.1:{1}\n")


@pytest.fixture
def taken_port():
    """A port another server listens on while the test runs."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


@pytest.fixture
def no_dev_server(monkeypatch):
    """A test that reaches MkDocs' dev server fails, rather than serving until it is killed."""
    def refuse(**options):
        raise AssertionError(f"the dev server was started with {options}")
    monkeypatch.setattr("mkdocs.commands.serve.serve", refuse)


def test_serve_on_a_port_in_use_is_one_line_and_no_traceback(taken_port):
    served = run("serve", MINIMAL, "--dev-addr", f"127.0.0.1:{taken_port}")
    # Said before the first build (MkDocs builds the whole site, then binds).
    assert (served.returncode, served.stdout, served.stderr) == (
        1, "", IN_USE.format(taken_port, taken_port + 1))


def test_serve_on_the_dev_addr_of_mkdocs_yml_in_use(sample, taken_port, no_dev_server):
    config = sample.root / "mkdocs.yml"
    config.write_text(config.read_text() + f"dev_addr: 127.0.0.1:{taken_port}\n")
    result = invoke("serve", sample.root)
    assert (result.exit_code, result.output) == (1, IN_USE.format(taken_port, taken_port + 1))


def test_a_port_taken_during_the_first_build_is_the_same_one_line(monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    def taken_meanwhile(**options):
        raise OSError(errno.EADDRINUSE, "Address already in use")
    monkeypatch.setattr("mkdocs.commands.serve.serve", taken_meanwhile)
    result = invoke("serve", MINIMAL, "--dev-addr", f"127.0.0.1:{port}")
    assert (result.exit_code, result.output) == (1, IN_USE.format(port, port + 1))


def test_serve_on_an_address_of_no_interface_here_says_so(no_dev_server):
    # 2001:db8::/32 is for documentation: no machine has it.
    result = invoke("serve", MINIMAL, "--dev-addr", "[2001:db8::1]:8000")
    assert result.exit_code == 1
    assert result.output.startswith("error: cannot serve on [2001:db8::1]:8000: ")
    assert result.output.endswith("; serve on another address with --dev-addr 127.0.0.1:8000\n")
    assert result.output.count("\n") == 1


# -- new and schema --------------------------------------------------------------------------------
def test_new_refuses_a_folder_that_is_not_empty_without_touching_it(tmp_path):
    (tmp_path / "mine.md").write_text("my notes")
    result = invoke("new", tmp_path)
    assert result.exit_code == 1
    assert result.output == (f"error: the folder '{tmp_path}' is not empty; choose a new or empty "
                             "folder (nothing you already have is ever overwritten)\n")
    assert [p.name for p in tmp_path.iterdir()] == ["mine.md"]
    assert (tmp_path / "mine.md").read_text() == "my notes"


def test_new_refuses_a_file_as_wrong_usage(tmp_path):
    (tmp_path / "file").write_text("x")
    result = invoke("new", tmp_path / "file")
    assert result.exit_code == 2
    assert f"Error: Invalid value for 'TARGET': Directory '{tmp_path / 'file'}' is a file." in result.output
    assert (tmp_path / "file").read_text() == "x"


def test_schema_writes_one_file_per_kind_and_lists_them(tmp_path):
    result = invoke("schema", tmp_path / "schemas")
    assert result.exit_code == 0
    names = sorted(line.rsplit("/", 1)[-1] for line in result.output.splitlines())
    assert names == sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert len(names) == 10


def test_schema_refuses_to_overwrite_a_file_it_did_not_write(tmp_path):
    (tmp_path / "partner.schema.json").write_text('{"mine": true}')
    result = invoke("schema", tmp_path)
    assert result.exit_code == 1
    assert result.output == (f"error: '{tmp_path / 'partner.schema.json'}' exists and was not written "
                             "by coalition-site; move it away or choose another folder\n")
    assert (tmp_path / "partner.schema.json").read_text() == '{"mine": true}'
