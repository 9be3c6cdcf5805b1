"""Reading foreign files, the mirror of :mod:`leadtui.export`.

A file a teammate wrote (or a program, or a mistake) is input like anything typed: each
reader here checks what the file can be before reading it (a regular file, not too
large), parses it with a real parser and hands the values to the same pydantic drafts
the command line uses, so a file is refused with the same one line a flag would be.
"""
