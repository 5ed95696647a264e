"""CSV files that are safe to open in a spreadsheet.

A spreadsheet runs a cell whose text starts with = + - or @ as a formula (a tab or a carriage return
before it is skipped), which lets anyone who writes a title run a formula on the computer of whoever opens
the download. Such a cell is written with a leading apostrophe, which spreadsheets read as "this is text".
Numbers, and text that is only a number, are written as they are.
"""

import csv
import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_NUMBER = re.compile(r"[-+]?[0-9]+([.,][0-9]+)*")


def spreadsheet_safe(value: object) -> object:
    """The value to write in a CSV cell: text that a spreadsheet would run as a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SpreadsheetSafeDictWriter(csv.DictWriter):
    """`csv.DictWriter` whose cells go through `spreadsheet_safe`."""

    def writerow(self, rowdict):
        return super().writerow({key: spreadsheet_safe(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts):
        for rowdict in rowdicts:
            self.writerow(rowdict)
