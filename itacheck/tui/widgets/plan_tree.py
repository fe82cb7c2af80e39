"""The plan as a tree, ITA tool → indicator → measure, each node with its progress and status."""

from __future__ import annotations

from itertools import groupby

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from itacheck.domain.model import short_label
from itacheck.domain.status import EMPTY, MeasureStatus, PlanStatus, Tally
from itacheck.thaitext.cells import ELLIPSIS, head
from itacheck.tui import display
from itacheck.tui.text import t


class PlanTree(Tree[str]):
    """Labels are `rich.text.Text`: plan text is user text and a `Tree` would parse a string as
    markup. Refreshing relabels the nodes in place, so the cursor stays where the officer left it."""

    DEFAULT_CSS = """
    PlanTree { scrollbar-size-vertical: 1; }
    """

    class MeasureHighlighted(Message):
        """The cursor is on a measure; the screen shows its checklist."""

        def __init__(self, measure_id: str) -> None:
            super().__init__()
            self.measure_id = measure_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("plan", id=id)
        self.show_root = False
        self.guide_depth = 2
        self._shape: tuple = ()

    def show(self, status: PlanStatus | None, lang: str) -> None:
        """Show ``status``; rebuild only when the plan's shape changed."""
        measures = status.measures if status else ()
        shape = tuple((m.measure.tool, m.measure.indicator, m.measure.id) for m in measures)
        if shape != self._shape:
            self._rebuild(measures, lang)
            self._shape = shape
        self._relabel(measures, lang)

    def _rebuild(self, measures: tuple[MeasureStatus, ...], lang: str) -> None:
        keep = self.measure_id
        self.clear()
        for tool, in_tool in groupby(measures, key=lambda m: m.measure.tool):
            tool_node = self.root.add("", data=f"tool:{tool}", expand=True)
            for indicator, in_indicator in groupby(in_tool, key=lambda m: m.measure.indicator):
                node = tool_node.add("", data=f"indicator:{tool}:{indicator}", expand=True)
                for m in in_indicator:
                    node.add_leaf("", data=m.measure.id)
        if keep:
            self.select_measure(keep)

    def _relabel(self, measures: tuple[MeasureStatus, ...], lang: str) -> None:
        by_id = {m.measure.id: m for m in measures}
        for tool_node in self.root.children:
            tool_tally = EMPTY
            for ind_node in tool_node.children:
                tally = EMPTY
                for leaf in ind_node.children:
                    m = by_id[str(leaf.data)]
                    leaf.set_label(self._label(m.tally, f"{m.measure.code or m.measure.id} "
                                               f"{short_label(m.measure)}", lang))
                    tally = tally + m.tally
                first = by_id[str(ind_node.children[0].data)].measure
                ind_node.set_label(self._label(tally, f"{t('indicator', lang)} {display.number(first.indicator, lang)} "
                                                      f"{first.indicator_name}", lang))
                tool_tally = tool_tally + tally
            tool_node.set_label(self._label(tool_tally, str(tool_node.data).split(":")[1], lang))

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        """The label cut between clusters with an ellipsis where the tree is too narrow for it
        (Textual would crop it at the edge, with no sign that it goes on)."""
        label = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        if room < 2 or label.cell_len <= room:
            return label
        kept = label[:len(head(label.plain, room - 1))]
        kept.append(ELLIPSIS, style)
        return kept

    @staticmethod
    def _label(tally: Tally, name: str, lang: str) -> Text:
        """Mark and progress first, so a narrow tree cuts the name, never the numbers."""
        return Text.assemble((display.mark(tally.headline), "bold"), f" {display.progress(tally, lang)} ", name)

    @property
    def measure_id(self) -> str | None:
        node = self.cursor_node
        data = node.data if node is not None else None
        return data if data and not data.startswith(("tool:", "indicator:")) else None

    def select_measure(self, measure_id: str) -> None:
        for node in self._leaves():
            if node.data == measure_id:
                for ancestor in (node.parent, node.parent.parent if node.parent else None):
                    if ancestor is not None:
                        ancestor.expand()
                _ = self.last_line  # builds the line index, so the node has its line number now
                self.move_cursor(node)
                return

    def _leaves(self) -> list[TreeNode[str]]:
        return [leaf for tool in self.root.children for ind in tool.children for leaf in ind.children]

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        event.stop()
        if self.measure_id:
            self.post_message(self.MeasureHighlighted(self.measure_id))
