"""`leadtui completion bash|zsh`: a tab-completion script generated from the parser.

shtab writes a static script from the argparse parser, so completing costs the shell no
Python start-up (argcomplete would start leadtui on every Tab) and every command and
option is in it as soon as the parser has it. shtab is imported here only, so no other
command pays for it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


def completion_command(args: argparse.Namespace) -> int:
    """`completion SHELL`: print the completion script for ``SHELL`` (bash or zsh)."""
    import shtab

    from leadtui.cli.parser import build_parser

    script = shtab.complete(build_parser(), shell=args.shell)
    sys.stdout.write(script if script.endswith("\n") else script + "\n")
    return 0


def register_completion(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui completion SHELL`."""
    parser.description = (
        "Print a completion script for every command and option, generated from "
        "this parser. bash: `leadtui completion bash > "
        "~/.local/share/bash-completion/completions/leadtui`; zsh: `leadtui completion zsh > "
        "~/.zfunc/_leadtui` with ~/.zfunc in $fpath before compinit."
    )
    parser.add_argument("shell", metavar="SHELL", choices=("bash", "zsh"), help="bash | zsh")
    parser.set_defaults(handler=completion_command)
