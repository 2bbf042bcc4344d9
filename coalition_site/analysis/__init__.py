"""Pure calculations over a loaded charter: no rendering, no I/O."""
