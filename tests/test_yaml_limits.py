"""Input that once stalled or crashed make check (issue 28, part 5): a nine-line 'billion laughs'
(repeats of repeats with & and *) hung it or printed 200 MB; lists nested thousands deep gave
"internal error" or a segfault. Both are one plain message at their line now, in a data file and in
a page's front matter, and a fuzz test over hostile YAML keeps it so."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.core.yamlfile import MAX_DEPTH, MAX_VALUES, parse

from conftest import ES_WAGES, assert_fails, assert_site_kept, run_cli

LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))


def block(depth: int) -> str:
    return "".join("  " * level + f"k{level}:\n" for level in range(depth)) + "  " * depth + "x: y\n"


@pytest.mark.parametrize("payload, words", [
    (LAUGHS, "repeats written with '*'"),
    ("deep: " + "[" * 5000 + "]" * 5000 + "\n", f"nested more than {MAX_DEPTH} deep"),
    ("deep: " + "{a: " * 3000 + "b" + "}" * 3000 + "\n", f"nested more than {MAX_DEPTH} deep"),
    (block(300), f"nested more than {MAX_DEPTH} deep"),
])
def test_a_words_file_that_would_stall_the_check_is_one_message(project_copy, payload, words):
    path = project_copy / "data/strings/es.yml"
    path.write_text(payload + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli(project_copy, "check")
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("data/strings/es.yml:")]
    assert len(lines) == 1 and words in lines[0], result.stdout
    assert len(result.stdout) < 5000


def test_front_matter_too_deep_is_one_error_at_its_line(project_copy):
    page = project_copy / ES_WAGES
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("reviewed:", "extra: " + "[" * 2000 + "]" * 2000 + "\nreviewed:", 1), encoding="utf-8")
    checked = assert_fails(project_copy, {(ES_WAGES, 4, "load")}, "nested more than", only="load")
    assert "nested" in checked.text


def test_the_site_is_not_rebuilt(project_copy):
    path = project_copy / "data/strings/es.yml"
    path.write_text(LAUGHS + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert_site_kept(project_copy, "repeats written with '*'")


def test_small_repeats_and_ordinary_nesting_still_read():
    parsed = parse("a: &a [1, 2]\nb: *a\nc: " + "[" * 10 + "]" * 10 + "\n" + block(8))
    assert parsed.error is None and parsed.data["b"] == [1, 2]


# Fuzz: documents built from anchors, repeats, brackets and indentation, at any size and depth.
PIECE = st.one_of(
    st.sampled_from(["[", "]", "{", "}", ", ", ": ", "- ", "\n", "  ", "'", '"', "#", "x", "é"]),
    st.builds(lambda n: f"&a{n} ", st.integers(0, 3)),
    st.builds(lambda n: f"*a{n}", st.integers(0, 3)),
)
HOSTILE = st.one_of(
    st.lists(PIECE, max_size=80).map("".join),
    st.builds(lambda depth, open_, close: "k: " + open_ * depth + "v" + close * depth,
              st.integers(0, 3000), st.sampled_from(["[", "{a: "]), st.sampled_from(["]", "}"])),
    st.builds(lambda levels, fan: "a0: &a0 [x, x]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * fan) + "]\n" for i in range(1, levels)),
        st.integers(1, 12), st.integers(1, 12)),
    st.builds(block, st.integers(0, 400)),
)


@settings(max_examples=250, deadline=None)
@given(HOSTILE, st.integers(1, 30))
def test_hostile_yaml_is_read_or_refused_never_raises(text, first_line):
    parsed = parse(text, first_line)
    if parsed.error:
        assert parsed.error_line >= first_line
        return
    values = 0
    stack = [(parsed.data, 0)]
    while stack:  # walked as the checks walk it: bounded by the limits
        item, depth = stack.pop()
        values += 1
        assert depth <= MAX_DEPTH + 1 and values <= 3 * MAX_VALUES + 1000
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
