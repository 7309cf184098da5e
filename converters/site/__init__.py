"""Site: the static linked-data website, rendered from the graph with jinja2.

Like Pelican's generators, :mod:`.generator` turns the graph into pages (a folder
path, a template, a context per language); :mod:`.writer` renders and writes them.
Pages read the graph only through :class:`.graph_view.GraphView`, which records what
each page read, so an incremental build can tell which pages would come out the same.
"""
