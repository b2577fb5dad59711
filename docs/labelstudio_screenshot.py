"""Regenerate docs/labelstudio.png: a seed document with vnplan's predictions
in the Label Studio UI.

Needs Debian's chromium and chromium-driver (apt-get install chromium
chromium-driver) and selenium (pip install selenium). Starts a throwaway
Label Studio server with tests/labelstudio_server.py, pushes the document,
logs in, opens the task and saves the screenshot; the server is stopped.

    python docs/labelstudio_screenshot.py [corpus/plans/son-la-2021-2025.txt]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(doc: Path, out: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    from pipeline.labelstudio.server import client, push
    from pipeline.labelstudio.tasks import make_tasks
    from pipeline.language import EXTRACT_COMPONENTS, load
    from tests import labelstudio_server

    password = "vnplan-screenshot"
    srv = labelstudio_server.start()
    try:
        srv.set_password(password)
        os.environ["LABEL_STUDIO_URL"], os.environ["LABEL_STUDIO_API_KEY"] = srv.url, srv.token
        ls = client()
        tasks, _ = make_tasks([doc], load(EXTRACT_COMPONENTS), root=ROOT)
        result = push(ls, "vnplan predictions", tasks)
        task_id = next(iter(ls.tasks.list(project=result["project"]))).id
        options = webdriver.ChromeOptions()
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1600,1000",
        ):
            options.add_argument(arg)
        options.binary_location = "/usr/bin/chromium"
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get(f"{srv.url}/user/login/")
            driver.find_element(By.NAME, "email").send_keys(labelstudio_server.USERNAME)
            driver.find_element(By.NAME, "password").send_keys(password)
            driver.find_element(By.NAME, "password").submit()
            for _ in range(30):  # wait until the login redirect has happened
                if "/user/login" not in driver.current_url:
                    break
                time.sleep(0.5)
            else:
                raise RuntimeError(f"login failed: still on {driver.current_url}")
            driver.get(f"{srv.url}/projects/{result['project']}/data?task={task_id}")
            time.sleep(12)  # the editor loads its bundle and renders the predicted regions
            out.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(out))
        finally:
            driver.quit()
    finally:
        srv.stop()
    print(out)


if __name__ == "__main__":
    doc = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "corpus" / "plans" / "quang-ngai-2021.txt"
    main(doc, ROOT / "docs" / "labelstudio.png")
