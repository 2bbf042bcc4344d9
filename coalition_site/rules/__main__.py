"""``python -m coalition_site.rules > docs/rules.md``: print the rules' reference."""

import sys

from . import rules_reference

sys.stdout.write(rules_reference())
