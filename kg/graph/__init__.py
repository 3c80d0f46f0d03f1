"""The graph stage: extractions as RDF named graphs, stores, SPARQL queries, export, SHACL."""
