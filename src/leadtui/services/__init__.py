"""Use cases over the store. The clock comes in as a ``today`` argument."""
