"""One module per group of commands; each registers on ``rectcli.app.app``."""
