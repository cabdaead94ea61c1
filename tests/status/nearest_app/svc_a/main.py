"""Run as a script from svc_a/: `tracking` is svc_a/tracking.py, alpha's module."""

from tracking import Tracker

tracker = Tracker(env="dev", destinations={})
tracker.signed_up(user_id_="u1")
