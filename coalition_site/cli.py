"""The ``coalition-site`` command: parses arguments and calls :mod:`coalition_site.commands`.

Errors print as one line, ``error: <message>``, with exit status 1 (2 for wrong usage); pass
``--debug`` for the traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import sys
from pathlib import Path

import click

from . import commands
from .audience import AUDIENCES
from .errors import CoalitionSiteError
from .problems import FORMATS

# render/diff_report.FORMATS (a test keeps them equal): importing it would load the charter
# diff's analysis for every command, `check` included.
DIFF_FORMATS = ("text", "markdown")
CONSENT_FORMATS = ("text", "markdown", "json")  # render/consent_report.FORMATS, for the same reason

# Material prints a banner about MkDocs 2 on every build; our users cannot act on it.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

project_argument = click.argument(
    "project_dir", required=False, default=".",
    type=click.Path(file_okay=False, path_type=Path))
audience_option = click.option(
    "--audience", type=click.Choice(AUDIENCES),
    help="Who the site is for (default: the plugin's 'audience', or COALITION_AUDIENCE).")


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CoalitionSiteError as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(f"error: {exc}", err=True)
            sys.exit(getattr(exc, "exit_code", 1))  # 2 for a file the command was given wrongly
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # click prints these itself
        except Exception as exc:  # noqa: BLE001 - a bug (ours, the theme's, a plugin's): one line too
            if ctx.params.get("debug"):
                raise
            # Whoever reads it may not be able to read a traceback (a partner's pull request
            # check): what happened, and what to do. MkDocs has logged the page it was building.
            click.echo(f"error: coalition-site stopped on an error it does not know how to explain "
                       f"({type(exc).__name__}: {exc}); the lines above may name the page. Run the "
                       "same command as 'coalition-site --debug ...' to see where it happened, and "
                       "report it as a bug", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.version_option(package_name="coalition-site")
def cli(debug: bool) -> None:
    """Publish a coalition's charter as a website."""


@cli.command()
@project_argument
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text for people, json for programs, github for Actions annotations.")
def check(project_dir: Path, strict: bool, fmt: str) -> None:
    """Validate the charter without building it."""
    with _collecting_cycles_rarely():
        status = commands.check(project_dir, strict=strict, fmt=fmt)
    sys.exit(status)


@contextlib.contextmanager
def _collecting_cycles_rarely():
    """Python's cycle collector run every 200,000 allocations rather than 700, as mypy runs it.

    A check makes objects that live until it ends (every field of every charter file), and the
    collector walked them again and again: a twentieth of a large charter's first check. What is
    freed is still freed at once, by reference counting. Not for builds, whose pages come and go
    (the peak of memory of a large one grew by 20 MB, for no time saved)."""
    threshold = gc.get_threshold()
    gc.set_threshold(200_000, 30, 30)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


@cli.command()
@project_argument
@audience_option
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to build (default: site/, or site-internal/ for the internal audience).")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def build(project_dir: Path, audience: str | None, site_dir: Path | None, strict: bool) -> None:
    """Check the charter, then build its site."""
    built = commands.build(project_dir, audience=audience, site_dir=site_dir, strict=strict)
    click.echo(f"Built the site in {built}")


@cli.command()
@project_argument
@audience_option
@click.option("-a", "--dev-addr", metavar="IP:PORT", help="Address to serve on (default 127.0.0.1:8000).")
def serve(project_dir: Path, audience: str | None, dev_addr: str | None) -> None:
    """Serve the site locally, rebuilding on every change."""
    commands.serve(project_dir, audience=audience, dev_addr=dev_addr)


