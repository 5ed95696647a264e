import rules


@rules.predicate
def is_recipient(user, notification) -> bool:
    return notification is not None and notification.recipient_id == user.pk


rules.add_perm("notifications.read_notification", rules.is_authenticated & is_recipient)
