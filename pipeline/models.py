"""Where trained artefacts live. The package loads models from ``models/``
at the repository root (shipped with the source) or from ``VNPLAN_MODELS``;
nothing is ever downloaded."""

from __future__ import annotations

import json
import os
from pathlib import Path

REPO_MODELS = Path(__file__).resolve().parents[1] / "models"


def models_dir() -> Path:
    return Path(os.environ.get("VNPLAN_MODELS", REPO_MODELS))


def default_model_path(name: str) -> Path:
    return models_dir() / name


def model_version(name: str) -> str:
    """The version recorded in models/manifest.json for an artefact."""
    manifest = models_dir() / "manifest.json"
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        return data["artefacts"][name]["version"]
    except (OSError, ValueError, KeyError):
        return name
