"""Thai text for the terminal and the PDF alike: where a line may break (:mod:`segment`, with the
compound words of :mod:`compounds`), how lines are filled (:mod:`lines`), and where text may be
cut and how wide it is on a terminal (:mod:`cells`).

No UI, PDF or storage library here, and importing it is cheap: the segmenter loads on the first
line broken, so ``itacheck status`` and the TUI pay for it only when they wrap Thai text.
"""
