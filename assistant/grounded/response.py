"""One response protocol for both modes: an answer read lazily, in the manner of :class:`assistant.llm.LLMResponse`.

:meth:`assistant.service.Assistant.stream` returns a :class:`GroundedResponse` whatever the mode: iterating it yields
the text to show as it comes (the model's raw pieces in LLM mode, then a line saying the verified text follows when
it differs; a grounded answer's notice and words, which are complete before the first), :meth:`GroundedResponse.text`
returns the joined pieces and :meth:`GroundedResponse.answer` the final :class:`~assistant.types.Answer`.

    >>> from assistant.types import Answer
    >>> def grounded():
    ...     return Answer("Ai ký?", "Chủ tịch Nguyễn Văn A [1]", notice="Trích nguyên văn.")
    ...     yield  # a generator that streams nothing and returns the answer
    >>> response = GroundedResponse(grounded())
    >>> list(response)
    ['_Trích nguyên văn._\\n\\n', 'Chủ ', 'tịch ', 'Nguyễn ', 'Văn ', 'A ', '[1]']
    >>> response.answer().text, response.text() == "".join(response)
    ('Chủ tịch Nguyễn Văn A [1]', True)
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator

from assistant.types import Answer
from errors import CchcError

#: Shown after a streamed reply whose verified text differs (markers renumbered, unsupported sentences flagged).
VERIFIED_BELOW = ("\n\n---\n", "(Bản đã kiểm tra trích dẫn ở trên được hiển thị bên dưới.)")
#: A word with the spaces after it: the pieces a complete answer is shown in.
_WORD_PIECE = re.compile(r"\S+\s*")


class GroundedResponse:
    """An answer read lazily from ``pieces``: a generator that yields the text streamed as it is produced (none in
    grounded mode) and returns the final :class:`Answer`.

    Nothing runs before the first ``next()`` (or :meth:`answer`). Once read, iterating again replays the same pieces.
    A :class:`~errors.CchcError` raised while reading is raised again by every later read.
    """

    def __init__(self, pieces: Generator[str, None, Answer]) -> None:
        self._pieces = pieces
        self._streamed: list[str] = []
        self._answer: Answer | None = None
        self._error: CchcError | None = None

    def __iter__(self) -> Iterator[str]:
        yield from self._stream()
        yield from self._after(self._answer)

    def _stream(self) -> Iterator[str]:
        """The pieces streamed so far, then the rest as they come; the answer is kept when the generator ends."""
        if self._error is not None:
            raise self._error
        yield from list(self._streamed)
        while self._answer is None:
            try:
                piece = next(self._pieces)
            except StopIteration as done:
                self._answer = done.value
                return
            except CchcError as exc:
                self._error = exc
                raise
            self._streamed.append(piece)
            yield piece

    def _after(self, answer: Answer) -> Iterator[str]:
        """What follows the streamed pieces: the whole answer when nothing was streamed, else a line saying the
        verified text (shown from :meth:`answer`) differs from the stream."""
        if not self._streamed:
            if answer.notice:
                yield f"_{answer.notice}_\n\n"
            yield from _WORD_PIECE.findall(answer.text)
        elif "".join(self._streamed) != answer.text:
            yield from VERIFIED_BELOW

    def text(self) -> str:
        """Read the whole response (if not read yet) and return the joined pieces."""
        return "".join(self)

    def answer(self) -> Answer:
        """Read the stream to its end (if not read yet) and return the final :class:`Answer`."""
        for _ in self._stream():
            pass
        return self._answer
