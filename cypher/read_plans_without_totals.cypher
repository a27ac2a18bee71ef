// Up to $batch ids of loaded plans whose flag_counts are missing (written before totals were kept).
MATCH (p:Plan) WHERE p.source_hash IS NOT NULL AND p.flag_counts IS NULL
RETURN p.id AS id LIMIT $batch
