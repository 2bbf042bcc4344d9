"""What each CLI command does, as plain functions with keyword arguments (mike's layout).

The CLI (``cli.py``) only parses arguments and calls these; tests call them directly too.
MkDocs is imported here, inside the functions that build, so that the core never needs it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import socket
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from .check import CheckResult
from .errors import BuildError, CharterError, ProjectError, os_reason
from .model import Audience
from .problems import format_problems, has_errors, summary
from .project import Project, find_project, serve_address
from .project.check import check_project
from .project.output_dir import check_place
from .project.settings import Handover, read_settings, resolve_audience

DEFAULT_SITE_DIRS = {"public": "site", "internal": "site-internal"}
DEFAULT_DEV_ADDR = "127.0.0.1:8000"
"""MkDocs' own default for ``dev_addr``."""
_ADDRESS_IN_USE = {errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", errno.EADDRINUSE)}


def check(project_dir: Path | str = ".", *, strict: bool = False, fmt: str = "text",
          out: TextIO | None = None) -> int:
    """Validate the charter of ``project_dir``; print problems; return the exit code."""
    out = out or sys.stdout  # looked up now, not at import: callers may redirect stdout
    project = find_project(project_dir)
    result = _check(project)
    if result.problems or fmt == "json":
        print(format_problems(result.problems, fmt), file=out)
    if fmt == "text":
        print(f"{_display(project.docs_dir, project.root)}: {summary(result.problems)}", file=out)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _write_step_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), result)
    return 1 if has_errors(result.problems, strict=strict) else 0


def _write_step_summary(path: Path, result: CheckResult) -> None:
    # GitHub shows 10 error and 10 warning annotations a step: the job summary holds every one.
    from .project.github import step_summary

    try:
        with path.open("a", encoding="utf-8") as summary_file:  # appended, as GitHub expects
            summary_file.write(step_summary(result.problems))
    except OSError as exc:
        raise ProjectError(f"cannot write the job summary to '{path}' (GITHUB_STEP_SUMMARY): "
                           f"{os_reason(exc)}") from None


def _check(project: Project) -> CheckResult:
    settings = read_settings(project.plugin_options, project.root, config_name=project.config_file.name
                             if project.config_file else "config")
    return check_project(project, settings)


def build(project_dir: Path | str = ".", *, audience: str | None = None,
          site_dir: Path | str | None = None, strict: bool = False) -> Path:
    """Build the site of ``project_dir`` for ``audience``; return the folder it was built in."""
    project = find_project(project_dir)
    project.require_plugin()  # without it, MkDocs would publish every internal file as written
    # Validate first, so that errors print located and complete, before MkDocs starts.
    result = _check(project)
    # With --strict a warning fails the build too: before MkDocs starts, so nothing is written.
    if result.errors or (strict and result.problems):
        raise CharterError(result.problems if strict else result.errors)
    from mkdocs.commands.build import build as mkdocs_build

    audience = resolve_audience(audience, project.plugin_options.get("audience"))
    config = _load_mkdocs_config(project, audience, site_dir, strict)
    # The plugin is handed the audience, and this check to reuse, as values.
    with _handing(config, Handover(audience, check=result)):
        _run_mkdocs(mkdocs_build, config)
    return Path(config.site_dir)


def serve(project_dir: Path | str = ".", *, audience: str | None = None,
          dev_addr: str | None = None) -> None:
    """Serve the site of ``project_dir`` with live reload (MkDocs' dev server).

    The internal site is served on loopback unless ``dev_addr`` (the command line's) says
    otherwise: an address from mkdocs.yml that other machines could reach is replaced, with a
    warning (serve_address.py).
    """
    project = find_project(project_dir)
    if project.config_file is None:
        raise ProjectError(f"no mkdocs.yml in '{project.root}'")
    project.require_plugin()
    audience = resolve_audience(audience, project.plugin_options.get("audience"))
    configured = project.dev_addr or DEFAULT_DEV_ADDR
    address = _dev_address(dev_addr or configured)
    requested = None
    if address is not None and audience == "internal" and not serve_address.is_loopback(address[0]):
        if dev_addr:
            requested = address
            _log_warning(serve_address.open_to_the_network(*address))
        else:
            address = (serve_address.LOOPBACK, address[1])
            dev_addr = serve_address.address(*address)
            _log_warning(serve_address.replaced(configured, address[1]))
    if address is not None:
        # Before the first build, not after it: MkDocs builds the whole site before it binds,
        # then fails with a traceback when the port is taken.
        _require_free(*address)
    options = {"dev_addr": dev_addr} if dev_addr else {}
    handover = Handover(audience, requested_address=requested)
    try:
        _run_mkdocs(_serve, project, options, handover)
    except OSError as exc:
        # Taken during the first build, by a server started in the meantime.
        if address is None or exc.errno not in _ADDRESS_IN_USE:
            raise
        raise BuildError(_cannot_serve(*address, exc)) from None


