"""Every reason the engine gives names a catalogued rule and cites that rule's provision."""

from __future__ import annotations

from goodfaith.core.answers import replay
from goodfaith.core.rules.catalogue import catalogue, entry_for
from goodfaith.core.timeline import load_timeline
from tests.core.test_scenarios import FILES

META = {"status", "case", "policy"}


def test_every_reason_is_catalogued_with_a_matching_citation() -> None:
    seen: set[str] = set()
    for path in FILES:
        for a in replay(load_timeline(path))["answers"]:
            for r in a["reasons"]:
                seen.add(r["rule"])
                if r["rule"] in META:
                    continue
                entry = entry_for(r["rule"])
                assert entry is not None, f"{path.name} {a['id']}: rule {r['rule']} not catalogued"
                allowed = {(c.source, c.article) for c in entry.cites}
                for c in r["citations"]:
                    cited = (c["source"], c["article"])
                    assert cited in allowed, (
                        f"{r['rule']} cites {cited}; {entry.id} cites {allowed}"
                    )
    assert len(seen - META) >= 30  # the test timelines exercise the catalogue widely


def test_catalogue_entries_are_unique_and_cited() -> None:
    ids = [e.id for e in catalogue()]
    assert len(ids) == len(set(ids))
    assert all(e.cites and e.text for e in catalogue())


def test_every_enumerated_value_of_the_vocabulary_has_a_chinese_label() -> None:
    import typing

    from goodfaith.core.labels import value_label
    from goodfaith.core.timeline import model as m
    from goodfaith.core.timeline.convert import yaml_fields

    def literals(tp: object) -> list[str]:
        if typing.get_origin(tp) is typing.Literal:
            return [str(a) for a in typing.get_args(tp)]
        return [v for a in typing.get_args(tp) for v in literals(a)]

    missing = [
        f"{name}.{key}={value}"
        for name, cls in m.EVENT_TYPES.items()
        for _, key, tp, _ in yaml_fields(typing.cast(type, cls))
        for value in literals(tp)
        if value_label(key, value) == value
    ]
    assert missing == []
