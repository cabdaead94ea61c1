"""The TypeScript target: browser (client) and Node (server) tracking modules."""

from trackplan.targets.naming import NameRules
from trackplan.targets.typescript import naming
from trackplan.targets.typescript.render import render

NAMES = NameRules(
    method=naming.method_name,
    argument=naming.argument_name,
    group=naming.group_argument,
    type_name=naming.origin_type_name,
    amount=naming.AMOUNT,
)

__all__ = ["NAMES", "render"]
