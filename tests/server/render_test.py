#!/usr/bin/env python3
"""`kg render ENTITY --depth K -o FILE`: an SVG and a PNG of an entity's
neighbourhood through Graphviz, checked against `kg neighbors`; a clear error
when `dot` is missing. Usage: render_test.py KG_BINARY SOURCE_DIR"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

KG = SOURCE = None


class RenderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="kg-render-test-")
        cls.db = os.path.join(cls.tmp, "samples.db")
        cls.kg("ingest", "--quiet", "samples/")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def kg(cls, *args, env=None, check=True):
        p = subprocess.run([KG, "--db", cls.db, *args], cwd=SOURCE, env=env,
                           capture_output=True, text=True, timeout=300)
        if check and p.returncode != 0:
            raise AssertionError(f"kg {args} failed: {p.stderr}")
        return p

    def neighbour_names(self, entity):
        out = self.kg("neighbors", entity, "--limit", "1000").stdout
        names = set()
        for line in out.splitlines():
            names.add(line.split("]-> ")[-1] if "]-> " in line
                      else line.split("]- ")[-1])
        return names

    def test_svg_shows_the_neighbourhood(self):
        if shutil.which("dot") is None:
            self.skipTest("Graphviz 'dot' is not installed")
        entity = "Jonas Keller"
        out = os.path.join(self.tmp, "keller.svg")
        self.kg("render", entity, "--depth", "1", "-o", out)
        root = ET.parse(out).getroot()
        self.assertTrue(root.tag.endswith("svg"))
        texts = {"".join(t.itertext()) for t in root.iter()
                 if t.tag.endswith("text")}
        expected = self.neighbour_names(entity) | {entity}
        self.assertTrue(expected, "no neighbours to draw")
        for name in expected:
            self.assertIn(name, texts)

    def test_png_and_depth(self):
        if shutil.which("dot") is None:
            self.skipTest("Graphviz 'dot' is not installed")
        one = os.path.join(self.tmp, "one.dot")
        two = os.path.join(self.tmp, "two.dot")
        self.kg("render", "Harwick", "--depth", "1", "-o", one)
        self.kg("render", "Harwick", "--depth", "2", "-o", two)
        def count(path):
            with open(path) as f:
                return f.read().count(" -> ")
        self.assertGreater(count(two), count(one))
        png = os.path.join(self.tmp, "harwick.png")
        self.kg("render", "Harwick", "--depth", "2", "-o", png)
        with open(png, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")

    def test_errors(self):
        empty = os.path.join(self.tmp, "no-tools")
        os.makedirs(empty, exist_ok=True)
        out = os.path.join(self.tmp, "none.svg")
        p = self.kg("render", "Harwick", "-o", out,
                    env=dict(os.environ, PATH=empty), check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("graphviz", p.stderr)
        self.assertFalse(os.path.exists(out))
        p = self.kg("render", "Harwick", "-o", out + ".gif", check=False)
        self.assertEqual(p.returncode, 2)
        p = self.kg("render", "Nobody Zzq", "-o", out, check=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("no entity named", p.stderr)


if __name__ == "__main__":
    KG, SOURCE = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0], "-v"])
