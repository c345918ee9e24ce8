from content.importer.normalize import normalize
from content.importer.text import Line


def lines(text: str) -> list[Line]:
    return [Line(number, line) for number, line in enumerate(text.split("\n"), start=1)]


def test_shattered_code_fences_are_merged():
    body, _ = normalize(lines("```yaml\nA: 1\n```\n\n```\nB: 2\n```"))
    assert body == "```yaml\nA: 1\n\nB: 2\n```"


def test_tab_separated_rows_become_a_markdown_table():
    body, _ = normalize(lines("Storage classes\n<b>Class</b>\tDays\nStandard-IA\t30\nGlacier\t90"))
    assert body.splitlines() == [
        "Storage classes",
        "",
        "| Class | Days |",
        "|---|---|",
        "| Standard-IA | 30 |",
        "| Glacier | 90 |",
    ]


def test_table_inside_a_list_item_is_lifted_out():
    body, _ = normalize(lines("- | Header | Value |\n  |---|---|\n\n     | x-amz | SSE |\nAfter"))
    assert body.splitlines() == ["| Header | Value |", "|---|---|", "| x-amz | SSE |", "", "After"]


def test_iam_actions_and_line_numbers_in_code_are_repaired():
    body, _ = normalize(lines('```json\n1 {\n2 "Action": "logs>CreateLogGroup"\n3 }\n```'))
    assert body == '```json\n{\n"Action": "logs:CreateLogGroup"\n}\n```'


def test_collapsed_one_line_section_is_split():
    collapsed = (
        "> **Note:** nested stacks keep templates small. " + "More words here. " * 12
        + "--- ## Deployment Steps: 1. Upload the child templates. --- ## Summary "
        "| Aspect | Explanation | |-----|-----| | What are they? | Stacks in stacks |"
    )  # fmt: skip
    body, _ = normalize(lines(collapsed))
    assert "## Deployment Steps: 1. Upload the child templates." in body.splitlines()
    assert "| What are they? | Stacks in stacks |" in body.splitlines()


def test_lost_content_is_flagged_incomplete():
    _, flags = normalize(lines("The sign-in page URL has the following format:"))
    assert "incomplete" in flags
    _, flags = normalize(lines('- "aws:SourceIp": ""\n- Network Address ('))
    assert "incomplete" in flags
    _, flags = normalize(lines("A complete sentence about S3."))
    assert flags == []


def test_unfenced_json_fragments_are_fenced_and_flagged():
    body, flags = normalize(lines('Policy:\n"Effect": "Allow",\n"Action": "s3:GetObject",\nDone.'))
    assert body == 'Policy:\n```text\n"Effect": "Allow",\n"Action": "s3:GetObject",\n```\nDone.'
    assert "code_fragment" in flags
