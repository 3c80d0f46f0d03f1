"""The network: the store projected to networkx, analytics on it, and the offline pyvis map."""
