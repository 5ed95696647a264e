"""Remove the metadata (EXIF with GPS, XMP, text chunks) of image attachments stored before uploads were cleaned."""

from django.core.management.base import BaseCommand

from consultations.models import ProposalAttachment
from consultations.uploads import attachment_strip_metadata


class Command(BaseCommand):
    help = "Store image attachments again, upright and without their metadata; images already clean are left alone."

    def handle(self, *args, **options):
        attachments = ProposalAttachment.objects.filter(content_type__startswith="image/").order_by("pk")
        changed = sum(attachment_strip_metadata(attachment=attachment) for attachment in attachments.iterator())
        self.stdout.write(f"{changed} image attachment(s) cleaned.")
