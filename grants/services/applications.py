"""Applications: drafts written by an organisation's member, checked, then submitted."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from common.db import UNCHANGED, set_fields
from common.uploads import check_upload_quota
from consultations.uploads import check_attachments
from grants.models import ApplicationAnswer, ApplicationAttachment, BudgetLine, GrantApplication, GrantCall
from grants.services._common import money, notify_applicant


def budget_check(*, call: GrantCall, amount_requested: Decimal | None, lines: list[tuple[str, Decimal]]) -> None:
    """The amount asked stays within the call's range and the budget lines add up to it, or a ValidationError."""
    errors = {}
    if amount_requested is not None and not call.amount_min <= amount_requested <= call.amount_max:
        errors["amount_requested"] = _("This call gives grants from %(min)s to %(max)s; you asked for %(amount)s.") % {
            "min": money(call.amount_min, call.currency),
            "max": money(call.amount_max, call.currency),
            "amount": money(amount_requested, call.currency),
        }
    total = sum((amount for _description, amount in lines), Decimal("0"))
    if lines and amount_requested is not None and total != amount_requested:
        errors["budget"] = _(
            "The budget lines add up to %(total)s, not to the %(amount)s requested: "
            "correct a line or the amount requested (a difference of %(difference)s)."
        ) % {
            "total": money(total, call.currency),
            "amount": money(amount_requested, call.currency),
            "difference": money(abs(amount_requested - total), call.currency),
        }
    if errors:
        raise ValidationError(errors)


def eligibility_problems(*, call: GrantCall, organisation: Organisation | None) -> list[str]:
    """Why `organisation` may not apply to `call` (an empty list when it may)."""
    if organisation is None:
        return [_("Only a confirmed member of an organisation may apply: ask to join yours in your profile.")]
    problems = []
    if call.civil_society_only and organisation.kind != Organisation.Kind.CIVIL_SOCIETY:
        problems.append(_("This call is open to civil society organisations only."))
    members = list(call.eligible_members.all())
    if members:
        countries = {str(member.country) for member in members if member.country}
        member_ids = {member.pk for member in members}
        if organisation.member_id not in member_ids and str(organisation.country or "") not in countries:
            problems.append(
                _("This call is open to organisations of %(members)s only.")
                % {"members": ", ".join(sorted(member.display_name for member in members))}
            )
    return problems


def _check_answers(call: GrantCall, answers) -> None:
    """Answers are to the call's own questions."""
    if answers is UNCHANGED or not answers:
        return
    if set(answers) - set(call.questions.values_list("pk", flat=True)):
        raise ValidationError({"answers": _("Answer only the questions of this call.")})


def _write_parts(application: GrantApplication, answers, budget_lines, attachments, uploader=None) -> None:
    if answers is not UNCHANGED:
        for question_id, text in answers.items():
            ApplicationAnswer.objects.update_or_create(
                application=application, question_id=question_id, defaults={"text": (text or "").strip()}
            )
    if budget_lines is not UNCHANGED:
        application.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(
            BudgetLine(application=application, order=order, description=description.strip(), amount=amount)
            for order, (description, amount) in enumerate(budget_lines, start=1)
        )
    for item in attachments:
        ApplicationAttachment.objects.create(
            application=application,
            uploaded_by=uploader,
            file=item.upload,
            original_name=item.name,
            content_type=item.content_type,
            size=item.size,
        )


def application_create(
    *,
    call: GrantCall,
    applicant: User,
    title: str,
    summary: str,
    amount_requested: Decimal,
    answers: dict | None = None,
    budget_lines: list | None = None,
    attachments=(),
) -> GrantApplication:
    """A draft application of the applicant's organisation; budget and amount are checked at once."""
    checked = check_attachments(attachments)  # before any lock: images are decoded here
    budget_lines = budget_lines or []
    with transaction.atomic():
        call = GrantCall.objects.select_for_update().get(pk=call.pk)
        if not call.is_open:
            raise ValidationError(_("This call is not open: it does not accept applications."))
        organisation = applicant.confirmed_organisation
        if organisation is None:
            raise ValidationError(eligibility_problems(call=call, organisation=None))
        if GrantApplication.objects.filter(call=call, organisation=organisation).exists():
            raise ValidationError(_("Your organisation has already applied to this call: edit that application."))
        budget_check(call=call, amount_requested=amount_requested, lines=budget_lines)
        _check_answers(call, answers)
        check_upload_quota(user=applicant, incoming=sum(item.size for item in checked))
        application = GrantApplication(call=call, organisation=organisation, applicant=applicant)
        set_fields(application, title=title, summary=summary, amount_requested=amount_requested)
        application.full_clean()
        application.save()
        _write_parts(application, answers or {}, budget_lines, checked, uploader=applicant)
    return application


