"""The roles of the permission matrix and how one of its lines (`Endpoint`) says who may do what."""

from dataclasses import dataclass, field

ANONYMOUS = "anonymous"
ROLES = (
    ANONYMOUS,
    "owner",  # the participant who wrote the proposal, the draft and the comment
    "participant",  # another participant
    "poc",  # point of contact of the member that owns the plan, consultation, forum…
    "other_poc",  # point of contact of another member
    "researcher",  # IRM researcher assigned to the member's completed plan
    "other_researcher",  # IRM researcher assigned to nothing here
    "staff",  # support unit (is_staff); the superuser's powers are a superset
)
PUBLIC = frozenset(ROLES)
SIGNED_IN = PUBLIC - {ANONYMOUS}
NOBODY = frozenset()
MANAGERS = frozenset({"poc", "staff"})
OWNER = frozenset({"owner"})
PARTICIPANTS = frozenset({"owner", "participant"})
DISCUSSANTS = frozenset({"owner", "participant", "poc", "staff"})
REPORT_TEAM = frozenset({"researcher", "staff"})
STAFF = frozenset({"staff"})


@dataclass(frozen=True)
class Endpoint:
    """How to reach one URL pattern and who may use it.

    kwargs: world key of the object the URL takes (its pk, or slug for members), or a function of the world.
    read: who may GET it (None: not a page to read, e.g. a button or a file download).
    writes: method -> who may send it. payload: what a legitimate user would send.
    """

    kwargs: object = None
    read: frozenset | None = PUBLIC
    writes: dict = field(default_factory=dict)
    payload: dict = field(default_factory=dict)
    api: bool = False
    refused_methods: tuple = ()  # methods the view declares but answers 405 to everyone

    def url_kwargs(self, world) -> dict:
        if self.kwargs is None:
            return {}
        if callable(self.kwargs):
            return self.kwargs(world)
        obj = world[self.kwargs]
        return {"slug": obj.slug} if hasattr(obj, "slug") else {"pk": obj.pk}


def pk(key: str):
    return lambda world: {"pk": world[key].pk}