def _serve(project: Project, options: dict, handover: Handover) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.config import load_config

    # MkDocs' dev server loads mkdocs.yml anew for every build, but keeps one instance of the
    # plugin for the whole process: loaded here first, that instance is handed the values.
    with _config_warnings_once():
        config = load_config(config_file=str(project.config_file), **options)
    with _handing(config, handover):
        mkdocs_serve(config_file=str(project.config_file), **options)


def publish(project_dir: Path | str = ".", *, audience: str = "public", message: str | None = None,
            push: bool = False, strict: bool = False, force: str | None = None):
    """Build ``project_dir`` for ``audience`` and commit it with mike as the charter's version.

    The charter is checked first: with errors, nothing is built or committed. A version already
    published from another charter text is refused unless ``force`` gives the reason to replace
    it. Returns a :class:`~coalition_site.project.publish.PublishResult` (its ``str`` is the line
    to print, its ``warnings`` the lines for stderr).
    """
    from .load.git import Repository
    from .project.publish import (PublishResult, apply_tag, configure_build, git_failure,
                                  plan_publish, plan_tag, push_tag, require_identity,
                                  working_directory)

    project = find_project(project_dir)
    project.require_plugin()
    repo = Repository.find(project.root)
    if repo is None:
        raise ProjectError(f"'{project.root}' is not in a git repository; publish commits the site to "
                           "a branch of the project's repository: run 'git init' there (or use "
                           "'coalition-site build' for a plain folder)")
    result = _check(project)
    if result.errors or (strict and result.problems):  # before building: nothing is committed
        raise CharterError(result.problems if strict else result.errors)
    assert result.charter is not None  # a charter that did not load has errors
    version = result.charter.coalition.charter
    require_identity(repo)
    from mike import commands as mike, git_utils
    from mkdocs.commands.build import build as mkdocs_build

    audience = resolve_audience(audience, project.plugin_options.get("audience"))
    with tempfile.TemporaryDirectory(prefix="coalition-publish-") as tmp:
        config = _load_mkdocs_config(project, audience, Path(tmp) / "site", strict)
        plan = plan_publish(repo, version=version.version, ratified=version.ratified is not None,
                            audience=audience, public_branch=config.remote_branch,
                            remote=config.remote_name, docs_dir=project.docs_dir, message=message,
                            force=force)
        configure_build(config, plan)
        with working_directory(repo.root):
            try:
                git_utils.update_from_upstream(plan.remote, plan.branch)
                # Before building: a refused version leaves the branch and the tags as they were.
                tag = plan_tag(repo, version=plan.version, docs_dir=project.docs_dir,
                               branch=plan.branch, force=force)
                try:
                    with mike.deploy(config, plan.version, plan.title, list(plan.aliases),
                                     update_aliases=True, branch=plan.branch, message=plan.message), \
                            _handing(config, Handover(audience, check=result)):
                        _run_mkdocs(mkdocs_build, config)
                    committed = True
                except git_utils.GitEmptyCommit:
                    committed = False
                if not _branch_has(git_utils, plan.branch, "index.html"):
                    # The site's root opens the newest version (mike's set-default).
                    mike.set_default(plan.aliases[0], branch=plan.branch,
                                     message=f"Open {plan.aliases[0]}/ at the root of the site")
                apply_tag(repo, tag, plan)
                if push:
                    git_utils.push_branch(plan.remote, plan.branch)
                    push_tag(repo, tag, plan.remote)
            except git_utils.GitError as exc:
                raise git_failure(exc, plan) from None
    return PublishResult(plan, committed, pushed=push, tag=tag)


