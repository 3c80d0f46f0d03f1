"""The network: the store projected to networkx, analytics on it, and the offline pyvis map."""

# Formats of `kg network export` (here, not in export.py, so the CLI lists them without importing networkx)
EXPORT_FORMATS = ("graphml", "gexf", "json")
