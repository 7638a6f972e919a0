"""One normaliser per slot kind: text in, typed Slots out (offsets relative to the text given)."""
