"""goodfaith: automatic-performance incentives and credit repair for court enforcement."""

__version__ = "0.1.0"
