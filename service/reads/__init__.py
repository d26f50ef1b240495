"""The read side of the API: filters, the events planner and its walks, names, cursors, rendering and memories.

Nothing here writes: a GET never creates a row or a table.
"""
