"""Pure calculations over a loaded charter (the logic map, vitality, history, differences
between two versions): no rendering, no I/O."""
