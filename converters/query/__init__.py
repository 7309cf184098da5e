"""Query: the catalogue of SPARQL queries, run on the embedded store (pyoxigraph) or
any SPARQL 1.1 endpoint, and the loader for Graph Store Protocol endpoints."""
