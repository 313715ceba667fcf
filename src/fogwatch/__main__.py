"""`python -m fogwatch` runs the command line."""

from fogwatch.cli.main import app

app()
