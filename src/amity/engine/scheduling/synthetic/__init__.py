"""Generated matching fairs for tests and benchmarks (``generator.py``); every generated
participant is invented demo data."""

from amity.engine.scheduling.synthetic.generator import (
    BENCHMARK_FAIRS,
    HARD_SHAPE,
    FairShape,
    generate_fair,
)

__all__ = ["BENCHMARK_FAIRS", "HARD_SHAPE", "FairShape", "generate_fair"]
