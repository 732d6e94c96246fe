"""Case timelines (goodfaith-timeline/1): typed events, loading with validation, dumping."""

from goodfaith.core.timeline.load import TimelineError, load_timeline, parse_timeline
from goodfaith.core.timeline.model import Event, Party, Query, Timeline

__all__ = [
    "Event",
    "Party",
    "Query",
    "Timeline",
    "TimelineError",
    "load_timeline",
    "parse_timeline",
]
