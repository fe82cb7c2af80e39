"""Modal dialogs, one per file, each typed by the value it returns (`ModalScreen[T]`)."""
