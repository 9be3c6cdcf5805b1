"""leadtui: a terminal app for the rituals of leading people."""

__version__ = "0.1.0"
