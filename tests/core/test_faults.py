"""core.faults.localise on small grids of our own: which single printed figure explains several identities failing."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.faults import Figure, Identity, localise

D = Decimal
TOLERANCE = D("0.015")  # half a unit of 0.01 per term, three terms


def identities(values: dict[str, str], sums: dict[str, tuple[str, list[str]]]) -> list[Identity]:
    """Each sum `name: (total, [parts])` over the printed `values` as an identity keyed by its name."""
    figure = {key: Figure(key, D(v), key) for key, v in values.items()}
    out = []
    for name, (total, parts) in sums.items():
        terms = ((figure[total], 1), *((figure[p], -1) for p in parts))
        residue = figure[total].value - sum((figure[p].value for p in parts), D(0))
        out.append(Identity(name, terms, residue, TOLERANCE))
    return out


# A 款 K over two 项 A and B, each row 合计 = 基本 + 项目 (t, b, p); K's columns the sums of A's and B's.
GRID = {
    "K.t": "100.00",
    "K.b": "60.00",
    "K.p": "40.00",
    "A.t": "70.00",
    "A.b": "50.00",
    "A.p": "20.00",
    "B.t": "30.00",
    "B.b": "10.00",
    "B.p": "20.00",
}
SUMS = {f"row {r}": (f"{r}.t", [f"{r}.b", f"{r}.p"]) for r in "KAB"} | {
    f"K.{c}": (f"K.{c}", [f"A.{c}", f"B.{c}"]) for c in "tbp"
}


def test_nothing_failing_nothing_located():
    assert localise(identities(GRID, SUMS)).faults == ()


def test_a_wrong_figure_of_a_child_row_is_one_fault_at_it():
    located = localise(identities(GRID | {"A.b": "55.00"}, SUMS))
    (fault,) = located.faults
    assert fault.figure.key == "A.b" and fault.corrected == D("50.00")
    assert fault.identities == ("row A", "K.b")
    assert located.suspects == {}


def test_a_wrong_figure_of_the_parent_row_is_one_fault_at_it():
    (fault,) = localise(identities(GRID | {"K.p": "44.00"}, SUMS)).faults
    assert (fault.figure.key, fault.corrected, set(fault.identities)) == ("K.p", D("40.00"), {"row K", "K.p"})


def test_the_value_named_holds_every_identity_at_printed_precision():
    # the row is off by 5.00, the column by 5.01: one figure 5.00 or 5.01 lower makes both hold within rounding
    grid = GRID | {"A.b": "55.00", "K.b": "59.99"}
    (fault,) = localise(identities(grid, SUMS)).faults
    assert fault.figure.key == "A.b" and fault.corrected == D("50.00")


def test_two_independent_faults_are_two():
    located = localise(identities(GRID | {"A.b": "55.00", "B.p": "27.00"}, SUMS))
    assert {(f.figure.key, f.corrected) for f in located.faults} == {("A.b", D("50.00")), ("B.p", D("20.00"))}


def test_two_figures_wrong_in_one_row_are_not_taken_for_one():
    # A's 基本 and 项目 both raised: its row and both columns fail, no one figure makes all three hold
    located = localise(identities(GRID | {"A.b": "55.00", "A.p": "23.00"}, SUMS))
    assert located.faults == ()


def test_two_faults_equally_explained_two_ways_are_left_apart_with_their_suspects():
    # A.b and B.p both 5.00 too high: A.p with B.b explains the four failures as well as A.b with B.p
    located = localise(identities(GRID | {"A.b": "55.00", "B.p": "25.00"}, SUMS))
    assert located.faults == ()
    assert {k: {f.key for f in v} for k, v in located.suspects.items()} == {
        "row A": {"A.b", "A.p"},
        "row B": {"B.b", "B.p"},
        "K.b": {"A.b", "B.b"},
        "K.p": {"A.p", "B.p"},
    }


def test_a_failure_two_figures_explain_alike_names_them():
    # 总计 = 合计 + 结余 + 结转, 合计 = x + y, 总计 = the other side's 总计: only 结余 or 结转 can alone be wrong
    values = {
        "grand": "120.00",
        "total": "100.00",
        "left": "5.00",
        "carried": "18.00",
        "x": "80.00",
        "y": "20.00",
        "other": "120.00",
    }
    sums = {
        "grand": ("grand", ["total", "left", "carried"]),
        "total": ("total", ["x", "y"]),
        "sides": ("other", ["grand"]),
    }
    located = localise(identities(values, sums))
    assert located.faults == ()
    assert [f.key for f in located.suspects["grand"]] == ["left", "carried"]


def test_a_failure_any_figure_of_could_explain_names_none():
    located = localise(identities({"t": "10.00", "a": "4.00", "b": "5.00"}, {"one": ("t", ["a", "b"])}))
    assert located.faults == () and located.suspects == {}
