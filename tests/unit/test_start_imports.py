"""The desk's start shows its window frame and map page before the story's model is imported (issue 16.4):
pydantic, the schema, the loader and folium come in on the thread that reads the exhibit, not before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("pydantic", "folium", "shapely", "numpy", "chronomap.story.schema", "chronomap.story.model",
         "chronomap.story.loader", "chronomap.qt.theme", "chronomap.desk.card")


def test_the_frame_and_its_page_need_no_story_model():
    code = ("import sys\n"
            "import chronomap.desk.app, chronomap.desk.main_window, chronomap.desk.start_memo\n"
            "import chronomap.desk.start_load, chronomap.desk.window_frame, chronomap.map.page, chronomap.map.page_inline\n"
            f"print(sorted(name for name in {HEAVY!r} if name in sys.modules))\n")
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(root / "desktop"), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root, timeout=120,
                         check=True).stdout.strip()
    assert out == "[]"
