"""The org chart as a graph file: GraphML (yEd) and GEXF (Gephi), read back with networkx
and as plain XML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import raci
from helpers import EXAMPLES, loads
from raci.cli import cli
from raci.render.chart.orgchart import render_chart
from raci.render.chart.style import FAMILIES, ROOT

UN = EXAMPLES / "un-habitat-2020" / "org.yaml"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"

SMALL = """
version: 1
organization:
  name: {en: Acme, zh: 顶峰}
units:
  - id: top
    name: {en: Acme Corporation, zh: 顶峰公司}
    level: organization
    head: boss
    units:
      - {id: front-office, name: Front Office, level: division, staff: true}
      - id: ops
        name: {en: Operations Division, zh: 运营司}
        level: division
        head: ops-chief
        posts: {P-5: 1, P-3: 1.5}
        units:
          - {id: plants, name: Plants Branch, level: branch, posts: {P-2: 2}}
          - id: depots
            name: Depots Branch
            also_reports_to: [front-office, depots, nowhere]
positions:
  - {id: boss, title: {en: Chief Executive, zh: 首席执行官}, unit: top, holder: Ann Lee}
  - {id: ops-chief, title: Chief of Operations, unit: ops, grade: P-5, vacant: true}
  - {id: clerk, title: Clerk, unit: plants, grade: P-2, holder: Bo Chan}
