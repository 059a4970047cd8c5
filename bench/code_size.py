"""File and function sizes of the library (not tests, bench or pages), for code-health notes.

Run: ``python -m bench.code_size [ROOT]``. Prints the largest files and functions and totals.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

#: Folders and files that make up the library (the app's pages and the tests are not library code).
LIBRARY = ("textnorm", "ingest", "index", "retriever", "assistant", "ui", "settings.py", "errors.py", "app.py")


def library_files(root: Path) -> list[Path]:
    """Every Python file of the library under ``root``."""
    files: list[Path] = []
    for name in LIBRARY:
        path = root / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else ([path] if path.exists() else [])
    return files


def function_sizes(path: Path) -> list[tuple[str, int]]:
    """``(qualified name, lines)`` of every function in one file, nested ones included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    sizes: list[tuple[str, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                sizes.append((f"{prefix}{child.name}", child.end_lineno - child.lineno + 1))
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")

    visit(tree, "")
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=".", type=Path)
    parser.add_argument("--most", type=int, default=10)
    args = parser.parse_args()
    files = library_files(args.root)
    lines = {f: len(f.read_text(encoding="utf-8").splitlines()) for f in files}
    funcs = [(f"{f.relative_to(args.root)}:{name}", n) for f in files for name, n in function_sizes(f)]
    sizes = sorted(n for _, n in funcs)
    print(f"{len(files)} files, {sum(lines.values())} lines; {len(funcs)} functions, "
          f"median {sizes[len(sizes) // 2]} lines, >50 lines: {sum(n > 50 for n in sizes)}, "
          f">80: {sum(n > 80 for n in sizes)}")
    print("largest files:")
    for f, n in sorted(lines.items(), key=lambda kv: -kv[1])[: args.most]:
        print(f"  {n:5d}  {f.relative_to(args.root)}")
    print("largest functions:")
    for name, n in sorted(funcs, key=lambda kv: -kv[1])[: args.most]:
        print(f"  {n:5d}  {name}")


if __name__ == "__main__":
    main()
