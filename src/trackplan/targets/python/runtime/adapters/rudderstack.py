"""Built-in destination adapter for RudderStack's Python SDK.

The client is a ``rudderstack.analytics.Client``. RudderStack's SDK has Segment's API
(track, identify, page and group, each with ``user_id`` and ``anonymous_id``), so the
adapter is Segment's, matched to RudderStack's module. The one difference on the wire:
RudderStack's SDK sends identify traits in ``context.traits`` as well.
"""

from __future__ import annotations

from trackplan.targets.python.runtime.adapters.segment import _TpSegmentAdapter

# --- trackplan: inline below ---


class _TpRudderStackAdapter(_TpSegmentAdapter):
    """Maps the trackplan protocol onto RudderStack's track, identify, page, group."""

    # the SDK classes (module, name) whose instances this adapter wraps
    classes: tuple[tuple[str, str], ...] = (("rudderstack.analytics.client", "Client"),)
