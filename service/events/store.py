"""First extraction pass: one event per dated mention (the events issue replaces this with merging)."""
from ..extraction import extract
from ..models import Event, EventSource


def attach_events(article) -> list[Event]:
    """Create an event for each dated mention in article."""
    events = []
    for mention in extract(article.body, article.published_at):
        if mention.type not in ("DATE", "TIME") or mention.start_date is None:
            continue
        quote = article.body[mention.sentence_start : mention.sentence_end]
        event = Event.create(
            value=mention.value,
            date_start=mention.start_date,
            date_end=mention.end_date,
            granularity=mention.granularity,
            modifier=mention.modifier,
            title=quote.strip(),
            status="scheduled" if mention.tense == "future" else "past",
            confidence=mention.confidence,
        )
        EventSource.create(
            event=event,
            article=article,
            quote=quote,
            start=mention.sentence_start,
            end=mention.sentence_end,
            expression=mention.text,
            expression_start=mention.start,
            expression_end=mention.end,
            confidence=mention.confidence,
        )
        events.append(event)
    return events
