"""Generate news-like articles with dated happenings, reproducibly, for load and fault tests and the ingest bench."""
import random
from datetime import date, timedelta

ACTORS = [
    "Sergey Lavrov", "Narendra Modi", "Joe Biden", "Angela Merkel", "Emmanuel Macron", "Xi Jinping",
    "the European Union", "NATO", "the United Nations", "India", "Russia", "China", "Germany", "France",
]
TOPICS = ["trade talks", "defence cooperation", "energy prices", "a climate summit", "vaccine deliveries",
          "border security", "a nuclear deal", "elections", "sanctions", "a space mission"]
VERBS_PAST = ["met", "signed an agreement on", "discussed", "announced", "criticised", "agreed on"]
VERBS_FUTURE = ["will meet to discuss", "is expected to sign a deal on", "plans to announce", "will review"]
# Expressions the extractor resolves against the publication date; {d} is an absolute day, {m} a month.
PAST_WHEN = ["on {d}", "in {m}", "last month", "last week", "on {d}", "earlier this year"]
FUTURE_WHEN = ["on {d}", "in {m}", "next month", "next year", "at the end of this year"]


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def article(number: int, rng: random.Random) -> dict:
    """Return one article: a headline, 3-6 sentences with dates, a unique url and a publication date."""
    published = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 5 * 365))
    sentences = []
    for _ in range(rng.randint(3, 6)):
        actor, other, topic = rng.choice(ACTORS), rng.choice(ACTORS), rng.choice(TOPICS)
        if rng.random() < 0.7:
            when = published - timedelta(days=rng.randrange(1, 400))
            phrase = rng.choice(PAST_WHEN).format(d=_day(when), m=f"{when:%B %Y}")
            sentences.append(f"{actor} {rng.choice(VERBS_PAST)} {topic} with {other} {phrase}.")
        else:
            when = published + timedelta(days=rng.randrange(1, 400))
            phrase = rng.choice(FUTURE_WHEN).format(d=_day(when), m=f"{when:%B %Y}")
            sentences.append(f"{actor} {rng.choice(VERBS_FUTURE)} {topic} with {other} {phrase}.")
    # The serial keeps every article's content distinct, as distinct stories are.
    sentences.append(f"This is report number {number} from our correspondents.")
    return {
        "title": f"{sentences[0].split(' with ')[0]} (report {number})",
        "body": " ".join(sentences),
        "url": f"https://news.example/{number}",
        "source": rng.choice(["Wire A", "Daily B", "Herald C"]),
        "published_at": published.isoformat(),
    }


def articles(count: int, seed: int = 6) -> list[dict]:
    """Return count distinct articles, the same ones for the same seed."""
    rng = random.Random(seed)
    return [article(number, rng) for number in range(count)]


def recapture(item: dict) -> dict:
    """Return the same story as another crawl saw it: no url, different surrounding whitespace."""
    return {**item, "url": None, "body": "\n  " + item["body"] + "\n\n"}
