"""Relations between entities: candidate pairs from structure, a classifier."""
