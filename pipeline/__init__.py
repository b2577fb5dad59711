"""vnplan: information extraction from Vietnamese administrative plans.

Data flows one way: ``reading`` (file -> Document) -> ``structure`` (tree with
offsets) -> entities -> relations -> ``kb`` (SQLite). ``load()`` returns the
spaCy pipeline that runs the text stages.
"""

import sys


def _import_thinc_without_torch() -> None:
    """spaCy imports thinc, and thinc imports torch whenever it is installed
    (1.2-1.7 s here, half of ``load()``), to offer PyTorch layers that vnplan
    never uses: its transformer backbone calls torch and transformers
    directly. Hiding torch while thinc looks for it keeps that cost for the
    users who ask for the backbone; torch imports normally afterwards."""
    if "thinc.compat" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import thinc.compat  # noqa: F401
    finally:
        del sys.modules["torch"]


_import_thinc_without_torch()

from pipeline.document import Document  # noqa: E402
from pipeline.language import load  # noqa: E402

__version__ = "0.1.0"
__all__ = ["Document", "__version__", "load"]
