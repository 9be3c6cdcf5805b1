"""The Textual interface. Imported only when ``leadtui`` opens the TUI."""
