"""The whole public record as one open-data archive: one CSV and one JSON per resource, a README and a
data dictionary (docs/OPEN_DATA.md). Each resource's column list serves its CSV, its JSON and the dictionary."""
