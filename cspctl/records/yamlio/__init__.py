"""Reading records' YAML: text checks (`text`), two composers (`compose`), one builder
(`build`), and the `Document` that keeps positions (`read`). See `read` for how they fit."""
