"""Label Studio round trip: config, tasks with predictions, diffs, import."""
