"""Network views: networkx graphs from store reads (``graphs``), pyvis rendering (``network``),
exports as CSV edge list, GraphML and GEXF (``export``)."""
