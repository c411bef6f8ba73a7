"""`cpconf quality FILE`: reads .txt, .md and .docx; one JSON object with --json; a clear
one-line error and exit status 2 for a file it cannot use."""

import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from cpconf.reports.management.commands.quality import (
    EMPTY,
    NOT_FOUND,
    NOT_SUPPORTED,
    UNREADABLE,
)

REPORT = (
    "Lily presented as withdrawn during my visit.\n"
    "It was reported that Dad hit her.\r\n\r\n"
    "Mum is a neglectful parent. Dad works nights. She was late 12 times."
)


def _run(*arguments: str) -> str:
    out = StringIO()
    call_command("quality", *arguments, stdout=out)
    return out.getvalue()


def test_json_is_one_object_with_offsets_into_the_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("utf-8"))
    result = json.loads(_run(str(path), "--json", "--child", "Lily", "--child", "Jack"))
    assert set(result) == {"reading", "sentences", "findings"}
    assert result["reading"]["sentences"] == 5
    rules = {finding["rule"] for finding in result["findings"]}
    assert {"jargon", "unattributed_report", "opinion_as_fact", "ambiguous_child"} <= rules
    for finding in result["findings"]:
        assert REPORT[finding["start"] : finding["end"]] == finding["text"]


def test_section_turns_on_the_section_rules(tmp_path):
    path = tmp_path / "worries.md"
    path.write_text("# Worries\n\n- Dad drinks most days.\n- Mum missed three appointments.\n")
    without = json.loads(_run(str(path), "--json"))
    with_section = json.loads(_run(str(path), "--json", "--section", "worries"))
    assert "missing_impact" not in {finding["rule"] for finding in without["findings"]}
    assert "missing_impact" in {finding["rule"] for finding in with_section["findings"]}


def test_human_readable_output_gives_line_offsets_and_messages(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    output = _run(str(path), "--child", "Lily", "--child", "Jack")
    assert output.startswith("report.txt: ")
    assert "Line 1, characters 0 to 44: Lily presented as withdrawn during my visit." in output
    assert "advice jargon (5 to 17): “presented as” is professional language" in output
    assert "Line 4, characters" in output
    assert "warning opinion_as_fact" in output


def test_word_documents_are_read_paragraph_by_paragraph(tmp_path):
    path = tmp_path / "report.docx"
    document = Document()
    document.add_paragraph("Ella was referred to CAMHS in May.")
    document.add_paragraph("Apparently Dad has moved back in.")
    document.save(str(path))
    result = json.loads(_run(str(path), "--json"))
    assert [sentence["text"] for sentence in result["sentences"]] == [
        "Ella was referred to CAMHS in May.",
        "Apparently Dad has moved back in.",
    ]
    assert {"acronym", "unattributed_report"} <= {f["rule"] for f in result["findings"]}


def test_windows_1252_text_is_read(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes("Mum\u2019s flat was cold when I visited.".encode("cp1252"))
    result = json.loads(_run(str(path), "--json"))
    assert result["sentences"][0]["text"] == "Mum\u2019s flat was cold when I visited."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, NOT_FOUND),
        ("empty.txt", b"", EMPTY),
        ("blank.md", b" \n\r\n\t", EMPTY),
        ("report.pdf", b"%PDF-1.7", NOT_SUPPORTED),
        ("binary.txt", b"\x00\xff\xfe\x00", UNREADABLE),
        ("broken.docx", b"not a zip file", UNREADABLE),
    ],
)
def test_a_file_it_cannot_use_is_a_usage_error(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError) as raised:
        call_command("quality", str(path))
    assert raised.value.returncode == 2
    assert str(raised.value).startswith(message.split("{path}")[0])


