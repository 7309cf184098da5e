"""Convert: immutable records → RDF triples under the senate-ld ontology.

Pure functions, no I/O. :mod:`.corpus` admits a corpus's records (merging a
question's unilingual pages, refusing duplicates) and mints one graph; the modules
named after a kind of resource (:mod:`.question`, :mod:`.person`, :mod:`.ministry`,
:mod:`.descriptor`, :mod:`.parliament`) each map one record part to triples, and
:mod:`.dataset` describes the dataset itself (VoID, DCAT-AP catalogue).
"""
