"""What each CLI command does, as plain functions with keyword arguments (mike's layout).

The CLI (``cli.py``) only parses arguments and calls these; tests call them directly too.
MkDocs is imported here, inside the functions that build, so that the core never needs it.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TextIO

from .check import CheckResult, check_charter
from .clock import as_of
from .errors import CharterError, CoalitionSiteError, ProjectError
from .problems import format_problems, has_errors, summary
from .project import find_project
from .risky_extensions import risky_extension_problems

DEFAULT_SITE_DIRS = {"public": "site", "internal": "site-internal"}


def check(project_dir: Path | str = ".", *, strict: bool = False, fmt: str = "text",
          out: TextIO = sys.stdout) -> int:
    """Validate the charter of ``project_dir``; print problems; return the exit code."""
    project = find_project(project_dir)
    result = _check(project)
    if result.problems or fmt == "json":
        print(format_problems(result.problems, fmt), file=out)
    if fmt == "text":
        print(f"{_display(project.docs_dir, project.root)}: {summary(result.problems)}", file=out)
    return 1 if has_errors(result.problems, strict=strict) else 0


def _check(project) -> CheckResult:
    rules = project.plugin_options.get("rules") or {}
    if not isinstance(rules, dict):
        raise ProjectError("the coalition plugin's 'rules' option must map rule ids to "
                           "error, warning or off")
    try:
        result = check_charter(project.docs_dir, project.root,
                               today=as_of(project.plugin_options.get("build_date")), rules=rules)
    except ValueError as exc:  # an unknown rule id in the plugin's config
        raise ProjectError(f"{project.config_file.name if project.config_file else 'config'}: {exc}") from None
    if project.config_file is not None:
        result.problems += risky_extension_problems(project.config_file, project.markdown_extensions,
                                                    project.plugins)
    return result


def build(project_dir: Path | str = ".", *, audience: str | None = None,
          site_dir: Path | str | None = None, strict: bool = False) -> Path:
    """Build the site of ``project_dir`` for ``audience``; return the folder it was built in."""
    project = find_project(project_dir)
    # Validate first, so that errors print located and complete, before MkDocs starts.
    result = _check(project)
    if result.errors:
        raise CharterError(result.errors)
    config = _load_mkdocs_config(project, audience, site_dir, strict)
    from mkdocs.commands.build import build as mkdocs_build

    _run_mkdocs(mkdocs_build, config)
    return Path(config.site_dir)


def serve(project_dir: Path | str = ".", *, audience: str | None = None,
          dev_addr: str | None = None) -> None:
    """Serve the site of ``project_dir`` with live reload (MkDocs' dev server)."""
    project = find_project(project_dir)
    if project.config_file is None:
        raise ProjectError(f"no mkdocs.yml in '{project.root}'")
    _set_audience(audience)
    from mkdocs.commands.serve import serve as mkdocs_serve

    options = {"dev_addr": dev_addr} if dev_addr else {}
    _run_mkdocs(lambda: mkdocs_serve(config_file=str(project.config_file), **options))


def new(target: Path | str) -> list[Path]:
    """Create a starter project in ``target``; return the files written."""
    from .scaffold import ScaffoldError, create_project

    try:
        return create_project(Path(target))
    except ScaffoldError as exc:
        raise ProjectError(str(exc)) from None


def schema(target: Path | str) -> list[Path]:
    from .schema import write_schemas

    return write_schemas(Path(target))


# -- helpers ----------------------------------------------------------------------------------
def _set_audience(audience: str | None) -> None:
    if audience:
        os.environ["COALITION_AUDIENCE"] = audience


def _load_mkdocs_config(project, audience, site_dir, strict):
    if project.config_file is None:
        raise ProjectError(f"no mkdocs.yml in '{project.root}'; create one, or start with "
                           "'coalition-site new DIR'")
    _set_audience(audience)
    effective = audience or os.environ.get("COALITION_AUDIENCE") or project.plugin_options.get("audience", "public")
    if site_dir is None and effective == "internal":
        # Never build the internal site where the public one is published from.
        site_dir = project.root / DEFAULT_SITE_DIRS["internal"]
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    options = {"strict": strict or None}
    if site_dir is not None:
        options["site_dir"] = str(Path(site_dir).resolve())
    try:
        return load_config(config_file=str(project.config_file), **options)
    except ConfigurationError as exc:
        raise ProjectError(f"{project.config_file.name}: {exc}") from None


def _run_mkdocs(function, *args) -> None:
    from mkdocs.exceptions import MkDocsException

    _configure_logging()
    try:
        function(*args)
    except MkDocsException as exc:
        message = str(exc.message if hasattr(exc, "message") else exc)
        if message == "Aborted with a BuildError!":  # MkDocs logged the reason just above
            message = "the build failed; the ERROR above says why"
        raise CoalitionSiteError(message) from None


def _configure_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_coalition", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._coalition = True
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return str(path)
