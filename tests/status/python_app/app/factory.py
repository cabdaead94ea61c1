"""A factory whose return annotation is the Tracker."""

from app import tracking as analytics


def make() -> analytics.Tracker:
    return analytics.Tracker(env="prod", destinations={})


def make_inferred():
    # No annotation: the returned value is followed.
    return make()
