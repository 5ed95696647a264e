import rules


@rules.predicate
def is_confirmed_member_of_requested_organisation(user, requester) -> bool:
    """`user` speaks for the organisation `requester` asks to join (and is not the requester)."""
    return (
        requester is not None
        and requester.organisation_id is not None
        and user.pk != requester.pk
        and user.organisation_id == requester.organisation_id
        and user.organisation_confirmed_at is not None
    )


rules.add_perm(
    "accounts.decide_membership",
    rules.is_authenticated & rules.is_active & (rules.is_staff | is_confirmed_member_of_requested_organisation),
)
