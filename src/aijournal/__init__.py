"""aij: a terminal health journal for people taking an aromatase inhibitor."""

__version__ = "0.1.0"
