"""The message catalog's big tables, loaded only when a language needs them.

labels.py is the catalog's front (the words of tables and messages, zh and en); here
are the Chinese ``--help`` of every command and option (help_zh.py: the English is the
commands' own help in code), click's own words (click_words.py) and the Chinese of the
core's error messages (messages_zh.py: the English is the message as raised).
"""
