"""What a toolkit's caller program answered: it prints one ``key=value`` line per value it read from
the service's response, so that the test, not the program, judges the business answer."""

from __future__ import annotations

from collections import defaultdict


def answers(printed: str) -> dict[str, list[str]]:
    """Each key's values in the order printed (a list item's key repeats)."""
    found: defaultdict[str, list[str]] = defaultdict(list)
    for line in printed.splitlines():
        key, separator, value = line.partition("=")
        assert separator, f"not a key=value line: {line!r}"
        found[key].append(value)
    return dict(found)
