"""The importer of OGP's commitments and IRM data sheet (DOMAIN §9); see docs/IMPORT.md."""

from pathlib import Path

from irm_reports.importing.service import import_ogp_data
from irm_reports.importing.summary import ImportSummary

# A real extract of OGP's sheet (30 members, 269 commitments), shipped with its sources.
OGP_SAMPLE = Path(__file__).resolve().parent.parent / "data" / "ogp_commitments_sample.csv"

__all__ = ["OGP_SAMPLE", "ImportSummary", "import_ogp_data"]
