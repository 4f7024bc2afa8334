"""rect: a command-line checklist manager for rectification task lists (整改任务清单)."""

__version__ = "0.2.0"
