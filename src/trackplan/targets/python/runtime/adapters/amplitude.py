"""Built-in destination adapter for Amplitude's Python SDK (``amplitude.Amplitude``).

Events carry ``user_id`` and ``device_id`` (the anonymous id); Amplitude links the two
when an event holds both. Amplitude's servers drop events whose ids are shorter than
``min_id_length`` (5 unless configured); ``check_identity`` reports those ids before
anything is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# --- trackplan: inline below ---


class _TpAmplitudeAdapter:
    """Maps the trackplan protocol onto Amplitude's track, identify and revenue."""

    # the SDK classes (module, name) whose instances this adapter wraps
    classes: tuple[tuple[str, str], ...] = (("amplitude.client", "Amplitude"),)
    page_event: str = "[Amplitude] Page Viewed"
    page_title: str = "[Amplitude] Page Title"
    default_min_id_length: int = 5

    def __init__(self, client: Any, options: Mapping[str, str]) -> None:
        # Imported here, not at module level: the generated module needs the SDK only
        # when an Amplitude client is actually given.
        import amplitude  # type: ignore[import-untyped]

        self._sdk: Any = amplitude
        self._client = client

    def _options(self, user_id: str | None, anonymous_id: str | None) -> Any:
        return self._sdk.EventOptions(user_id=user_id, device_id=anonymous_id)

    def check_identity(
        self, *, user_id: str | None, anonymous_id: str | None
    ) -> list[str]:
        """Report ids shorter than ``min_id_length``, which Amplitude would drop."""
        configuration = getattr(self._client, "configuration", None)
        min_length = getattr(configuration, "min_id_length", None)
        if not isinstance(min_length, int) or min_length <= 0:
            min_length = self.default_min_id_length
        problems = []
        for name, value in (("user id", user_id), ("anonymous id", anonymous_id)):
            if value is not None and len(value) < min_length:
                problems.append(
                    f"amplitude: the {name} has {len(value)} characters; "
                    "Amplitude drops events whose ids are shorter than "
                    f"min_id_length={min_length}"
                )
        return problems

    def log_event(
        self,
        event_name: str,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Track a BaseEvent with ``user_id`` and ``device_id``."""
        self._client.track(
            self._sdk.BaseEvent(
                event_type=event_name,
                user_id=user_id,
                device_id=anonymous_id,
                event_properties=dict(event_properties),
            )
        )

    def set_user_properties(
        self,
        user_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Send an ``$identify`` event that ``$set``s each property."""
        identify = self._sdk.Identify()
        for name, value in user_properties.items():
            identify.set(name, value)
        self._client.identify(identify, self._options(user_id, anonymous_id))

    def log_page(
        self,
        page_name: str,
        event_properties: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Track Amplitude's page view event, the page name as its page title."""
        properties = dict(event_properties)
        properties[self.page_title] = page_name
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
        """Send a Revenue (``revenue_amount`` event): one item priced at the amount."""
        revenue = self._sdk.Revenue(
            price=float(amount), quantity=1, properties=dict(event_properties)
        )
        self._client.revenue(revenue, self._options(user_id, anonymous_id))

    def set_group(
        self,
        group_type: str,
        group_id: str,
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        """Put the user in the group with Amplitude's ``set_group``."""
        self._client.set_group(
            group_type, group_id, self._options(user_id, anonymous_id)
        )