def application_update(
    *,
    application: GrantApplication,
    title: str = UNCHANGED,
    summary: str = UNCHANGED,
    amount_requested: Decimal = UNCHANGED,
    answers: dict = UNCHANGED,
    budget_lines: list = UNCHANGED,
    attachments=(),
    remove_attachments=(),
    uploader: User | None = None,
) -> GrantApplication:
    """Change a draft while the call is open; new files count against the quota of `uploader` (who sends them)."""
    removed = list(application.attachments.filter(pk__in=[a.pk for a in remove_attachments]))
    checked = check_attachments(attachments, already=application.attachments.count() - len(removed))
    with transaction.atomic():
        application = (
            GrantApplication.objects.select_for_update(of=("self",)).select_related("call").get(pk=application.pk)
        )
        if not application.is_draft or not application.call.is_open:
            raise ValidationError(_("This application can no longer be changed."))
        set_fields(application, title=title, summary=summary, amount_requested=amount_requested)
        lines = (
            [(line.description, line.amount) for line in application.budget_lines.all()]
            if budget_lines is UNCHANGED
            else budget_lines
        )
        budget_check(call=application.call, amount_requested=application.amount_requested, lines=lines)
        _check_answers(application.call, answers)
        freed = sum(a.size for a in removed if uploader is not None and a.uploaded_by_id == uploader.pk)
        check_upload_quota(user=uploader, incoming=sum(item.size for item in checked), freed=freed)
        application.full_clean()
        application.save()
        for attachment in removed:
            attachment.file.delete(save=False)
            attachment.delete()
        _write_parts(application, answers, budget_lines, checked, uploader=uploader)
    return application


def _submission_problems(application: GrantApplication) -> dict:
    call = application.call
    problems = {}
    eligibility = eligibility_problems(call=call, organisation=application.organisation)
    if eligibility:
        problems["organisation"] = eligibility
    lines = [(line.description, line.amount) for line in application.budget_lines.all()]
    if not lines:
        problems["budget"] = [_("Add the budget lines of the project before submitting.")]
    try:
        budget_check(call=call, amount_requested=application.amount_requested, lines=lines)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            problems.setdefault(field, []).extend(messages)
    answered = {a.question_id for a in application.answers.all() if a.text.strip()}
    missing = [q.display_text for q in call.questions.all() if q.required and q.pk not in answered]
    if missing:
        problems["answers"] = [_("Answer the question “%(question)s”.") % {"question": text} for text in missing]
    return problems


def application_submit(*, application: GrantApplication) -> GrantApplication:
    """Submit a complete draft of an eligible organisation while the call is open; the applicant gets an e-mail."""
    with transaction.atomic():
        application = (
            GrantApplication.objects.select_for_update(of=("self",))
            .select_related("call", "organisation", "applicant")
            .get(pk=application.pk)
        )
        if not application.is_draft:
            raise ValidationError(_("This application is already submitted."))
        if not application.call.is_open:
            raise ValidationError(_("This call is closed: the application can no longer be submitted."))
        problems = _submission_problems(application)
        if problems:
            raise ValidationError([message for messages in problems.values() for message in messages])
        application.status = GrantApplication.Status.SUBMITTED
        application.submitted_at = timezone.now()
        application.save(update_fields=["status", "submitted_at", "updated_at"])
        notify_applicant(application, "application_submitted")
    return application


def awarded_total(call: GrantCall) -> Decimal:
    return call.applications.filter(status=GrantApplication.Status.AWARDED).aggregate(total=Sum("amount_awarded"))[
        "total"
    ] or Decimal("0")
