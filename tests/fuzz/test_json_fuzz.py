"""The JSON interchange files (disclosure ledger, work-summary facts): random and mutated documents end in the
loaded object or one Chinese error naming where — never another exception."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.render.ledger_json import LedgerError, load_ledger
from jixiao.render.work_summary_json import FactsError, load_facts

LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-10**15, 10**15), st.floats(allow_nan=True),
                   st.text(max_size=20), st.sampled_from(["1,234.56", "-0", "1e309", "万元", "NaN", ""]))
JSON = st.recursive(LEAVES, lambda children: st.one_of(st.lists(children, max_size=4),
                                                       st.dictionaries(st.text(max_size=12), children, max_size=5)),
                    max_leaves=25)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def demo(name: str) -> dict:
    return json.loads(files("jixiao.data").joinpath("demo", name).read_text(encoding="utf-8"))


def mutate(data, path_choice, value):
    """Replace one node (chosen by index among all nodes) with `value`."""
    nodes = []

    def walk(node, parent, key):
        nodes.append((parent, key))
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, node, k)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, node, i)

    walk(data, None, None)
    parent, key = nodes[path_choice % len(nodes)]
    if parent is None:
        return value
    parent[key] = value
    return data


def load(loader, errors, tmp_path: Path, payload: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(payload, encoding="utf-8")
    try:
        loader(path)
    except errors as exc:
        assert str(exc) and any("\u4e00" <= ch <= "\u9fff" for ch in str(exc)), str(exc)


@FUZZ
@given(data=JSON)
def test_random_json(tmp_path, data):
    for loader, errors in ((load_ledger, LedgerError), (load_facts, FactsError)):
        load(loader, errors, tmp_path, json.dumps(data, ensure_ascii=False))


@FUZZ
@given(which=st.integers(0, 10**6), value=LEAVES | JSON)
def test_one_node_replaced_in_the_demo_files(tmp_path, which, value):
    for name, loader, errors in (("disclosure_ledger.json", load_ledger, LedgerError),
                                 ("work_summary_facts.json", load_facts, FactsError)):
        load(loader, errors, tmp_path, json.dumps(mutate(demo(name), which, value), ensure_ascii=False))


@FUZZ
@given(cut=st.integers(0, 5000))
def test_truncated_files(tmp_path, cut):
    for name, loader, errors in (("disclosure_ledger.json", load_ledger, LedgerError),
                                 ("work_summary_facts.json", load_facts, FactsError)):
        text = json.dumps(demo(name), ensure_ascii=False)
        load(loader, errors, tmp_path, text[: cut % (len(text) + 1)])


def test_deeply_nested_file_is_refused_in_chinese(tmp_path):
    for loader, errors in ((load_ledger, LedgerError), (load_facts, FactsError)):
        load(loader, errors, tmp_path, "[" * 100_000 + "]" * 100_000)
