"""The record model: one module per record kind, all strict (see `base.Record`)."""
