"""Reading articles: files (plain text, newspaper pages, HTML, JSONL) -> kg.model.Article."""

from kg.reading.files import iter_paths
from kg.reading.reader import read_path

__all__ = ["iter_paths", "read_path"]
