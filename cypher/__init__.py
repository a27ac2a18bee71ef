"""The Cypher statements agencynet runs, one per ``.cypher`` file (read by ``store.cypher``).

Not Python: this marker only lets a regular ``pip install`` ship the files beside the
``store`` package, where ``store.cypher.query`` looks for them.
"""
