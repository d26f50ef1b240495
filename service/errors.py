"""Domain errors: raised by reads and writes, turned into problem+json in one place (service/api/errors.py)."""


class BadCursor(ValueError):
    """A cursor that does not fit the list it was sent to."""


class UnknownName(ValueError):
    """An actor or topic filter value that names nothing: a typo must not look like "no events"."""

    def __init__(self, field: str, value: str):
        super().__init__(f"no {field} matches '{value}'")
        self.field = field


class ArticleError(ValueError):
    """An article that cannot be stored as given."""


class TooSlow(ArticleError):
    """An article whose reading or extraction went past its time budget (service/budget.py); field names the input."""

    def __init__(self, seconds: float, work: str = "extracting the events of this article",
                 advice: str = "send it in shorter parts", field: str = "body"):
        super().__init__(f"{work} took longer than its {seconds:g} s budget; {advice}")
        self.seconds = seconds
        self.field = field


class Refused(ValueError):
    """A write the stored rows forbid, naming the field at fault."""

    status = 422

    def __init__(self, field: str, detail: str, message: str | None = None):
        super().__init__(message or detail)
        self.field = field
        self.detail = detail


class NameTaken(Refused):
    """An actor name or alias that already names another actor: each name must point at one actor."""

    status = 409


class BadParent(Refused):
    """A topic parent that does not exist or would put the topic under itself."""
