"""Built-in destination adapter for Mixpanel's Python SDK (``mixpanel.Mixpanel``).

The plan's ``identity`` option picks Mixpanel's ID management:

- ``simplified`` (default, Simplified ID Merge): events carry ``$device_id`` (the
  anonymous id) and ``$user_id``; an event holding both merges them. ``distinct_id`` is
  the user id, else ``$device:<anonymous id>``, the value Mixpanel itself derives from
  ``$device_id`` alone.
- ``legacy_alias`` (Original ID Merge / legacy aliasing): ``distinct_id`` is the
  user id, else the anonymous id, and identifying sends ``$create_alias`` from the
  anonymous id to the user id before the event is logged.

Mixpanel's default consumer sends synchronously and raises ``MixpanelException`` when
delivery fails. The adapter lets it through: the tracker reports it as a failing
destination (in prod to ``on_violation``, and the other destinations still get the
event), like any destination that raises.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# --- trackplan: inline below ---


class _TpMixpanelAdapter:
    """Maps the trackplan destination protocol onto Mixpanel's events and people API."""

    # the SDK classes (module, name) whose instances this adapter wraps
    classes: tuple[tuple[str, str], ...] = (("mixpanel", "Mixpanel"),)
    page_event: str = "$mp_web_page_view"

    def __init__(self, client: Any, options: Mapping[str, str]) -> None:
        identity = options.get("identity", "simplified")
        if identity not in ("simplified", "legacy_alias"):
            raise ValueError(
                "mixpanel identity must be 'simplified' or 'legacy_alias', "
                f"not {identity!r}"
            )
        self._client = client
        self._legacy = identity == "legacy_alias"

    def _distinct_id(self, user_id: str | None, anonymous_id: str | None) -> str:
        if user_id:
            return user_id
        if not anonymous_id:
            return ""
        return anonymous_id if self._legacy else "$device:" + anonymous_id

    def _properties(
        self,
        properties: Mapping[str, Any],
        user_id: str | None,
        anonymous_id: str | None,
    ) -> dict[str, Any]:
        result = dict(properties)
        if not self._legacy:
            if anonymous_id:
                result["$device_id"] = anonymous_id
            if user_id:
                result["$user_id"] = user_id
        return result

    def log_event(
        self,
        event_name: str,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Track the event with the identity properties of the ID management in use."""
        distinct_id = self._distinct_id(user_id, anonymous_id)
        properties = self._properties(event_properties, user_id, anonymous_id)
        self._client.track(distinct_id, event_name, properties)

    def identify(self, *, user_id: str, anonymous_id: str | None) -> None:
        """With ``legacy_alias``, alias the anonymous id to the user id.

        Simplified ID Merge needs nothing here: the logged event carries both ids. The
        alias travels as a ``$create_alias`` event through the client's own consumer:
        ``Mixpanel.alias`` always posts to api.mixpanel.com with a fresh default
        consumer, ignoring the API host, residency and timeouts the user configured.
        """
        if not self._legacy or not anonymous_id or anonymous_id == user_id:
            return
        properties = {"alias": user_id}
        self._client.track(anonymous_id, "$create_alias", properties)

    def set_user_properties(
        self,
        user_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Set the properties on the profile of the event's distinct id (people API)."""
        distinct_id = self._distinct_id(user_id, anonymous_id)
        properties = dict(user_properties)
        self._client.people_set(distinct_id, properties)

    def log_page(
        self,
        page_name: str,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Track Mixpanel's page view event, the page name as ``current_page_title``."""
        properties = dict(event_properties)
        properties["current_page_title"] = page_name
        self.log_event(
            self.page_event, properties, user_id=user_id, anonymous_id=anonymous_id
        )

    def revenue(
        self,
        amount: float,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Track a ``Revenue`` event whose ``revenue`` property holds the amount.

        Mixpanel reports revenue from event properties; the people API's charges
        (``people_track_charge``) are deprecated in its JavaScript SDK, and the browser
        adapter sends this same event.
        """
        properties = dict(event_properties)
        properties["revenue"] = amount
        self.log_event(
            "Revenue", properties, user_id=user_id, anonymous_id=anonymous_id
        )

    def set_group(
        self,
        group_type: str,
        group_id: str,
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Put the profile in the group: the group key holds the list of group ids."""
        distinct_id = self._distinct_id(user_id, anonymous_id)
        properties = {group_type: [group_id]}
        self._client.people_set(distinct_id, properties)