def _branch_has(git_utils, branch: str, path: str) -> bool:
    try:
        git_utils.file_mode(branch, path)
        return True
    except git_utils.GitError:
        return False


def diff(base: str, head: str | None = None, *, project_dir: Path | str = ".", fmt: str = "text",
         audience: str = "internal") -> str:
    """What changed in the charter from revision ``base`` to ``head`` (``None``: the working
    tree), as a ``text`` or ``markdown`` report, for the partners (``internal``: everything,
    internal changes marked) or the public (``public``: nothing internal, for a changelog)."""
    from .audience import AUDIENCES
    from .load.git import Repository
    from .load.revision import load_at_revision, load_working_tree

    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; use 'internal' or 'public'")
    project = find_project(project_dir)
    repo = Repository.find(project.root)
    if repo is None:
        raise ProjectError(f"'{project.root}' is not in a git repository; diff compares the charter "
                           "between two revisions of the project's repository")
    old = load_at_revision(repo, base, project.docs_dir, project.root)
    if head is None:
        new = load_working_tree(project.docs_dir, project.root)
    else:
        new = load_at_revision(repo, head, project.docs_dir, project.root)
    return _diff_report(project, repo, old, new, base, head, fmt=fmt, audience=audience)


def _diff_report(project: Project, repo, old, new, base: str, head: str | None, *, fmt: str,
                 audience: Audience = "internal") -> str:
    """The report of :func:`diff` for charters already loaded at ``base`` and ``head``
    (``None``: the working tree), so that ``consent`` does not load them again."""
    from .audience.changelog import diff_for_audience
    from .load.revision import attachments_at_revision, attachments_in_working_tree, describe
    from .project.check import markup_reader
    from .render.diff_report import render_diff

    old_files = attachments_at_revision(repo, base, project.docs_dir)
    new_files = attachments_in_working_tree(repo, project.docs_dir) if head is None else \
        attachments_at_revision(repo, head, project.docs_dir)
    changes = diff_for_audience(old, new, audience, reader=markup_reader(project),
                                old_files=old_files, new_files=new_files)
    return render_diff(changes, fmt, describe(repo, base),
                       describe(repo, head) if head is not None else None)


def consent(base: str, head: str = "HEAD", *, reviews: Path | str, project_dir: Path | str = ".",
            fmt: str = "text", opened: dt.datetime | None = None) -> tuple[str, bool]:
    """Whether the change from revision ``base`` to ``head`` has the consent the charter requires,
    given the pull request's ``reviews`` (GitHub's JSON); returns the report in ``fmt`` and
    whether consent is reached. ``opened``: when the change was proposed (default: the committer
    date of its first commit), from which partners' notice periods run."""
    from .analysis.consent import decide
    from .analysis.diff import diff_charters
    from .load.git import Repository
    from .load.pr_reviews import read_reviews
    from .load.revision import describe, load_at_revision
    from .project.clock import now
    from .render.consent_report import render_consent

    project = find_project(project_dir)
    given = read_reviews(reviews)  # first: a wrong file is a usage error, before any git work
    repo = Repository.find(project.root)
    if repo is None:
        raise ProjectError(f"'{project.root}' is not in a git repository; consent compares the "
                           "charter between two revisions of the project's repository")
    base_sha, head_sha = repo.resolve(base), repo.resolve(head)
    # What the pull request changed is counted from where it branched off, as GitHub shows it;
    # who decides, and how, is the charter at the base: the change cannot lower its own bar.
    fork = repo.merge_base(base_sha, head_sha) or base_sha
    old = load_at_revision(repo, base_sha, project.docs_dir, project.root)
    start = old if fork == base_sha else load_at_revision(repo, fork, project.docs_dir, project.root)
    new = load_at_revision(repo, head_sha, project.docs_dir, project.root)
    changed_since: dict[str, frozenset[str] | None] = {}
    for review in given:
        if review.state == "APPROVED" and review.commit_id and review.commit_id not in changed_since:
            changed_since[review.commit_id] = (
                frozenset(repo.changed_files(review.commit_id, head_sha))
                if repo.known(review.commit_id) else None)  # force-pushed away: stale
    moment = now()
    report = decide(old, changed=repo.changed_files(fork, head_sha),
                    docs_prefix=repo.prefix(project.docs_dir), diff=diff_charters(start, new),
                    reviews=given, changed_since=changed_since,
                    opened=opened or repo.oldest_commit_time(fork, head_sha) or moment, now=moment,
                    head_protocol=new.conflict_protocol)
    labels = describe(repo, base), describe(repo, head)
    # The comment shows the change as the decision reads it: from where the branch left BASE.
    charter_diff = _diff_report(project, repo, start, new, base if fork == base_sha else fork, head,
                                fmt="markdown") if fmt == "markdown" else None
    return render_consent(report, fmt, *labels, diff_markdown=charter_diff), report.reached


