"""onemedi-db: the ONE MEDI schema and its sqitch-compatible migration engine."""

__version__ = "1.0.0"
