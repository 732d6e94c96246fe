"""State derived from the case file: ``fold`` events up to a date, then read snapshots."""

from goodfaith.core.state.fold import DisputeState, events_until, fold
from goodfaith.core.state.status import PartyStatus, party_status, target_case

__all__ = ["DisputeState", "PartyStatus", "events_until", "fold", "party_status", "target_case"]
