"""Small text normalisations shared by the apps."""


def single_line(text: str) -> str:
    """The text on one line: every run of whitespace (line breaks, tabs, Unicode separators) is one space.

    E-mail headers such as the subject must not contain a line break (Django refuses to send them).
    """
    return " ".join(str(text).split())
