"""Talking to a Label Studio server through label-studio-sdk.

Server and key come from ``LABEL_STUDIO_URL`` and ``LABEL_STUDIO_API_KEY``
(a legacy token or a personal access token; the SDK handles both). The key is
never printed or logged: errors name the variable to set, not its value.
"""

from __future__ import annotations

import os
from typing import Any

from pipeline.labelstudio.config import labeling_config


class ServerError(RuntimeError):
    """A one-line, user-facing problem with the server or its settings."""


def client():
    try:
        from label_studio_sdk import LabelStudio
    except ImportError:  # pragma: no cover - declared in the [labelstudio] extra
        raise ServerError("label-studio-sdk is not installed: pip install -e '.[labelstudio]'") from None
    url = os.environ.get("LABEL_STUDIO_URL")
    key = os.environ.get("LABEL_STUDIO_API_KEY")
    if not url:
        raise ServerError("set LABEL_STUDIO_URL to the server address (e.g. http://127.0.0.1:8080)")
    if not key:
        raise ServerError("set LABEL_STUDIO_API_KEY to your Label Studio access token (Account & Settings)")
    ls = LabelStudio(base_url=url.rstrip("/"), api_key=key)
    _check(ls, url)
    return ls


def _check(ls, url: str) -> None:
    """One cheap call, translated into an error that says what to fix."""
    try:
        list(ls.projects.list(page_size=1))
    except Exception as exc:  # httpx and SDK errors alike
        status = getattr(exc, "status_code", None)
        if status in (401, 403):
            raise ServerError(
                f"{url} refused the key in LABEL_STUDIO_API_KEY (HTTP {status}): set a valid token"
            ) from None
        name = type(exc).__name__
        if "Connect" in name or "Timeout" in name:
            raise ServerError(
                f"cannot reach Label Studio at {url} ({name}): start it or fix LABEL_STUDIO_URL"
            ) from None
        raise ServerError(f"{url}: unexpected answer ({name}, HTTP {status})") from None


def find_or_create_project(ls, title: str) -> tuple[Any, bool]:
    for project in ls.projects.list(title=title):
        if project.title == title:
            return project, False
    return ls.projects.create(title=title, label_config=labeling_config()), True


def find_project(ls, title: str):
    for project in ls.projects.list(title=title):
        if project.title == title:
            return project
    raise ServerError(f"no project titled {title!r} on the server")


def push(ls, title: str, tasks: list[dict]) -> dict[str, int]:
    """Import tasks (with predictions) into the project, skipping documents
    the project already holds, so pushing twice does not duplicate them."""
    project, created = find_or_create_project(ls, title)
    present = {(t.data or {}).get("doc_id") for t in ls.tasks.list(project=project.id)}
    new = [t for t in tasks if t["data"]["doc_id"] not in present]
    if new:
        ls.projects.import_tasks(id=project.id, request=new, return_task_ids=True)
    return {
        "project": project.id,
        "created": int(created),
        "imported": len(new),
        "already_there": len(tasks) - len(new),
    }


def pull(ls, title: str) -> list[dict]:
    """The project's tasks in the schema's file format: data, the latest
    submitted annotation, and the predictions with their results (the server's
    full JSON export lists predictions by id only). JSON-MIN and CoNLL exports
    would lose relations, so the full export is used."""
    project = find_project(ls, title)
    out = []
    for task in ls.projects.exports.as_json(project.id):
        annotations = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
        annotations.sort(key=lambda a: a.get("updated_at") or a.get("created_at") or "", reverse=True)
        predictions = [
            {"model_version": p.model_version, "score": p.score, "result": p.result}
            for p in ls.predictions.list(task=task["id"])
        ]
        item = {"data": task["data"], "predictions": predictions}
        if annotations:
            item["annotations"] = [{"result": annotations[0]["result"]}]
        out.append(item)
    return out
