"""The baseline for start-up: a bare Textual app with a Header, a DataTable and a Footer."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class BareApp(App[None]):
    """Nothing but the widgets every leadtui screen is made of."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Name", "Relation", "Team")
        for i in range(40):
            table.add_row(f"row {i}", "report", "Payments")


if __name__ == "__main__":
    BareApp().run()
