"""Neither tracking.py is nearer to this file than the other: no source counts it."""

from tracking import Tracker

Tracker(env="dev", destinations={}).order_completed(user_id_="u1")