def new(target: Path | str) -> list[Path]:
    """Create a starter project in ``target``, with its GitHub kit; return the files written."""
    from .project.scaffold import create_project

    created = create_project(Path(target))  # a ScaffoldError is a ProjectError: the CLI prints it
    root = Path(target).resolve()
    written, _ = _kit(find_project(root))
    return created + [root / status.file.path for status in written]


PRIVATE_REMINDER = ("Keep the repository private: it holds every internal file of the charter "
                    "(representatives, internal pages, reviews), and the workflows in .github/ "
                    "fail when it is public.")


def github(project_dir: Path | str = ".", *, check: bool = False, force: bool = False,
           out: TextIO | None = None) -> int:
    """Write or refresh the GitHub kit (``.github/``) of ``project_dir``; with ``check``, write
    nothing and return 1 when a file of it is out of date. Prints what it did; returns the exit code."""
    from .project.github import survey, write_kit

    out = out or sys.stdout
    project = find_project(project_dir)
    kit, notes = _kit_files(project)
    statuses = survey(project.root, kit)
    if check:
        stale = [s for s in statuses if s.out_of_date]
        if not stale:
            print(f"The GitHub kit in .github/ is up to date ({len(statuses)} files).", file=out)
            return 0
        print(f"The GitHub kit in .github/ is out of date ({len(stale)} of {len(statuses)} files):", file=out)
        for status in stale:
            print(f"  {status.file.path}: {status.reason}", file=out)
        print("Run 'coalition-site github' to refresh it ('--force' also replaces files changed by hand).",
              file=out)
        return 1
    for line in write_kit(project.root, statuses, force=force) + [f"note: {n}" for n in notes]:
        print(line, file=out)
    from .load.git import Repository

    repo = Repository.find(project.root)
    if repo is not None and repo.root != project.root:
        print(f"note: the project is inside the git repository '{repo.root}', not at its root; GitHub "
              "reads .github/ and runs the workflows at the repository's root only: make the project "
              "folder a repository of its own", file=out)
    print(f"The GitHub kit in .github/ is up to date. {PRIVATE_REMINDER}", file=out)
    return 0


def _kit(project: Project):
    from .project.github import survey, write_kit

    kit, notes = _kit_files(project)
    statuses = survey(project.root, kit)
    write_kit(project.root, statuses)
    return [s for s in statuses if s.state == "missing"], notes


def _kit_files(project: Project):
    import coalition_site
    from .project.github import kit_files

    result = _check(project)
    if result.charter is None:  # the kit is generated from the charter: it must load
        raise CharterError(result.errors)
    try:
        docs_path = project.docs_dir.relative_to(project.root).as_posix()
    except ValueError:
        raise ProjectError(f"the content folder '{project.docs_dir}' is outside the project "
                           f"'{project.root}'; the GitHub kit can only name files of the repository") from None
    return kit_files(result.charter, docs_path, coalition_site.__version__)


def schema(target: Path | str) -> list[Path]:
    from .model.schema import write_schemas

    return write_schemas(Path(target))


