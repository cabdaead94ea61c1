"""`python -m trackplan` runs the CLI."""

from trackplan.cli import main

main()
