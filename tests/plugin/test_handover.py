"""What a coalition-site command hands the plugin: values, never the environment or a memo."""

from __future__ import annotations

import os

from coalition_site import commands
from coalition_site.plugin import CoalitionPlugin
from support import site_texts


def test_the_command_hands_the_plugin_its_audience_and_its_check(sample, monkeypatch):
    seen = []
    real = CoalitionPlugin.on_config

    def on_config(self, config):
        seen.append((os.environ.get("COALITION_AUDIENCE"), self.handed.audience,
                     self.handed.check is not None))
        return real(self, config)

    monkeypatch.delenv("COALITION_AUDIENCE", raising=False)
    monkeypatch.setattr(CoalitionPlugin, "on_config", on_config)
    site = commands.build(sample.root, audience="internal")
    assert seen == [(None, "internal", True)]
    assert any("SECRET" in text for text in site_texts(site).values())


def test_the_values_are_taken_back_after_the_build(sample, monkeypatch):
    # MkDocs keeps one instance of the plugin for the process: a plain build after the command's
    # must decide its audience itself (here: the option's, public).
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.delenv("COALITION_AUDIENCE", raising=False)
    commands.build(sample.root, audience="internal")
    config = load_config(str(sample.root / "mkdocs.yml"), site_dir=str(sample.root / "plain"))
    assert config.plugins["coalition"].handed is None
    mkdocs_build(config)
    assert not [path for path, text in site_texts(sample.root / "plain").items() if "SECRET" in text]
