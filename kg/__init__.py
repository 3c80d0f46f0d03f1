"""union-kg: Chinese trade-union news as a queryable knowledge graph."""

__version__ = "0.1.0"
