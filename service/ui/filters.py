"""Read the page's filters from its URL (the names /api/events takes) and list the actors and topics to pick from."""
from marshmallow import ValidationError, fields

from schemas.common import REPEATED
from schemas.events import EventFilterArgs

from ..errors import UnknownName
from ..reads import events

# The page shows what /api/timeline would: at most its default number of events, oldest first.
LIMIT = 1000
# The form's fields; any other filter /api/events knows (status, granularity, article) rides along in the URL.
FORM = ("actor", "topic", "from", "to", "q")
CHOICES = 500


def read_filters(query) -> tuple[dict, dict, list[str]]:
    """Return (the filter args, the non-empty values as given, error messages) for a page URL's query."""
    # A GET form sends every field, empty ones included: an empty field is no filter.
    given = {name: [v.strip() for v in query.getlist(name) if v.strip()] for name in query}
    given = {name: values for name, values in given.items() if values}
    lists = {field.data_key or name for name, field in EventFilterArgs().fields.items() if isinstance(field, fields.List)}
    repeated = sorted(name for name, values in given.items() if name not in lists and len(values) > 1)
    if repeated:
        return {}, given, [f"{name}: {REPEATED}" for name in repeated]
    data = {name: values if name in lists else values[0] for name, values in given.items()}
    try:
        return EventFilterArgs().load(data), given, []
    except ValidationError as exc:
        return {}, given, [f"{name}: {' '.join(words(messages))}" for name, messages in sorted(exc.messages.items())]


def words(messages) -> list[str]:
    """Flatten marshmallow's messages for one field (a list, or a dict by list index) into sentences."""
    if isinstance(messages, dict):
        return [sentence for nested in messages.values() for sentence in words(nested)]
    return [str(m) for m in messages] if isinstance(messages, list) else [str(messages)]


def matching_events(args: dict) -> tuple[list[dict], list[str]]:
    """Return (the events the timeline export shows for args, error messages) through the API's own read."""
    try:
        return events.timeline_events({**args, "limit": LIMIT}), []
    except UnknownName as exc:
        return [], [str(exc)]


def choices(page, value: str | None) -> list[dict]:
    """Return the rows of one vocabulary page that name events, by name, each marked selected if value names it."""
    rows, _ = page({"limit": CHOICES})
    rows = sorted((row for row in rows if row["events"]), key=lambda row: row["name"].casefold())
    wanted = (value or "").casefold()
    chosen = next((row for row in rows if wanted in names_of(row)), None) if wanted else None
    options = [{"value": row["slug"], "label": f"{row['name']} ({row['events']})", "selected": row is chosen} for row in rows]
    if wanted and chosen is None:
        # A link may name an actor by alias, id or a typo the API reads anyway: keep it as given.
        options.insert(0, {"value": value, "label": value, "selected": True})
    return options


def names_of(row: dict) -> set[str]:
    """Return the casefolded ways a link may name an actor or topic: id, slug, name, aliases or keywords."""
    others = [*row.get("aliases", []), *row.get("keywords", [])]
    return {str(row["id"]), row["slug"].casefold(), row["name"].casefold()} | {word.casefold() for word in others}