"""


def read(path: Path) -> nx.DiGraph:
    graph = nx.read_graphml(path) if path.suffix == ".graphml" else nx.read_gexf(path)
    assert isinstance(graph, nx.DiGraph)
    return graph


def write(tmp_path: Path, suffix: str, source: str | Path = SMALL, **options: object) -> Path:
    org = raci.load(source) if isinstance(source, Path) else loads(source)
    out = tmp_path / f"org{suffix}"
    assert render_chart(org, out, **options) == [out]
    return out


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
class TestBoth:
    def test_a_node_per_unit_with_its_figures(self, tmp_path: Path, suffix: str) -> None:
        graph = read(write(tmp_path, suffix))
        assert set(graph) == {"top", "front-office", "ops", "plants", "depots"}
        top, ops = graph.nodes["top"], graph.nodes["ops"]
        assert top["name"] == "Acme Corporation"
        assert (top["kind"], top["level"], top["depth"], top["staff"]) == (
            "unit",
            "organization",
            0,
            False,
        )
        assert (top["head"], top["head_holder"], top["head_vacant"]) == (
            "Chief Executive",
            "Ann Lee",
            False,
        )
        assert (ops["head"], ops["head_grade"], ops["head_vacant"]) == (
            "Chief of Operations",
            "P-5",
            True,
        )
        assert graph.nodes["front-office"]["staff"] is True
        assert "level" not in graph.nodes["depots"]
        # The chart box's figures: the posts of the unit and the units below it.
        assert (ops["posts"], ops["filled_posts"], ops["vacant_posts"]) == (4.5, 3.5, 1.0)
        # One fraction makes them all decimals: a graph file types each attribute once.
        assert graph.nodes["plants"]["posts"] == 2.0
        assert isinstance(graph.nodes["plants"]["posts"], float)

    def test_lines_run_from_the_unit_reported_to(self, tmp_path: Path, suffix: str) -> None:
        graph = read(write(tmp_path, suffix))
        edges = {(a, b): d["kind"] for a, b, d in graph.edges(data=True)}
        assert edges == {
            ("top", "front-office"): "reports_to",
            ("top", "ops"): "reports_to",
            ("ops", "plants"): "reports_to",
            ("ops", "depots"): "reports_to",
            ("front-office", "depots"): "also_reports_to",
        }

    def test_posts_root_depth_and_language(self, tmp_path: Path, suffix: str) -> None:
        out = write(tmp_path, suffix, root="ops", depth=0, positions=True, lang="zh")
        graph = read(out)
        assert set(graph) == {"ops", "ops-chief"}
        assert graph.nodes["ops"]["name"] == "运营司"
        assert graph.nodes["ops"]["units_below"] == 2
        assert graph.nodes["ops-chief"] == {
            **graph.nodes["ops-chief"],
            "kind": "position",
            "name": "Chief of Operations",
            "grade": "P-5",
            "vacant": True,
        }
        assert graph.edges["ops", "ops-chief"]["kind"] == "post"
        assert read(write(tmp_path, suffix, lang="zh")).graph["name"] == "顶峰"

    def test_the_example(self, tmp_path: Path, suffix: str) -> None:
        org = raci.load(UN)
        graph = read(write(tmp_path, suffix, UN, positions=True))
        units = [n for n, d in graph.nodes(data=True) if d["kind"] == "unit"]
        posts = [n for n, d in graph.nodes(data=True) if d["kind"] == "position"]
        assert sorted(units) == sorted(org.units)
        assert sorted(posts) == sorted(org.positions)
        assert graph.nodes["unh"]["posts"] == 111
        assert graph.edges["oed", "cdtu"]["kind"] == "also_reports_to"

    def test_the_same_chart_gives_the_same_file(self, tmp_path: Path, suffix: str) -> None:
        first = write(tmp_path, suffix).read_bytes()
        assert write(tmp_path, suffix).read_bytes() == first
        assert render_chart(loads(SMALL), format=suffix[1:]) == first.decode("utf-8")

    def test_drawing_options_are_refused(self, tmp_path: Path, suffix: str) -> None:
        with pytest.raises(ValueError, match=f"paper does not apply to a {suffix} chart"):
            write(tmp_path, suffix, paper="A4")


class TestGraphml:
    def test_keys_are_declared_once_with_their_types(self, tmp_path: Path) -> None:
        root = ET.parse(write(tmp_path, ".graphml", positions=True)).getroot()
        keys = [(k.get("id"), k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in root]
        keys = [k for k in keys if k[0] is not None]
        assert len({k[0] for k in keys}) == len(keys)
        assert len({k[1:3] for k in keys}) == len(keys)
        types = {(scope, name): kind for _, scope, name, kind in keys}
        assert types[("node", "staff")] == "boolean"
        assert types[("node", "depth")] in ("int", "long")
        assert types[("node", "posts")] in ("float", "double")
        assert types[("edge", "kind")] == "string"

    def test_booleans_are_spelt_as_xml_schema_spells_them(self, tmp_path: Path) -> None:
        text = write(tmp_path, ".graphml").read_text(encoding="utf-8")
        assert re.findall(r">(true|false)</data>", text)
        assert not re.findall(r">(True|False)</data>", text)

    def test_whole_numbers_stay_whole(self, tmp_path: Path) -> None:
        graph = read(write(tmp_path, ".graphml", UN))
        assert graph.nodes["unh"]["posts"] == 111
        assert isinstance(graph.nodes["unh"]["posts"], int)


class TestGexf:
    def test_labels_and_colours_are_the_charts(self, tmp_path: Path) -> None:
        root = ET.parse(write(tmp_path, ".gexf")).getroot()
        nodes = {n.get("id"): n for n in root.iter(f"{GEXF}node")}
        assert nodes["ops"].get("label") == "Operations Division"
        viz = "{http://www.gexf.net/1.2draft/viz}color"

        def colour(node: str) -> str:
            c = nodes[node].find(viz)
            assert c is not None
            return "#{:02x}{:02x}{:02x}".format(*(int(c.get(x, "")) for x in "rgb"))

        assert colour("top") == ROOT[0]
        assert colour("front-office") == FAMILIES[0][0][0]
        assert colour("plants") == FAMILIES[1][0][1]

    def test_names_raci_and_no_date(self, tmp_path: Path) -> None:
        root = ET.parse(write(tmp_path, ".gexf")).getroot()
        meta = root.find(f"{GEXF}meta")
        assert meta is not None
        assert meta.attrib == {}
        assert (meta.findtext(f"{GEXF}creator") or "").startswith("raci ")


class TestCommand:
    @pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
    def test_writes_the_graph(self, tmp_path: Path, suffix: str) -> None:
        out = tmp_path / f"org{suffix}"
        result = CliRunner().invoke(cli, ["chart", str(UN), "-o", str(out), "--depth", "1"])
        assert result.exit_code == 0, result.output
        assert result.stdout == f"wrote {out}\n"
        assert len(read(out)) == 5

    def test_drawing_options_are_a_usage_error(self, tmp_path: Path) -> None:
        out = tmp_path / "org.gexf"
        result = CliRunner().invoke(cli, ["chart", str(UN), "-o", str(out), "--paper", "A4"])
        assert result.exit_code == 2
        assert result.stderr == (
            "error: --paper is for drawn charts; a .gexf chart is drawn by the tool that opens"
            " it: choose its units with --root and --depth\n"
        )


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_ids_and_names_xml_cannot_hold(tmp_path: Path, suffix: str) -> None:
    """Control characters and U+FFFE: names lose them, ids keep control characters as
    visible escapes, and ids that would then meet stay apart."""
    model = {
        "version": 1,
        "organization": {"name": "Org\x07"},
        "units": [
            {"id": "a", "name": "Top\x1b[31m\ufffe unit"},
            {"id": "a\x01b", "parent": "a", "name": "Bell\x07"},
            {"id": "a\ufffe", "parent": "a", "name": "\x02"},
        ],
    }
    source = tmp_path / "org.json"
    source.write_text(json.dumps(model), encoding="utf-8")
    out = write(tmp_path, suffix, source)
    ET.parse(out)
    graph = read(out)
    assert sorted(graph) == ["a", "a\\x01b", "a~2"]
    # A name with nothing to show is the id, less what XML cannot hold.
    assert [graph.nodes[n]["name"] for n in sorted(graph)] == ["Top[31m unit", "Bell", "a"]
    assert graph.graph["name"] == "Org"
