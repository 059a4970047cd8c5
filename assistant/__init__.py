"""Answer composition: grounded (no LLM) or LLM answers with verifiable citations.

>>> from textnorm.terms import content_terms
>>> content_terms("Hà Nam kiểm tra vào thời gian nào?")
['ha', 'nam', 'kiem', 'tra', 'thoi', 'gian']
"""

from assistant.types import Answer, Citation, Turn

__all__ = ["Answer", "Citation", "Turn"]
