"""``python -m assistant ask [--json] [--llm] [QUESTION]``: one question, or one per line from stdin."""

from __future__ import annotations

import argparse
import json
import sys

from assistant.conversation import make_turn
from assistant.service import open_assistant
from errors import IndexUnavailable
from settings import load_settings_or_exit
from textnorm.inputs import NOT_UTF8, questions_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="Hỏi đáp về văn bản CCHC.")
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="trả lời; không có QUESTION thì đọc mỗi dòng stdin một câu hỏi")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--json", action="store_true")
    ask.add_argument("--llm", action="store_true", help="dùng LLM (cần LLM_BASE_URL)")
    ask.add_argument("--conversation", action="store_true",
                     help="coi các câu hỏi từ stdin là một cuộc trò chuyện (câu sau hỏi tiếp câu trước)")
    args = parser.parse_args(argv)
    settings = load_settings_or_exit()
    if args.llm and not settings.llm_enabled:
        print("Chưa cấu hình LLM_BASE_URL; dùng chế độ trích dẫn.", file=sys.stderr)
    try:
        assistant = open_assistant(settings)  # a read path: an empty index is an error, not an ingest
    except IndexUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return 2
    mode = "llm" if args.llm and settings.llm_enabled else "grounded"
    history = []
    failed = 0
    for n, question in questions_of(args.question, sys.stdin):
        if question is None:  # not UTF-8: said for this line, the next ones still answered
            failed += 1
            _unanswered("", NOT_UTF8.format(n=n), args.json)
            continue
        try:
            answer = assistant.ask(question, history=history if args.conversation else (), mode=mode)
        except IndexUnavailable as exc:  # the server stopped answering: say so for this question, keep reading the next
            failed += 1
            _unanswered(question, exc, args.json)
            continue
        if args.conversation:
            history.append(make_turn(question, answer))
        if args.json:
            row = answer.to_dict()
            print(json.dumps(row, ensure_ascii=False), flush=True)
            continue
        print(f"# {question}\n")
        if answer.notice:
            print(f"({answer.notice})\n")
        print(answer.text + "\n")
        for c in answer.citations:
            print(f"[{c.n}] {c.label} | {c.section}\n    {c.source} [{c.start}:{c.end}]\n    «{c.quote}»")
        print(flush=True)
    return 1 if failed else 0


def _unanswered(question: str, exc: Exception | str, as_json: bool) -> None:
    message = f"Không trả lời được câu hỏi này: {exc}"
    print(message, file=sys.stderr, flush=True)
    if as_json:
        print(json.dumps({"question": question, "answer": message, "abstained": True, "citations": [],
                          "error": str(exc)}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    sys.exit(main())
