"""hrpolicy: policy engines for Chinese HR and sales-compensation rules."""

__version__ = "0.1.0.dev0"
