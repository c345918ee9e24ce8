import pytest

from content.importer.text import NotesError, clean_lines, decode, repair


def mac_roman_mojibake(text: str) -> str:
    """What UTF-8 text looks like when read as Mac Roman (file 004's damage)."""
    return text.encode("utf-8").decode("mac_roman")


def test_mojibake_is_repaired_exactly_over_the_whole_document():
    original = (
        "- SQS:\n"
        "  - Expiration → ExpirationDate\n"
        "  - Scenario: the consumer’s visibility timeout – too short\n"
        "    - ✅ Correct: raise it with ChangeMessageVisibility\n"
        "    - ❌ Incorrect: delete the queue — it loses messages 🔹\n"
    )
    damaged = mac_roman_mojibake(original)
    assert "‚Üí" in damaged and "\uf8ff" in damaged
    assert repair(damaged) == original


def test_text_without_mojibake_is_left_alone():
    text = "Curly “quotes” and arrows → stay as written.\n"
    assert repair(text) == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "only blank space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("café".encode("latin-1") + b" notes", "not valid UTF-8"),
    ],
)
def test_unreadable_files_are_refused_with_the_reason(data, reason):
    with pytest.raises(NotesError, match=reason):
        decode(data)


def test_residue_lines_are_dropped_and_line_numbers_kept():
    text = "\n".join(
        [
            "Title",  # 1
            "yaml Copy code",  # 2: copy button, language goes onto the fence
            "```",  # 3
            "# a comment inside code",  # 4
            "```",  # 5
            "<!-- end list -->",  # 6
            "-",  # 7: empty bullet
            "NOT FOR DISTRIBUTION © Stephane Maarek www.datacumulus.com",  # 8
            "- A fact © Stephane Maarek",  # 9
            "[Info](#)",  # 10
            '"blue"¹ deployment',  # 11
        ]
    )
    lines = clean_lines(text)
    assert [(line.no, line.text) for line in lines] == [
        (1, "Title"),
        (3, "```yaml"),
        (4, "# a comment inside code"),
        (5, "```"),
        (9, "- A fact"),
        (11, '"blue" deployment'),
    ]
