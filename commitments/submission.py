"""What happens to a plan's commitments when the plan is submitted, said by the apps above (drafting writes the
final version of the draft into them) through hooks they register from their AppConfig.ready(); commitments never
imports them. A hook runs inside the submission's transaction, the plan's row locked."""

from collections.abc import Callable

Hook = Callable[[object], None]
_hooks: dict[str, Hook] = {}


def register(name: str, hook: Hook) -> None:
    _hooks[name] = hook


def plan_submitted(plan) -> None:
    for hook in _hooks.values():
        hook(plan)
