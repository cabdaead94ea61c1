"""Run as a script from svc_b/: `tracking` is svc_b/tracking.py, beta's module."""

from tracking import Tracker

tracker = Tracker(env="dev", destinations={})
tracker.order_completed(user_id_="u1")
tracker.page_shown(user_id_="u1")
