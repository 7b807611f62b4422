# Two commands set everything up on a fresh clone: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test lint bench eval notebook-html clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds -o out
	$(BIN)/python scripts/screenshot.py out/graph.html out/graph.png

lint: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks scripts

test: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks scripts
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py --sizes 1 10 --repeat 3 --rss-sizes 50
	$(BIN)/python benchmarks/bench_write.py
	$(BIN)/python benchmarks/bench_query.py --triples 100000 1000000 --repeat 3 --skip-rdflib-turtle
	$(BIN)/python benchmarks/bench_html.py

notebook-html: $(STAMP)
	$(BIN)/python scripts/run_notebook.py out/explore.html

clean:
	rm -rf out .pytest_cache build *.egg-info

# Scores on the seed gold and on the four held-out sets written for kg (sets 2, 3 and 4 are blind:
# nobody tunes rules on them). Gold format and scoring: ../shared/gold/FORMAT.md.
eval: $(STAMP)
	$(BIN)/kg build seeds -o out/eval-seeds -q --no-html
	$(BIN)/kg eval out/eval-seeds/graph.ttl ../shared/gold
	$(BIN)/kg build tests/data/heldout/docs -o out/eval-heldout -q --no-html
	$(BIN)/kg eval out/eval-heldout/graph.ttl tests/data/heldout/gold
	$(BIN)/kg build tests/data/heldout2/docs -o out/eval-heldout2 -q --no-html
	$(BIN)/kg eval out/eval-heldout2/graph.ttl tests/data/heldout2/gold
	$(BIN)/kg build tests/data/heldout3/docs -o out/eval-heldout3 -q --no-html
	$(BIN)/kg eval out/eval-heldout3/graph.ttl tests/data/heldout3/gold
	$(BIN)/kg build tests/data/heldout4/docs -o out/eval-heldout4 -q --no-html
	$(BIN)/kg eval out/eval-heldout4/graph.ttl tests/data/heldout4/gold
