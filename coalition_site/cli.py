"""The ``coalition-site`` command: parses arguments and calls :mod:`coalition_site.commands`.

Errors print as one line, ``error: <message>``, with exit status 1 (2 for wrong usage); pass
``--debug`` for the traceback.
"""

from __future__ import annotations

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
    sys.exit(commands.check(project_dir, strict=strict, fmt=fmt))


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


@cli.command()
@project_argument
@click.option("--audience", type=click.Choice(AUDIENCES), default="public", show_default=True,
              help="Which site to publish; each audience has its own branch.")
@click.option("-m", "--message", help="The commit message (default: names the version and commit).")
@click.option("--push", is_flag=True, help="Push the branch to the remote after committing.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def publish(project_dir: Path, audience: str, message: str | None, push: bool, strict: bool) -> None:
    """Build the site and commit it as the charter's version (with mike)."""
    click.echo(str(commands.publish(project_dir, audience=audience, message=message, push=push,
                                    strict=strict)))


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


@cli.command()
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
def new(target: Path) -> None:
    """Create a starter coalition project in TARGET."""
    created = commands.new(target)
    click.echo(f"Created a starter charter in {target} ({len(created)} files).")
    click.echo(f"Next: cd {target} && coalition-site check && coalition-site serve")


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
