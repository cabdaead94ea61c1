"""Built-in destination adapter for PostHog's Python SDK (``posthog.Posthog``, 7.x).

``distinct_id`` is the user id, else the anonymous id. Events of people not yet known
(no user id) are sent with ``$process_person_profile: false``, PostHog's anonymous
events, so they create no person profile. The Identify event sends ``$identify`` with
``distinct_id`` = user id and ``$anon_distinct_id`` = anonymous id, which merges the
anonymous id into the user's person.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# --- trackplan: inline below ---


class _TpPostHogAdapter:
    """Maps the trackplan protocol onto PostHog's capture, set and group_identify."""

    # the SDK classes (module, name) whose instances this adapter wraps
    classes: tuple[tuple[str, str], ...] = (
        ("posthog.client", "Client"),
        ("posthog.async_client", "AsyncClient"),  # refused, with a clear error
    )
    page_event: str = "$pageview"
    revenue_event: str = "Revenue"

    def __init__(self, client: Any, options: Mapping[str, str]) -> None:
        if type(client).__module__.startswith("posthog.async_client"):
            raise TypeError(
                "trackplan calls PostHog synchronously: pass posthog.Posthog"
            )
        self._client = client

    def _capture(
        self,
        event: str,
        properties: dict[str, Any],
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        if not user_id:
            properties["$process_person_profile"] = False
        self._client.capture(
            event, distinct_id=user_id or anonymous_id or "", properties=properties
        )

    def log_event(
        self,
        event_name: str,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Capture the event; personless while the user id is unknown."""
        self._capture(event_name, dict(event_properties), user_id, anonymous_id)

    def identify(self, *, user_id: str, anonymous_id: str | None) -> None:
        """Capture ``$identify`` linking ``$anon_distinct_id`` to the user id."""
        properties: dict[str, Any] = {}
        if anonymous_id and anonymous_id != user_id:
            properties["$anon_distinct_id"] = anonymous_id
        self._client.capture("$identify", distinct_id=user_id, properties=properties)

    def set_user_properties(
        self,
        user_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Set person properties with ``Posthog.set`` (a ``$set`` event)."""
        self._client.set(
            distinct_id=user_id or anonymous_id or "", properties=dict(user_properties)
        )

    def log_page(
        self,
        page_name: str,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Capture ``$pageview``, the page name as its ``page_name`` property.

        Not ``title``: PostHog's browser SDK fills that from the document on every page
        view, so the browser adapter cannot use it, and both name pages alike.
        """
        properties = dict(event_properties)
        properties["page_name"] = page_name
        self._capture(self.page_event, properties, user_id, anonymous_id)

    def revenue(
        self,
        amount: float,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Capture a ``Revenue`` event whose ``revenue`` property holds the amount."""
        properties = dict(event_properties)
        properties["revenue"] = amount
        self._capture(self.revenue_event, properties, user_id, anonymous_id)

    def set_group(
        self,
        group_type: str,
        group_id: str,
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Send ``$groupidentify`` for the group on behalf of the user."""
        self._client.group_identify(
            group_type, group_id, distinct_id=user_id or anonymous_id or None
        )
