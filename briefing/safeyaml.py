"""YAML read safely: config files and articles' front matter are written by people, or by anyone.

``yaml.safe_load`` builds no objects, but a document can still make it work for ever or fail
with errors that are not YAML errors: aliases that expand a few lines into billions of nodes
(each alias is shared, but anything that walks the result walks them all), thousands of nested
brackets (RecursionError), a date that is no date ("2026-13-45": ValueError). ``load`` refuses
all of them with one kind of error.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_NODES = 100_000  # values, counting every use of an alias: far more than any config or front matter
MAX_DEPTH = 50


class YamlProblem(ValueError):
    """Why a YAML text could not be read; ``line`` is 1-based when known."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing collections nested too deep."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _expanded_size(node: yaml.Node) -> int:
    """How many values the document holds once every alias is read where it is used."""
    sizes: dict[int, int] = {}

    def size(item: yaml.Node) -> int:
        if id(item) not in sizes:
            sizes[id(item)] = 0  # a node that contains itself counts once
            if isinstance(item, yaml.SequenceNode):
                total = 1 + sum(size(child) for child in item.value)
            elif isinstance(item, yaml.MappingNode):
                total = 1 + sum(size(key) + size(value) for key, value in item.value)
            else:
                total = 1
            sizes[id(item)] = min(total, MAX_NODES + 1)
        return sizes[id(item)]

    return size(node)


def load(text: str) -> Any:
    """The data of a YAML text; YamlProblem for anything that is not plain, reasonable YAML."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node) > MAX_NODES:
            raise YamlProblem(f"more than {MAX_NODES:,} values once its aliases (*name) are expanded")
        return loader.construct_document(node)
    except YamlProblem:
        raise
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or exc.__class__.__name__
        raise YamlProblem(f"not valid YAML ({problem})", where.line + 1 if where is not None else None) from None
    except (ValueError, TypeError, OverflowError) as exc:  # a value YAML recognised but cannot build: "2026-13-45"
        raise YamlProblem(f"not a valid value ({exc})") from None
    except RecursionError:
        raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep") from None
    finally:
        loader.dispose()
