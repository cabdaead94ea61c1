"""Built-in destination adapter for RudderStack's Python SDK.

The client is a ``rudderstack.analytics.Client``.

Every call is queued on the user's client; delivery, retries and flushing stay the
client's business. See docs/destinations.md for the wire format of each action.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# --- trackplan: inline below ---


class _TpRudderStackAdapter:
    """Maps the trackplan protocol onto RudderStack's track, identify, page, group."""

    modules: tuple[str, ...] = ("rudderstack.analytics.client",)
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
        """Send an identify call; with both ids, RudderStack links the anon history.

        RudderStack's SDK puts traits in ``context.traits``.
        """
        self._client.identify(user_id=user_id, anonymous_id=anonymous_id)

    def set_user_properties(
        self,
        user_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Send the user properties as identify traits (in ``context.traits``)."""
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
