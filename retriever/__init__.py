"""Retrieval: query understanding, hybrid search, a LangChain retriever.

>>> from retriever import canonical_quarters
>>> canonical_quarters("kiểm tra Q3")
'kiểm tra quý III'
"""

from retriever.hybrid import HybridRetriever, RetrieverConfig, SearchFilters, SearchResult
from retriever.query import QueryAnalysis, analyze_query, canonical_quarters
from retriever.service import open_retriever

__all__ = ["HybridRetriever", "RetrieverConfig", "SearchFilters", "SearchResult", "QueryAnalysis", "analyze_query",
           "canonical_quarters", "open_retriever"]
