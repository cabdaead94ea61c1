"""Built-in destination adapter for Segment's Python SDK (``segment.analytics.Client``).

Every call is queued on the user's client; delivery, retries and flushing stay the
client's business. See docs/destinations.md for the wire format of each action.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# --- trackplan: inline below ---


class _TpSegmentAdapter:
    """Maps the trackplan protocol onto Segment's track, identify, page and group."""

    # the SDK classes (module, name) whose instances this adapter wraps
    classes: tuple[tuple[str, str], ...] = (("segment.analytics.client", "Client"),)
    revenue_event: str = "Revenue"

    def __init__(self, client: Any, options: Mapping[str, str]) -> None:
        self._client = client

    def log_event(
        self,
        event_name: str,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Send a track call carrying both ids."""
        self._client.track(
            user_id=user_id,
            anonymous_id=anonymous_id,
            event=event_name,
            properties=dict(event_properties),
        )

    def identify(self, *, user_id: str, anonymous_id: str | None) -> None:
        """Send an identify call; with both ids, Segment links the anonymous history."""
        self._client.identify(user_id=user_id, anonymous_id=anonymous_id)

    def set_user_properties(
        self,
        user_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Send the user properties as identify traits."""
        self._client.identify(
            user_id=user_id, anonymous_id=anonymous_id, traits=dict(user_properties)
        )

    def log_page(
        self,
        page_name: str,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Send a page call named after the page."""
        self._client.page(
            user_id=user_id,
            anonymous_id=anonymous_id,
            name=page_name,
            properties=dict(event_properties),
        )

    def revenue(
        self,
        amount: float,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Send a ``Revenue`` track call whose ``revenue`` property holds the amount."""
        properties = dict(event_properties)
        properties["revenue"] = amount
        self._client.track(
            user_id=user_id,
            anonymous_id=anonymous_id,
            event=self.revenue_event,
            properties=properties,
        )

    def set_group(
        self,
        group_type: str,
        group_id: str,
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Send a group call; the group type travels as a trait (no group types)."""
        self._client.group(
            user_id=user_id,
            anonymous_id=anonymous_id,
            group_id=group_id,
            traits={"group_type": group_type},
        )
