"""Computations on a loaded charter: its history, differences between two versions, and more."""