def test_a_directory_is_unreadable(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(CommandError) as raised:
        call_command("quality", str(folder))
    assert raised.value.returncode == 2


def test_the_console_script_exits_with_status_2_and_one_line(tmp_path):
    missing = tmp_path / "missing.txt"
    result = subprocess.run(
        [sys.executable, "-m", "cpconf", "quality", str(missing)],
        capture_output=True,
        text=True,
        check=False,
        env={**_environment(), "CPCONF_ENV": "test"},
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "Cannot find the file" in result.stderr


def _environment() -> dict[str, str]:
    import os

    return dict(os.environ)


# `cpconf quality` without the web application -------------------------------------------

NOWHERE = {"DJANGO_SETTINGS_MODULE": "nowhere.settings", "CPCONF_ENV": "no-such-environment"}
BLOCK_DJANGO = (
    "import sys; sys.modules['django'] = None; "  # any `import django` now fails
    "sys.argv = ['cpconf', *sys.argv[1:]]; "
    "from cpconf.__main__ import main; main()"
)


def _console(*arguments: str, python: tuple[str, ...] = ("-m", "cpconf")):
    return subprocess.run(
        [sys.executable, *python, *arguments],
        capture_output=True,
        text=True,
        check=False,
        env={**_environment(), **NOWHERE},
    )


def _report_files(tmp_path):
    text = tmp_path / "report.txt"
    text.write_bytes(REPORT.encode("utf-8"))
    word = tmp_path / "report.docx"
    document = Document()
    for paragraph in REPORT.splitlines():
        document.add_paragraph(paragraph)
    document.save(str(word))
    worries = tmp_path / "worries.md"
    worries.write_text("# Worries\n\n- Dad drinks most days.\n- Mum missed three appointments.\n")
    return text, word, worries


@pytest.mark.parametrize(
    ("which", "options"),
    [
        (0, ("--json",)),
        (0, ("--child", "Lily", "--child", "Jack")),
        (1, ("--json", "--child", "Lily", "--child", "Jack")),
        (1, ()),
        (2, ("--json", "--section", "worries")),
        (2, ("--section", "worries")),
    ],
)
def test_the_console_script_answers_as_the_management_command_does(tmp_path, which, options):
    path = _report_files(tmp_path)[which]
    result = _console("quality", str(path), *options)
    assert result.returncode == 0, result.stderr
    assert result.stdout == _run(str(path), *options)


def test_the_console_script_does_not_set_django_up(tmp_path):
    path, _, _ = _report_files(tmp_path)
    result = _console("quality", str(path), "--json", python=("-X", "importtime", "-m", "cpconf"))
    assert result.returncode == 0
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "cpconf.quality" in imported
    assert not {name for name in imported if name.split(".")[0] == "django"}
    assert json.loads(result.stdout)["reading"]["sentences"] == 5


def test_the_console_script_works_with_django_out_of_reach(tmp_path):
    path, word, _ = _report_files(tmp_path)
    for report in (path, word):
        result = _console("quality", str(report), "--json", python=("-c", BLOCK_DJANGO))
        assert result.returncode == 0, result.stderr
        assert result.stdout == _run(str(report), "--json")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, NOT_FOUND),
        ("empty.txt", b"", EMPTY),
        ("report.pdf", b"%PDF-1.7", NOT_SUPPORTED),
        ("binary.txt", b"\x00\xff\xfe\x00", UNREADABLE),
        ("broken.docx", b"not a zip file", UNREADABLE),
    ],
)
def test_the_console_script_refuses_a_file_in_one_line_as_the_command_does(
    tmp_path, name, content, message
):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = _console("quality", str(path), python=("-c", BLOCK_DJANGO))
    with pytest.raises(CommandError) as raised:
        call_command("quality", str(path))
    assert result.returncode == 2 == raised.value.returncode
    assert result.stdout == ""
    assert result.stderr == f"{raised.value}\n"
    assert result.stderr.startswith(message.split("{path}")[0])


def test_other_commands_still_go_to_django():
    result = subprocess.run(
        [sys.executable, "-m", "cpconf", "help", "quality"],
        capture_output=True,
        text=True,
        check=False,
        env={**_environment(), "CPCONF_ENV": "test"},
    )
    assert result.returncode == 0, result.stderr
    assert "--section KEY" in result.stdout
