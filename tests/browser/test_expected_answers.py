"""In Chromium, the worker readers get answers every stored case as expected, booted from
the memory snapshot and booted plainly with the trimmed standard library: every value
equal (the page reads the answer with JSON.parse, which keeps no 4.0 apart from 4) and
the HTML byte for byte."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import Visit
from tests.support.answers import cases, from_one_tag_a_line

pytestmark = pytest.mark.browser

# Start the site's own worker, as the page does, and ask it each case's request.
ASK_ALL = """async ({ url, build, requests }) => {
  const worker = new Worker(url, { type: "module" });
  let next = 0;
  const pending = new Map();
  worker.onmessage = ({ data }) => pending.get(data.id)?.(data);
  const ask = (message) => new Promise((resolve) => {
    const id = ++next;
    pending.set(id, resolve);
    worker.postMessage({ ...message, id });
  });
  const ready = await ask({ type: "load", build });
  const answers = [];
  for (const request of requests) answers.push((await ask({ type: "compute", ...request })).answer);
  worker.terminate();
  return { boot: ready.boot, answers };
}"""


@pytest.mark.parametrize("boot", ["snapshot", "plain"])
def test_the_worker_gives_every_expected_answer(visit: Visit, boot: str) -> None:
    """Each stored case's answer (result and HTML) from the browser's worker is the stored one."""
    visit.open("")
    folder = visit.site.runtime.relative_to(visit.site.directory).as_posix()
    url = f"{visit.site.url}{folder}/worker.js" + ("?boot=plain" if boot == "plain" else "")
    stored = cases()
    requests = [json.loads(case.request()) for case in stored]
    arguments = {"url": url, "build": visit.site.runtime.name, "requests": requests}
    done = visit.page.evaluate(ASK_ALL, arguments)
    assert done["boot"] == boot
    for case, answer in zip(stored, done["answers"], strict=True):
        text, html = case.expected()
        expected = json.loads(text)
        if html is not None:
            expected["html"] = from_one_tag_a_line(html)
        assert answer == expected, case.id
    assert visit.console_errors == []
