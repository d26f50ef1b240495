"""Every /api/events filter is declared once (service/reads/filters.py) and means the same to every planner:
sorting the candidates, walking the event table's dates, walking an actor's or topic's links."""
from datetime import date

import pytest

from schemas.events import EventListArgs
from service.db import db
from service.reads.events import sorted_keys
from service.reads.filters import FILTERS, link_filters
from service.reads.walk import walk_dates, walk_links

from shared_world import client, world  # noqa: F401

# A value per filter, with the world's events it keeps (checked by hand against build_world in conftest.py).
SAMPLES = {
    "from_": ((date(2021, 4, 1), date(2021, 4, 30)), {"talks", "summit", "exercise", "election"}),
    "to": ((date(2021, 1, 1), date(2021, 1, 31)), {"deliveries", "summit"}),
    "granularity": (["month", "week"], {"deliveries", "exercise", "election"}),
    "status": ("scheduled", {"summit", "election"}),
    "actor": (["lavrov"], {"talks", "deliveries", "summit"}),
    "topic": (["defence"], {"deliveries", "exercise"}),
    "article": ("tass", {"talks", "summit", "exercise"}),
    "q": ("talks", {"talks"}),
}
PLANNERS = ["sorted", "dates", "links"]


def keys(planner: str, args: dict) -> list[int]:
    """Return the event ids planner finds for args, in page order."""
    args = {"limit": 500, "sort": "date", **args}
    links = link_filters(args)
    with db.connection_context():
        if planner == "sorted":
            found = sorted_keys(args, False, None, links)
        elif planner == "dates":
            found = walk_dates(args, False, None, links)
        else:
            found = walk_links(args, False, None, links[0], links[1:])
    return [event_id for _, event_id in found]


def test_every_event_list_parameter_is_declared_once():
    parameters = set(EventListArgs().fields) - {"sort", "limit", "cursor"}
    declared = [f.name for f in FILTERS]
    assert sorted(declared) == sorted(parameters) == sorted(SAMPLES)


@pytest.mark.parametrize("planner", PLANNERS)
@pytest.mark.parametrize("name", list(SAMPLES))
def test_each_filter_keeps_the_same_events_through_every_planner(world, planner, name):
    value, expected = SAMPLES[name]
    if name == "article":
        value = world["articles"][value]
    args = {name: value}
    if planner == "links":
        # The link walk needs an actor or topic to walk: diplomacy (with defence) links every event but the election.
        args = {**({"actor": ["india"]} if name == "topic" else {"topic": ["diplomacy"]}), **args}
    names = {v: k for k, v in world["events"].items()}
    found = keys(planner, args)
    reference = keys("sorted", args)
    assert found == reference
    if planner != "links":
        assert {names[i] for i in found} == expected
    assert len(set(found)) == len(found)


@pytest.mark.parametrize("planner", PLANNERS)
def test_all_filters_together_agree_through_every_planner(world, planner):
    args = {"from_": (date(2020, 1, 1), date(2020, 12, 31)), "to": (date(2021, 12, 31), date(2021, 12, 31)),
            "granularity": ["day", "month", "year"], "status": "past", "actor": ["india"], "topic": ["diplomacy"],
            "article": world["articles"]["ani"], "q": "deliveries"}
    names = {v: k for k, v in world["events"].items()}
    assert [names[i] for i in keys(planner, args)] == ["deliveries"]