# -- helpers ----------------------------------------------------------------------------------
@contextlib.contextmanager
def _handing(config, handover: Handover):
    """``handover`` given to the coalition plugin of ``config`` for the builds within, and taken
    back after them: MkDocs keeps one instance of the plugin for the whole process, and a later
    build in it (a plain ``mkdocs build``) must not inherit this command's values."""
    plugin = config.plugins["coalition"]  # project.require_plugin() made sure it is there
    plugin.handed = handover
    try:
        yield
    finally:
        plugin.handed = None


@contextlib.contextmanager
def _config_warnings_once():
    """MkDocs' warnings about mkdocs.yml left out of a load that another load repeats (its
    errors are not: the first load to fail stops the command)."""
    logger = logging.getLogger("mkdocs.config")

    def errors_only(record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR

    logger.addFilter(errors_only)
    try:
        yield
    finally:
        logger.removeFilter(errors_only)


def _load_mkdocs_config(project: Project, audience: str, site_dir, strict):
    if project.config_file is None:
        raise ProjectError(f"no mkdocs.yml in '{project.root}'; create one, or start with "
                           "'coalition-site new DIR'")
    if site_dir is None and audience == "internal":
        # Never build the internal site where the public one is published from.
        site_dir = project.root / DEFAULT_SITE_DIRS["internal"]
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    options = {"strict": strict or None}
    # Before MkDocs reads the config, whose own check of site_dir against docs_dir would speak
    # first: ours names the place (a pull request can change site_dir). The plugin checks the rest.
    place = site_dir if site_dir is not None else project.site_dir
    if place is not None:
        check_place(place, project_dir=project.root, docs_dir=project.docs_dir)
    if site_dir is not None:
        options["site_dir"] = str(Path(site_dir).resolve())
    _configure_logging()  # MkDocs logs each wrong value of the config, then aborts
    try:
        return load_config(config_file=str(project.config_file), **options)
    except ConfigurationError as exc:
        raise ProjectError(f"{project.config_file.name}: {exc}") from None
    except Abort as exc:  # a SystemExit too: it would end the command without a word of ours
        message = str(exc.message).rstrip("!")
        raise ProjectError(f"{project.config_file.name}: {message[:1].lower()}{message[1:]}; the lines "
                           "above say which values and why; nothing was built") from None


def _dev_address(value: str) -> tuple[str, int] | None:
    """``IP:PORT`` read as MkDocs reads ``dev_addr``; ``None`` when MkDocs will refuse it (and say why)."""
    from mkdocs.config.base import ValidationError
    from mkdocs.config.config_options import IpAddress

    try:
        host, port = IpAddress().validate(value)
    except ValidationError:
        return None
    return host, port


def _require_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        if os.name == "posix":
            # As MkDocs' server does: a port left in TIME_WAIT by a stopped server is free.
            # (On Windows the option would let a second server share a port that is taken.)
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise BuildError(_cannot_serve(host, port, exc)) from None


def _cannot_serve(host: str, port: int, exc: OSError) -> str:
    address = _address(host, port)
    if exc.errno in _ADDRESS_IN_USE:
        other = _address(host, port + 1 if port < 65535 else 8000)
        return (f"cannot serve on {address}: the address is already in use (is another "
                f"'coalition-site serve' or 'mkdocs serve' running?); stop it, or serve on another "
                f"port with --dev-addr {other}")
    other = DEFAULT_DEV_ADDR if address != DEFAULT_DEV_ADDR else "127.0.0.1:8001"
    reason = (exc.strerror or str(exc)).lower()
    return f"cannot serve on {address}: {reason}; serve on another address with --dev-addr {other}"


def _address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _run_mkdocs(function, *args) -> None:
    from mkdocs.exceptions import MkDocsException

    _configure_logging()
    try:
        function(*args)
    except MkDocsException as exc:
        message = str(exc.message if hasattr(exc, "message") else exc)
        if message == "Aborted with a BuildError!":  # MkDocs logged the reason just above
            message = "the build failed; the ERROR above says why"
        raise BuildError(message) from None


def _log_warning(message: str) -> None:
    _configure_logging()
    logging.getLogger("mkdocs.plugins.coalition").warning(message)


class _Handler(logging.StreamHandler):
    """The handler the commands add, told apart so that it is added once."""


def _configure_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, _Handler) for h in logger.handlers):
        handler = _Handler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return str(path)
