"""Reading sources into Documents."""
