"""The Python target: server tracking modules that import only the standard library."""

from trackplan.targets.naming import NameRules
from trackplan.targets.python import naming
from trackplan.targets.python.render import render

NAMES = NameRules(
    method=naming.method_name,
    argument=naming.argument_name,
    group=naming.group_argument,
    type_name=naming.origin_type_name,
    amount=naming.AMOUNT,
)

__all__ = ["NAMES", "render"]
