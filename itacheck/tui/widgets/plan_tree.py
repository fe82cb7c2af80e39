"""The plan as a tree, ITA tool → indicator → measure, each node with its progress and status."""

from __future__ import annotations

from itertools import groupby

from rich.cells import cell_len
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


_IndicatorLabels = tuple[str, Text, list[tuple[str, Text]]]
_ToolLabels = tuple[str, Text, list[_IndicatorLabels]]


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
        """Show ``status``; rebuild only when the plan's shape changed, else relabel only the
        nodes whose label changed (each relabelled node is redrawn on its own)."""
        measures = status.measures if status else ()
        shape = tuple((m.measure.tool, m.measure.indicator, m.measure.id) for m in measures)
        labels = self._labels(measures, lang)
        if shape != self._shape:
            self._rebuild(labels)
            self._shape = shape
            return
        for tool_node, (_, tool_label, indicators) in zip(self.root.children, labels):
            self._relabel(tool_node, tool_label)
            for ind_node, (_, ind_label, leaves) in zip(tool_node.children, indicators):
                self._relabel(ind_node, ind_label)
                for leaf, (_, leaf_label) in zip(ind_node.children, leaves):
                    self._relabel(leaf, leaf_label)

    def _rebuild(self, labels: list[_ToolLabels]) -> None:
        """The nodes made with their labels (labelling them after would queue a redraw of each)."""
        keep = self.measure_id
        self.clear()
        for tool_data, tool_label, indicators in labels:
            tool_node = self.root.add(tool_label, data=tool_data, expand=True)
            for ind_data, ind_label, leaves in indicators:
                node = tool_node.add(ind_label, data=ind_data, expand=True)
                for leaf_data, leaf_label in leaves:
                    node.add_leaf(leaf_label, data=leaf_data)
        if keep:
            self.select_measure(keep)

    @staticmethod
    def _relabel(node: TreeNode[str], label: Text) -> None:
        if label != node.label:
            node.set_label(label)

    def _labels(self, measures: tuple[MeasureStatus, ...], lang: str) -> list[_ToolLabels]:
        """Each node's data and label, in tree order: ITA tool, its indicators, their measures,
        each with the progress of everything under it."""
        tools: list[_ToolLabels] = []
        for tool, in_tool in groupby(measures, key=lambda m: m.measure.tool):
            indicators: list[_IndicatorLabels] = []
            tool_tally = EMPTY
            for indicator, in_indicator in groupby(in_tool, key=lambda m: m.measure.indicator):
                in_indicator = list(in_indicator)
                tally = EMPTY
                leaves = []
                for m in in_indicator:
                    leaves.append((m.measure.id, self._label(
                        m.tally, f"{m.measure.code or m.measure.id} {short_label(m.measure)}", lang)))
                    tally = tally + m.tally
                first = in_indicator[0].measure
                indicators.append((f"indicator:{tool}:{indicator}", self._label(
                    tally, f"{t('indicator', lang)} {display.number(first.indicator, lang)} {first.indicator_name}",
                    lang), leaves))
                tool_tally = tool_tally + tally
            tools.append((f"tool:{tool}", self._label(tool_tally, tool, lang), indicators))
        return tools

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        """The label cut between clusters with an ellipsis where the tree is too narrow for it
        (Textual would crop it at the edge, with no sign that it goes on)."""
        label = super().render_label(node, base_style, style)
        room = self._room(node)
        if room < 2 or label.cell_len <= room:
            return label
        kept = label[:len(head(label.plain, room - 1))]
        kept.append(ELLIPSIS, style)
        return kept

    def get_label_width(self, node: TreeNode[str]) -> int:
        """The width `render_label` draws, without drawing it: Textual measures every line of the
        tree (a big plan's hundreds) each time it is rebuilt, and draws only those on screen. A
        label cut to the room is counted as the room (drawn, it may be a cell narrower): either
        way no line is wider than the tree, which is all the width is used for."""
        icon = (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE) if node.allow_expand else ""
        width = cell_len(icon) + node.label.cell_len
        room = self._room(node)
        return width if room < 2 else min(width, room)

    def _room(self, node: TreeNode[str]) -> int:
        """Cells left for ``node``'s label once its guides are drawn."""
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        return self.scrollable_content_region.width - depth * self.guide_depth

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
