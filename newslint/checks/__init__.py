"""Built-in checks, one module per rule family.

Each module declares its rules with :func:`newslint.registry.rule`; a check is a
generator ``check(doc, rule)`` that yields diagnostics.  Checks never read
files, print, or edit text: they describe spans and the edits that would fix
them, and the engine does the rest.
"""
