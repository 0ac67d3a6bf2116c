"""reasonwatch benchmarks: each module measures one thing and writes benchmarks/results/<name>.json."""
