"""vnplan: information extraction from Vietnamese administrative plans.

Data flows one way: ``reading`` (file -> Document) -> ``structure`` (tree with
offsets) -> entities -> relations -> ``kb`` (SQLite). ``load()`` returns the
spaCy pipeline that runs the text stages.
"""

from pipeline.document import Document
from pipeline.language import load

__version__ = "0.1.0"
__all__ = ["Document", "__version__", "load"]