def _reason(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    # The reason is the record of why a published version was replaced: it must say something.
    if value is not None and not value.strip():
        raise click.BadParameter('give the reason, for example --force "Typo in the problem '
                                 'statement, text agreed at the May meeting"')
    return value.strip() if value is not None else None


@cli.command()
@project_argument
@click.option("--audience", type=click.Choice(AUDIENCES), default="public", show_default=True,
              help="Which site to publish; each audience has its own branch.")
@click.option("-m", "--message", help="The commit message (default: names the version and commit).")
@click.option("--push", is_flag=True, help="Push the branch to the remote after committing.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--force", metavar="REASON", callback=_reason,
              help="Replace a published version whose charter text changed; the reason goes "
                   "into the publishing commit.")
def publish(project_dir: Path, audience: str, message: str | None, push: bool, strict: bool,
            force: str | None) -> None:
    """Build the site and commit it as the charter's version (with mike), tagging the source
    commit charter-v<version>."""
    result = commands.publish(project_dir, audience=audience, message=message, push=push,
                              strict=strict, force=force)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(str(result))


@cli.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option("--project", "project_dir", default=".", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="The project's folder.")
@click.option("--format", "fmt", type=click.Choice(DIFF_FORMATS), default="text", show_default=True,
              help="text for a terminal, markdown for a pull request comment.")
@click.option("--audience", type=click.Choice(("internal", "public")), default="internal", show_default=True,
              help="internal: every change, internal ones marked (for partners); public: nothing "
                   "internal (for a public changelog).")
def diff(base: str, head: str | None, project_dir: Path, fmt: str, audience: str) -> None:
    """Show what changed in the charter from revision BASE to HEAD (default: the working tree)."""
    click.echo(commands.diff(base, head, project_dir=project_dir, fmt=fmt, audience=audience))


def _moment(ctx, param, value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date and time; write it as GitHub does, "
                                 "e.g. 2026-11-20T09:30:00Z") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


@cli.command()
@click.argument("base")
@click.argument("head", required=False, default="HEAD")
@click.option("--reviews", "reviews", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The pull request's reviews: the JSON of 'gh api repos/OWNER/REPO/pulls/N/reviews'.")
@click.option("--opened", metavar="ISO-DATETIME", callback=_moment,
              help="When the pull request was opened (its created_at), from which notice periods "
                   "run (default: the date of its first commit).")
@click.option("--project", "project_dir", default=".", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="The project's folder.")
@click.option("--format", "fmt", type=click.Choice(CONSENT_FORMATS), default="text", show_default=True,
              help="text for a terminal, markdown for the pull request comment, json for programs.")
def consent(base: str, head: str, reviews: Path, opened: dt.datetime | None, project_dir: Path,
            fmt: str) -> None:
    """Say whether the change from BASE to HEAD (default: HEAD) has the consent the charter's
    conflict protocol requires. Exit 0: reached; 1: not yet."""
    report, reached = commands.consent(base, head, reviews=reviews, project_dir=project_dir,
                                       fmt=fmt, opened=opened)
    click.echo(report)
    sys.exit(0 if reached else 1)


@cli.command()
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
def new(target: Path) -> None:
    """Create a starter coalition project in TARGET."""
    created = commands.new(target)
    click.echo(f"Created a starter charter in {target} ({len(created)} files), with its GitHub kit "
               "in .github/.")
    click.echo(f"Next: cd {target} && coalition-site check && coalition-site serve")
    click.echo(commands.PRIVATE_REMINDER)


@cli.command()
@project_argument
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 when a file of the kit is out of date (for CI).")
@click.option("--force", is_flag=True, help="Also replace files changed by hand, or not written by coalition-site.")
def github(project_dir: Path, check_only: bool, force: bool) -> None:
    """Write or refresh the GitHub kit (.github/): workflows, CODEOWNERS, templates."""
    if check_only and force:
        raise click.UsageError("--check writes nothing; leave out --force")
    sys.exit(commands.github(project_dir, check=check_only, force=force))


@cli.command()
@click.argument("target", required=False, default="schemas",
                type=click.Path(file_okay=False, path_type=Path))
def schema(target: Path) -> None:
    """Write the JSON Schema of every file kind into TARGET (default: schemas/)."""
    for path in commands.schema(target):
        click.echo(str(path))


def main() -> None:
    cli(prog_name="coalition-site")


if __name__ == "__main__":  # pragma: no cover
    main()
