"""A bare Textual app with the widget types of itacheck's main screen, for the TUI baseline.

    python bench/bare_app.py

The same layout as the checklist (a bar, a hidden filter row with an Input and a Select, a Tree, a
Static in a scroll, an OptionList, a Footer) holding a few placeholder lines, no data and no CSS
file: what any Textual app of this shape costs to start.
"""

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Input, OptionList, Select, Static, Tree


class Bare(App[None]):
    CSS = """
    #filter-bar { display: none; height: 1; }
    #tree { width: 40; }
    """
    BINDINGS = [("q", "quit", "Quit"), ("question_mark", "help", "Help")]

    def compose(self) -> ComposeResult:
        yield Static("bare app ready", id="bar")
        with Horizontal(id="filter-bar"):
            yield Input(compact=True)
            yield Select([("all", "all")], value="all", allow_blank=False, compact=True)
        with Horizontal():
            tree: Tree[str] = Tree("plan", id="tree")
            for i in range(3):
                tree.root.add_leaf(f"measure {i}")
            yield tree
            with Vertical():
                with VerticalScroll():
                    yield Static("a measure")
                yield OptionList("task one", "task two")
                with VerticalScroll():
                    yield Static("evidence")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
