"""A screenshot credits a month only with a day of its own (issue #12): its name, its EXIF,
or the clock captured in it. The file's time, which every copy resets, never does."""

from __future__ import annotations

import io
import os
from datetime import datetime
from pathlib import Path

from office_kit import build_office
from PIL import Image, ImageDraw


def _screen_png() -> bytes:
    img = Image.new("RGB", (1080, 2220), (245, 246, 250))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 0, 1080, 220], fill=(25, 118, 210))
    for i in range(6):
        draw.rounded_rectangle([30, 260 + 220 * i, 1050, 450 + 220 * i], radius=24, fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def test_an_undated_screenshot_is_undated_and_a_named_one_is_ok(tmp_path: Path) -> None:
    office = build_office(tmp_path / "kantor", workers=1)
    undated = office.folder("II.2.1") / "presensi google form.png"
    undated.write_bytes(_screen_png())
    in_february = datetime(2022, 2, 10, 9, 0).timestamp()
    os.utime(undated, (in_february, in_february))  # the copy's time falls in the due month
    (office.folder("II.2.3") / "Screenshot_20220214-093012.png").write_bytes(_screen_png())

    run = office.scan("--month", "2", "--year", "2022")
    assert run.returncode == 0, run.stderr
    verdicts = {v["rule_id"]: v for v in office.report("2022-02")["verdicts"] if v["month"] == 2}
    assert verdicts["II.2.1"]["status"] == "undated"
    assert verdicts["II.2.3"]["status"] == "ok"
    assert verdicts["II.2.3"]["files"][0]["date"] == "2022-02-14"
