"""Signed-in pages of institution contacts and of followers, and the data they need, made through the portal's own
services on the filled database: each member's ministry leads its commitments, has a contact and proposals
referred to it; people follow commitments (one followed by thousands).

Pages: the contact's page (/my-institutions/), a referral's page (/referrals/<id>/), a commitment page as one of
its followers sees it, and the follower's list in the API (/api/v1/commitment-follows/).
Run inside setup_data (Django set up, the database filled).
"""

import random

from bench.addresses import page
from bench.sessions import _pairs, _user, session_cookie  # the same sessions as the other signed-in pages

REFERRALS_PER_MEMBER = 3
QUESTION = "Is this feasible within the plan's budget this year?"
HOT_FOLLOWERS = 2_000  # followers of the first followed commitment (fewer when there are fewer users)
FOLLOWERS = 200  # people with a list of follows, each with a session
FOLLOWS_EACH = 50


def _institutions(members) -> list[tuple[str, list[int]]]:
    """For each member: its ministry (leading all its commitments), one contact, proposals referred to it by the
    member's point of contact. Returns (cookie, referral ids) of each contact."""
    from accounts.models import User
    from commitments.models import Commitment
    from commitments.services.institutions import institution_contact_add
    from commitments.services.members import organisation_for_name
    from consultations.models import Proposal
    from consultations.services.referrals import referral_create

    contacts = []
    for member in members:
        poc = User.objects.filter(member=member, role=User.Role.POINT_OF_CONTACT).order_by("pk").first()
        poc = poc or _user(f"referrer-{member.pk}", role=User.Role.POINT_OF_CONTACT, member=member)
        ministry = organisation_for_name(member=member, name=f"Ministry of Finance {member.pk}", kind="government")
        Commitment.objects.filter(action_plan__member=member).update(lead_institution=ministry)
        user = _user(f"institution-contact-{member.pk}")
        institution_contact_add(member=member, institution_name=ministry.name, email=user.email, added_by=poc)
        proposals = Proposal.objects.filter(consultation__action_plan__member=member, status="submitted")
        referrals = [
            referral_create(proposal=proposal, institution_name=ministry.name, question=QUESTION, requested_by=poc).pk
            for proposal in proposals.order_by("pk")[:REFERRALS_PER_MEMBER]
        ]
        contacts.append((session_cookie(user), referrals))
    return contacts


def _follows() -> tuple[int, list[tuple[str, int]]]:
    """The hot commitment (followed by up to HOT_FOLLOWERS people) and (cookie, user id) of FOLLOWERS people who
    each follow FOLLOWS_EACH commitments besides it (written in bulk, as many follows at once)."""
    from accounts.models import User
    from commitments.models import Commitment, CommitmentFollow

    commitments = list(Commitment.objects.order_by("pk").values_list("pk", flat=True))
    hot = commitments[len(commitments) // 2]
    users = list(User.objects.filter(role=User.Role.PARTICIPANT, is_active=True).order_by("pk")[:HOT_FOLLOWERS])
    rows = {(hot, user.pk) for user in users[:HOT_FOLLOWERS]}
    followers = users[:FOLLOWERS]
    for index, user in enumerate(followers):
        for k in range(FOLLOWS_EACH):
            rows.add((commitments[(index * 37 + k * 101) % len(commitments)], user.pk))
    CommitmentFollow.objects.bulk_create(
        [CommitmentFollow(commitment_id=c, user_id=u) for c, u in sorted(rows)], batch_size=5_000
    )
    return hot, [(session_cookie(user), user.pk) for user in followers]


def institution_and_follow_pages(rng: random.Random, members) -> list[dict]:
    from commitments.models import CommitmentFollow

    contacts = _institutions(members)
    (first_cookie, first_referrals), others = contacts[0], contacts[1:]
    referral_pairs = [(f"/referrals/{pk}/", cookie) for cookie, referrals in contacts for pk in referrals]
    first_referral = (f"/referrals/{first_referrals[0]}/", first_cookie)
    hot, followers = _follows()
    (follower_cookie, _pk), more = followers[0], followers[1:]
    followed = CommitmentFollow.objects.filter(user_id__in=[pk for _cookie, pk in followers])
    cookies = {pk: cookie for cookie, pk in followers}
    follow_pairs = [(f"/commitments/{c}/", cookies[u]) for c, u in followed.values_list("commitment_id", "user_id")]
    hit = (f"/commitments/{hot}/", follower_cookie)
    return [
        page("institution contact's page", "signed_in", "/my-institutions/",
             _pairs(rng, [("/my-institutions/", cookie) for cookie, _referrals in others]),
             headers={"Cookie": first_cookie}),
        page("referral page", "signed_in", first_referral[0],
             _pairs(rng, [p for p in referral_pairs if p != first_referral]), headers={"Cookie": first_cookie}),
        page("followed commitment, as a follower", "signed_in", hit[0],
             _pairs(rng, [p for p in follow_pairs if p != hit]), headers={"Cookie": follower_cookie}),
        page("API commitment follows", "signed_in", "/api/v1/commitment-follows/",
             _pairs(rng, [("/api/v1/commitment-follows/", cookie) for cookie, _pk in more]),
             headers={"Cookie": follower_cookie}),
    ]  # fmt: skip
